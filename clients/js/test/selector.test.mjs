import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { parseSelector } from '../src/selector.js';
import { TopiaryError } from '../src/index.js';

// Value streams match selectors locally (src/selector.js). This test holds that matcher to
// the example tables of docs/selectors.md, which the server's own tests check too.
const markdown = await readFile(new URL('../../../docs/selectors.md', import.meta.url), 'utf8');

function table(marker) {
  const start = markdown.indexOf(`<!-- examples:${marker} -->`);
  assert.ok(start >= 0, `docs/selectors.md has the '${marker}' table`);
  const rows = [];
  for (const line of markdown.slice(start).split('\n').slice(3)) {
    if (!line.startsWith('|')) {
      break;
    }
    const cells = line.replaceAll('\\|', '\u0000').split('|').slice(1, -1)
      .map((cell) => cell.trim().replaceAll('\u0000', '|').replace(/^`(.*)`$/, '$1'));
    rows.push(cells);
  }
  return rows;
}

// JavaScript's \d is ASCII only; the server's matches any Unicode digit (docs/client-js.md says so).
const knownDifferences = new Set(['?\\d/x ٣/x']);

test('local selector matching agrees with the examples of docs/selectors.md', () => {
  const rows = table('selects');
  assert.ok(rows.length > 30, `${rows.length} rows`);
  for (const [selector, path, selected] of rows) {
    const expected = selected === 'yes';
    const actual = parseSelector(selector)(path);
    if (knownDifferences.has(`${selector} ${path}`)) {
      assert.equal(actual, !expected, `'${selector}' on '${path}' is a documented difference`);
    } else {
      assert.equal(actual, expected, `'${selector}' selects '${path}'`);
    }
  }
});

// The reasons the local parser reports; regex support differs between the engines
// (JavaScript accepts lookahead and backreferences; the server refuses them).
const localReasons = new Set(['EMPTY', 'RESERVED_PREFIX', 'INVALID_PATH', 'EMPTY_PART', 'SET_SEPARATOR_IN_PATTERN', 'EMPTY_MEMBER']);

test('invalid selectors fail locally with the reason and position of docs/selectors.md', () => {
  const rows = table('errors').filter(([, reason]) => localReasons.has(reason));
  assert.ok(rows.length >= 9, `${rows.length} rows`);
  for (const [selector, reason, position] of rows) {
    const error = (() => {
      try {
        parseSelector(selector);
      } catch (thrown) {
        return thrown;
      }
      return assert.fail(`'${selector}' was accepted`);
    })();
    assert.ok(error instanceof TopiaryError);
    assert.equal(error.code, 'INVALID_SELECTOR');
    assert.deepEqual([error.details.reason, error.details.position], [reason, Number(position)], `'${selector}': ${error.message}`);
    assert.equal(error.details.selector, selector);
  }
});

test('a regular expression JavaScript cannot compile fails with INVALID_REGEX at its part', () => {
  assert.throws(() => parseSelector('?sensors/[^/]+'), (error) =>
    error.details.reason === 'INVALID_REGEX' && error.details.position === 9 && /JavaScript/.test(error.message));
  assert.throws(() => parseSelector('*sensors/(floor1'), (error) => error.details.reason === 'INVALID_REGEX' && error.details.position === 1);
  assert.throws(() => parseSelector(7), (error) => error.code === 'INVALID_ARGUMENT' && error.details.argument === 'selector');
});
