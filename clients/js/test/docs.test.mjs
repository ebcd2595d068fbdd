import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { startGateway } from './support/gateway.mjs';

// Runs every `js` block of docs/client-js.md, in order, as one program against a real
// gateway, and checks that each line marked `// prints: text` was printed (in that order).
const documentUrl = new URL('../../../docs/client-js.md', import.meta.url);
const libraryUrl = new URL('../src/index.js', import.meta.url);
const documentedPassword = 'change-me-please';

let gateway;
let directory;

before(async () => {
  gateway = await startGateway({ adminPassword: documentedPassword });
  directory = await mkdtemp(join(tmpdir(), 'topiary-js-docs-'));
});
after(async () => {
  await gateway?.stop();
  if (directory !== undefined) {
    await rm(directory, { recursive: true, force: true });
  }
});

test('the examples of docs/client-js.md run and print what they say', async () => {
  const markdown = await readFile(documentUrl, 'utf8');
  const blocks = [...markdown.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  assert.ok(blocks.length >= 8, `found ${blocks.length} js blocks`);
  const program = blocks.join('\n')
    .replaceAll("'@topiary/client'", `'${libraryUrl.href}'`)
    .replaceAll('ws://localhost:8080', gateway.url.replace('http:', 'ws:'));
  assert.ok(program.includes(libraryUrl.href) && program.includes(gateway.url.replace('http:', 'ws:')), 'the placeholders were found');
  const file = join(directory, 'examples.mjs');
  await writeFile(file, program);

  const { stdout, stderr } = await promisify(execFile)(process.execPath, [file], { timeout: 60_000 })
    .catch((error) => assert.fail(`the examples failed:\n${error.stderr}\n${error.stdout}`));
  assert.equal(stderr, '', 'nothing was reported as an error');

  const expected = [...markdown.matchAll(/^\/\/ prints: (.*)$/gm)].map((m) => m[1]);
  assert.ok(expected.length >= 10, `found ${expected.length} '// prints:' lines`);
  const printed = stdout.split('\n');
  let at = 0;
  for (const line of expected) {
    const found = printed.findIndex((candidate, index) => index >= at && candidate.includes(line));
    assert.ok(found >= 0, `expected a line containing '${line}' after line ${at} of the output:\n${stdout}`);
    at = found + 1;
  }
});
