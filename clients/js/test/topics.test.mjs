import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Session } from '../src/index.js';
import { gatewayWithSession } from './support/fixture.mjs';
import { rejectsWith } from './support/waiting.mjs';

const fixture = gatewayWithSession();

describe('add', () => {
  test('adds a topic, then reports an equivalent one as not added', async () => {
    assert.equal(await fixture.session.topics.add('add/plain', 'STRING'), true);
    assert.equal(await fixture.session.topics.add('add/plain', 'string'), false);
    assert.equal(await fixture.session.topics.add('add/props', 'DOUBLE', { persistent: 'FALSE', PRIORITY: 'high' }), true);
    assert.equal(await fixture.session.topics.add('add/props', 'DOUBLE', { PERSISTENT: 'false', priority: 'HIGH' }), false);
    const [topic] = (await fixture.session.topics.fetch('>add/props', { withProperties: true })).results;
    assert.deepEqual(topic.properties, { PERSISTENT: 'false', PRIORITY: 'high' });
  });

  test('fails with CONFLICT when a different topic exists', async () => {
    await fixture.session.topics.add('add/conflict', 'STRING');
    await rejectsWith(fixture.session.topics.add('add/conflict', 'INT64'), 'CONFLICT');
  });

  test('fails with INVALID_PATH for a bad path, naming the position', async () => {
    const error = await rejectsWith(fixture.session.topics.add('a//b', 'STRING'), 'INVALID_PATH', { path: 'a//b', reason: 'EMPTY_SEGMENT' });
    assert.equal(typeof error.details.position, 'number');
    await rejectsWith(fixture.session.topics.add('$reserved/x', 'STRING'), 'INVALID_PATH', { reason: 'RESERVED' });
  });

  test('fails with INVALID_SPECIFICATION for an unknown property', async () => {
    await rejectsWith(fixture.session.topics.add('add/spec', 'STRING', { COLOUR: 'red' }), 'INVALID_SPECIFICATION');
  });

  test('fails with UNSUPPORTED for TIME_SERIES', async () => {
    await rejectsWith(fixture.session.topics.add('add/series', 'TIME_SERIES', { TIME_SERIES_EVENT_VALUE_TYPE: 'string' }), 'UNSUPPORTED',
      { feature: 'TIME_SERIES' });
  });

  test('checks its arguments locally', async () => {
    await rejectsWith(fixture.session.topics.add('', 'STRING'), 'INVALID_ARGUMENT', { argument: 'path', reason: 'EMPTY' });
    await rejectsWith(fixture.session.topics.add(42, 'STRING'), 'INVALID_ARGUMENT', { argument: 'path', reason: 'WRONG_TYPE' });
    await rejectsWith(fixture.session.topics.add('add/x', 'TEXT'), 'INVALID_ARGUMENT', { argument: 'type', reason: 'UNKNOWN_TYPE' });
    await rejectsWith(fixture.session.topics.add('add/x', 'STRING', { PERSISTENT: true }), 'INVALID_ARGUMENT', { argument: 'properties' });
    await rejectsWith(fixture.session.topics.add('add/x', 'STRING', ['PERSISTENT']), 'INVALID_ARGUMENT', { argument: 'properties' });
    assert.equal((await fixture.session.topics.fetch('?add/x')).results.length, 0, 'nothing was added');
  });
});

describe('addAndSet', () => {
  test('adds and sets, then sets the existing topic', async () => {
    const first = await fixture.session.topics.addAndSet('aas/counter', 'INT64', 1n);
    assert.equal(first.added, true);
    assert.equal(first.sequence, 1);
    assert.match(first.epoch, /^[0-9a-f]{16}$/);
    const second = await fixture.session.topics.addAndSet('aas/counter', 'INT64', 2);
    assert.deepEqual(second, { added: false, epoch: first.epoch, sequence: 2 });
    const [topic] = (await fixture.session.topics.fetch('>aas/counter', { withValues: true })).results;
    assert.equal(topic.value, 2n);
  });

  test('fails with CONFLICT when a topic of another type exists', async () => {
    await fixture.session.topics.add('aas/text', 'STRING');
    await rejectsWith(fixture.session.topics.addAndSet('aas/text', 'DOUBLE', 1.5), 'CONFLICT');
  });

  test('fails locally for a value the type cannot hold', async () => {
    await rejectsWith(fixture.session.topics.addAndSet('aas/bad', 'DOUBLE', '1.5'), 'INVALID_ARGUMENT', { argument: 'value', expected: 'DOUBLE' });
    assert.equal((await fixture.session.topics.fetch('>aas/bad')).results.length, 0);
  });
});

describe('set', () => {
  test('returns the new sequence', async () => {
    await fixture.session.topics.add('set/greeting', 'STRING');
    assert.equal(await fixture.session.topics.set('set/greeting', 'STRING', 'hello'), 1);
    assert.equal(await fixture.session.topics.set('set/greeting', 'STRING', 'again'), 2);
  });

  test('fails with NOT_FOUND for a missing topic', async () => {
    await rejectsWith(fixture.session.topics.set('set/missing', 'STRING', 'x'), 'NOT_FOUND');
  });

  test('fails with INCOMPATIBLE_TYPE for a value of another type', async () => {
    await fixture.session.topics.add('set/number', 'DOUBLE');
    await rejectsWith(fixture.session.topics.set('set/number', 'STRING', '1.5'), 'INCOMPATIBLE_TYPE', { expected: 'DOUBLE', actual: 'STRING' });
  });

  test('fails with INVALID_VALUE for malformed JSON text', async () => {
    await fixture.session.topics.add('set/json', 'JSON');
    await rejectsWith(fixture.session.topics.set('set/json', 'JSON', '{"a":'), 'INVALID_VALUE');
  });

  test('fails with INVALID_VALUE when clearing a JSON topic', async () => {
    await rejectsWith(fixture.session.topics.set('set/json', 'JSON', null), 'INVALID_VALUE', { path: 'set/json' });
  });

  test('fails with PERMISSION_DENIED for an anonymous session', async () => {
    const anonymous = await Session.open({ url: fixture.gateway.url });
    try {
      await rejectsWith(anonymous.topics.set('set/greeting', 'STRING', 'x'), 'PERMISSION_DENIED');
      await rejectsWith(anonymous.topics.add('set/anonymous', 'STRING'), 'PERMISSION_DENIED');
    } finally {
      await anonymous.close();
    }
  });
});

describe('remove', () => {
  test('removes what a selector selects and counts it', async () => {
    await fixture.session.topics.add('rm/a', 'STRING');
    await fixture.session.topics.add('rm/a/b', 'STRING');
    await fixture.session.topics.add('rm/c', 'STRING');
    assert.equal(await fixture.session.topics.remove('?rm/a//'), 2);
    assert.deepEqual((await fixture.session.topics.fetch('?rm//')).results.map((t) => t.path), ['rm/c']);
    assert.equal(await fixture.session.topics.remove('>rm/nothing'), 0);
  });

  test('fails with INVALID_SELECTOR for a bad selector', async () => {
    await rejectsWith(fixture.session.topics.remove('?rm//x'), 'INVALID_SELECTOR', { selector: '?rm//x', reason: 'EMPTY_PART', position: 4 });
    await rejectsWith(fixture.session.topics.remove('$sys'), 'INVALID_SELECTOR', { reason: 'RESERVED_PREFIX' });
  });
});

describe('fetch', () => {
  before(async () => {
    for (const path of ['fx/b', 'fx/a/c', 'fx/a', 'fx/a/b']) {
      await fixture.session.topics.addAndSet(path, 'STRING', `value of ${path}`);
    }
    await fixture.session.topics.add('fx/empty', 'STRING', { PRIORITY: 'low' });
  });

  test('returns topics in path order, without values or properties unless asked', async () => {
    const page = await fixture.session.topics.fetch('?fx//');
    assert.equal(page.hasMore, false);
    assert.deepEqual(page.results.map((t) => t.path), ['fx/a', 'fx/a/b', 'fx/a/c', 'fx/b', 'fx/empty']);
    assert.deepEqual(page.results[0], { path: 'fx/a', type: 'STRING', value: undefined, properties: undefined, sequence: undefined });
  });

  test('returns values and properties when asked', async () => {
    const { results } = await fixture.session.topics.fetch('#>fx/a////>fx/empty', { withValues: true, withProperties: true });
    assert.equal(results.length, 2);
    assert.equal(results[0].value, 'value of fx/a');
    assert.equal(results[0].sequence, 1);
    assert.deepEqual(results[0].properties, {});
    assert.equal(results[1].value, undefined, 'a topic without a value has none');
    assert.deepEqual(results[1].properties, { PRIORITY: 'low' });
  });

  test('pages with limit and after', async () => {
    const first = await fixture.session.topics.fetch('?fx//', { limit: 2 });
    assert.deepEqual(first.results.map((t) => t.path), ['fx/a', 'fx/a/b']);
    assert.equal(first.hasMore, true);
    const second = await fixture.session.topics.fetch('?fx//', { limit: 2, after: first.results.at(-1).path });
    assert.deepEqual(second.results.map((t) => t.path), ['fx/a/c', 'fx/b']);
    const last = await fixture.session.topics.fetch('?fx//', { limit: 2, after: 'fx/b' });
    assert.deepEqual(last.results.map((t) => t.path), ['fx/empty']);
    assert.equal(last.hasMore, false);
  });

  test('fails with INVALID_SELECTOR for a bad selector', async () => {
    await rejectsWith(fixture.session.topics.fetch('?fx/[x'), 'INVALID_SELECTOR', { reason: 'INVALID_REGEX' });
  });

  test('checks its options locally', async () => {
    await rejectsWith(fixture.session.topics.fetch('?fx//', { limit: 100_001 }), 'INVALID_ARGUMENT', { argument: 'options.limit', reason: 'OUT_OF_RANGE' });
    await rejectsWith(fixture.session.topics.fetch('?fx//', { limit: 1.5 }), 'INVALID_ARGUMENT', { argument: 'options.limit' });
    await rejectsWith(fixture.session.topics.fetch('?fx//', { withValues: 'yes' }), 'INVALID_ARGUMENT', { argument: 'options.withValues' });
    await rejectsWith(fixture.session.topics.fetch('?fx//', { after: '' }), 'INVALID_ARGUMENT', { argument: 'options.after' });
    await rejectsWith(fixture.session.topics.fetch('?fx//', { withValue: true }), 'INVALID_ARGUMENT', { argument: 'options.withValue', reason: 'UNKNOWN_OPTION' });
  });
});
