import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TopiaryError } from '../src/index.js';
import { gatewayWithSession } from './support/fixture.mjs';
import { nextEvent, recorder, rejectsWith } from './support/waiting.mjs';

const fixture = gatewayWithSession();

describe('subscribing', () => {
  test('delivers subscribed, the current value, then every update in order', async () => {
    await fixture.session.topics.addAndSet('sub/order', 'INT64', 0n);
    const subscriber = await fixture.open();
    try {
      const received = recorder();
      subscriber.topics.addStream('>sub/order', 'INT64', received.listener);
      await subscriber.topics.subscribe('>sub/order');
      assert.deepEqual(received.events, [
        { kind: 'subscribed', path: 'sub/order', type: 'INT64' },
        { kind: 'value', path: 'sub/order', oldValue: null, value: 0n, sequence: 1, initial: true },
      ], 'subscribe resolves after the subscribed notification and the current value');
      const updates = 50;
      await Promise.all(Array.from({ length: updates }, (_, i) => fixture.session.topics.set('sub/order', 'INT64', BigInt(i + 1))));
      await received.until(2 + updates);
      const values = received.events.slice(2);
      assert.deepEqual(values.map((e) => e.value), Array.from({ length: updates }, (_, i) => BigInt(i + 1)));
      assert.deepEqual(values.map((e) => e.sequence), Array.from({ length: updates }, (_, i) => i + 2));
      assert.ok(values.every((e) => e.initial === false));
    } finally {
      await subscriber.close();
    }
  });

  test('a selector also subscribes topics added later', async () => {
    const received = recorder();
    const stream = fixture.session.topics.addStream('?later//', null, received.listener);
    await fixture.session.topics.subscribe('?later//');
    assert.equal(received.events.length, 0);
    await fixture.session.topics.addAndSet('later/one', 'STRING', 'first');
    await fixture.session.topics.add('later/one/two', 'DOUBLE');
    await fixture.session.topics.add('elsewhere/three', 'STRING');
    await received.until(3);
    stream.close();
    assert.deepEqual(received.events.filter((e) => e.kind !== 'closed').map((e) => [e.kind, e.path]).sort(), [
      ['subscribed', 'later/one'], ['subscribed', 'later/one/two'], ['value', 'later/one'],
    ]);
  });

  test('unsubscribe ends a topic with reason REQUESTED; later updates do not arrive', async () => {
    await fixture.session.topics.addAndSet('unsub/a', 'STRING', 'a');
    await fixture.session.topics.addAndSet('unsub/b', 'STRING', 'b');
    const received = recorder();
    const stream = fixture.session.topics.addStream('?unsub/.*', 'STRING', received.listener);
    await fixture.session.topics.subscribe('?unsub/.*');
    await fixture.session.topics.unsubscribe('>unsub/a');
    await received.until(5);
    assert.deepEqual(received.events.at(-1), { kind: 'unsubscribed', path: 'unsub/a', reason: 'REQUESTED' });
    await fixture.session.topics.set('unsub/a', 'STRING', 'not seen');
    await fixture.session.topics.set('unsub/b', 'STRING', 'seen');
    await received.until(6);
    stream.close();
    assert.deepEqual(received.events[5], { kind: 'value', path: 'unsub/b', oldValue: 'b', value: 'seen', sequence: 2, initial: false });
    assert.ok(!received.events.some((e) => e.value === 'not seen'));
  });

  test('removing a subscribed topic ends it with reason REMOVED', async () => {
    await fixture.session.topics.addAndSet('gone/x', 'DOUBLE', 1.5);
    const received = recorder();
    const stream = fixture.session.topics.addStream('>gone/x', 'DOUBLE', received.listener);
    await fixture.session.topics.subscribe('>gone/x');
    await fixture.session.topics.remove('>gone/x');
    await received.until(3);
    stream.close();
    assert.deepEqual(received.events.slice(0, 4), [
      { kind: 'subscribed', path: 'gone/x', type: 'DOUBLE' },
      { kind: 'value', path: 'gone/x', oldValue: null, value: 1.5, sequence: 1, initial: true },
      { kind: 'unsubscribed', path: 'gone/x', reason: 'REMOVED' },
      { kind: 'closed' },
    ]);
  });

  test('subscribe fails with INVALID_SELECTOR for a bad selector', async () => {
    await rejectsWith(fixture.session.topics.subscribe('>a//'), 'INVALID_SELECTOR', { reason: 'INVALID_PATH' });
    await rejectsWith(fixture.session.topics.unsubscribe(''), 'INVALID_ARGUMENT', { argument: 'selector' });
  });
});

describe('value streams', () => {
  test('receive only topics of their type that their selector selects', async () => {
    await fixture.session.topics.addAndSet('typed/s', 'STRING', 'text');
    await fixture.session.topics.addAndSet('typed/d', 'DOUBLE', 2.5);
    await fixture.session.topics.addAndSet('typed/deep/s', 'STRING', 'deep');
    const strings = recorder();
    const anyType = recorder();
    const deep = recorder();
    const streams = [
      fixture.session.topics.addStream('?typed/.+', 'STRING', strings.listener),
      fixture.session.topics.addStream('*typed/[sd]', null, anyType.listener),
      fixture.session.topics.addStream('#>nothing////?typed/deep/', null, deep.listener),
    ];
    await fixture.session.topics.subscribe('?typed//');
    for (const stream of streams) {
      stream.close();
    }
    assert.deepEqual(strings.events.filter((e) => e.kind === 'value').map((e) => e.path), ['typed/s']);
    assert.deepEqual(anyType.events.filter((e) => e.kind === 'value').map((e) => e.path).sort(), ['typed/d', 'typed/s']);
    assert.deepEqual(deep.events.filter((e) => e.kind === 'value').map((e) => e.path), ['typed/deep/s']);
  });

  test('added after subscribing, a stream gets the subscribed topics and their current values at once', async () => {
    await fixture.session.topics.addAndSet('late/stream', 'STRING', 'current');
    await fixture.session.topics.subscribe('>late/stream');
    const received = recorder();
    const stream = fixture.session.topics.addStream('>late/stream', 'STRING', (path, specification, oldValue, value) =>
      received.listener.onValue(path, specification, oldValue, value, { sequence: 0, initial: true }));
    stream.close();
    assert.deepEqual(received.events.map((e) => e.value), ['current']);
  });

  test('a callback that throws is reported as an error event and the stream stays registered', async () => {
    await fixture.session.topics.add('throws/x', 'STRING');
    const values = [];
    const failure = nextEvent(fixture.session, 'error');
    const stream = fixture.session.topics.addStream('>throws/x', 'STRING', (path, specification, oldValue, value) => {
      values.push(value);
      if (value === 'bad') {
        throw new Error('callback failure');
      }
    });
    await fixture.session.topics.subscribe('>throws/x');
    await fixture.session.topics.set('throws/x', 'STRING', 'bad');
    const error = await failure;
    await fixture.session.topics.set('throws/x', 'STRING', 'good');
    await fixture.session.ping();
    stream.close();
    assert.equal(error.message, 'a stream callback threw: callback failure');
    assert.deepEqual(values, ['bad', 'good']);
  });

  test('addStream checks its arguments locally', () => {
    const failing = (selector, type, listener, code, details) => {
      const error = captured(() => fixture.session.topics.addStream(selector, type, listener));
      assert.ok(error instanceof TopiaryError, String(error));
      assert.equal(error.code, code, error.message);
      for (const [key, value] of Object.entries(details)) {
        assert.equal(error.details[key], value, error.message);
      }
    };
    failing('?a//b', null, {}, 'INVALID_SELECTOR', { reason: 'EMPTY_PART', position: 3 });
    failing('$x', null, {}, 'INVALID_SELECTOR', { reason: 'RESERVED_PREFIX', position: 0 });
    failing('#a////', null, {}, 'INVALID_SELECTOR', { reason: 'EMPTY_MEMBER', position: 6 });
    failing('*a////b', null, {}, 'INVALID_SELECTOR', { reason: 'SET_SEPARATOR_IN_PATTERN', position: 2 });
    failing('?a/[x', null, {}, 'INVALID_SELECTOR', { reason: 'INVALID_REGEX', position: 3 });
    failing('?a//', 'NUMBER', {}, 'INVALID_ARGUMENT', { argument: 'type' });
    failing('?a//', null, 'listener', 'INVALID_ARGUMENT', { argument: 'listener' });
  });
});

function captured(action) {
  try {
    action();
  } catch (error) {
    return error;
  }
  return assert.fail('expected an exception');
}

describe('value streams as async iterables', () => {
  test('yield events in order and end when the session closes', async () => {
    const subscriber = await fixture.open();
    await fixture.session.topics.addAndSet('iter/x', 'STRING', 'v0');
    const events = subscriber.topics.stream('?iter//', 'STRING');
    await subscriber.topics.subscribe('?iter//');
    await fixture.session.topics.set('iter/x', 'STRING', 'v1');
    const seen = [];
    for await (const event of events) {
      seen.push(event.kind === 'value' ? `${event.kind} ${event.value} #${event.sequence}` : `${event.kind} ${event.path}`);
      if (seen.length === 3) {
        await subscriber.close();
      }
    }
    assert.deepEqual(seen, ['subscribed iter/x', 'value v0 #1', 'value v1 #2']);
  });

  test('end with LIMIT_EXCEEDED when the consumer falls behind the capacity', async () => {
    await fixture.session.topics.addAndSet('iter/fast', 'INT64', 0n);
    const events = fixture.session.topics.stream('>iter/fast', 'INT64', { capacity: 3 });
    await fixture.session.topics.subscribe('>iter/fast');
    for (let i = 1; i <= 3; i++) {
      await fixture.session.topics.set('iter/fast', 'INT64', BigInt(i));
    }
    await fixture.session.ping();
    const error = await events.next().then(() => assert.fail('expected LIMIT_EXCEEDED'), (e) => e);
    assert.equal(error.code, 'LIMIT_EXCEEDED');
    assert.deepEqual(error.details, { limit: 'capacity', maximum: 3 });
    assert.equal((await events.next()).done, true);
  });

  test('end with the abort reason when the signal aborts, and stop at break', async () => {
    await fixture.session.topics.addAndSet('iter/abort', 'STRING', 'x');
    await fixture.session.topics.subscribe('>iter/abort');
    const controller = new AbortController();
    const aborted = fixture.session.topics.stream('>iter/abort', 'STRING', { signal: controller.signal });
    assert.equal((await aborted.next()).value.kind, 'subscribed');
    controller.abort(new Error('stop now'));
    await assert.rejects(aborted.next(), /stop now/);

    const broken = fixture.session.topics.stream('>iter/abort', null);
    for await (const event of broken) {
      assert.equal(event.kind, 'subscribed');
      break;
    }
    assert.equal((await broken.next()).done, true);
    assert.throws(() => fixture.session.topics.stream('>iter/abort', null, { size: 1 }), /unknown option 'size'/);
    assert.throws(() => fixture.session.topics.stream('>iter/abort', null, { capacity: 0 }), /capacity/);
  });
});
