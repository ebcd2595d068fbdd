import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { gatewayWithSession } from './support/fixture.mjs';
import { recorder, rejectsWith } from './support/waiting.mjs';

const fixture = gatewayWithSession();

// Each case: the values set from JavaScript and what a stream and a fetch read back.
const cases = [
  { type: 'STRING', values: ['hello', '', 'é ☃ 𝄞 \u0000 "quoted"'] },
  { type: 'JSON', values: ['{ "b" : 1.10, "a": [ ] }', 'null', '"text"', '1e400'] },
  { type: 'INT64', values: [0n, 1n, -1n, 9223372036854775807n, -9223372036854775808n] },
  { type: 'DOUBLE', values: [1.25, -0, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN] },
  { type: 'BINARY', values: [new Uint8Array([0, 1, 2, 255]), new Uint8Array(0), new Uint8Array(70_000).map((_, i) => i % 251)] },
];

describe('values round trip', () => {
  for (const { type, values } of cases) {
    test(`${type}: set from JavaScript, received by a stream and fetched again`, async () => {
      const path = `values/${type.toLowerCase()}`;
      await fixture.session.topics.add(path, type);
      const received = recorder();
      const stream = fixture.session.topics.addStream(`>${path}`, type, received.listener);
      await fixture.session.topics.subscribe(`>${path}`);
      for (const [index, value] of values.entries()) {
        assert.equal(await fixture.session.topics.set(path, type, value), index + 1);
        const [fetched] = (await fixture.session.topics.fetch(`>${path}`, { withValues: true })).results;
        assert.deepEqual(fetched.value, value, `fetch of value #${index}`);
      }
      await received.until(1 + values.length);
      stream.close();
      const streamed = received.events.filter((e) => e.kind === 'value');
      assert.deepEqual(streamed.map((e) => e.value), values);
      assert.deepEqual(streamed.map((e) => e.oldValue), [null, ...values.slice(0, -1)]);
      assert.deepEqual(streamed.map((e) => e.sequence), values.map((_, i) => i + 1));
    });
  }

  test('INT64 accepts safe integer numbers and always reads BigInt', async () => {
    await fixture.session.topics.addAndSet('values/safe', 'INT64', Number.MAX_SAFE_INTEGER);
    const [fetched] = (await fixture.session.topics.fetch('>values/safe', { withValues: true })).results;
    assert.equal(fetched.value, 9007199254740991n);
  });

  test('JSON accepts a value JSON.stringify accepts and stores its text', async () => {
    await fixture.session.topics.addAndSet('values/object', 'JSON', { side: 'buy', qty: 10 });
    const [fetched] = (await fixture.session.topics.fetch('>values/object', { withValues: true })).results;
    assert.equal(fetched.value, '{"side":"buy","qty":10}');
  });

  test('BINARY accepts an ArrayBuffer and a Node.js Buffer', async () => {
    await fixture.session.topics.addAndSet('values/buffer', 'BINARY', new Uint8Array([7, 8]).buffer);
    assert.deepEqual((await fixture.session.topics.fetch('>values/buffer', { withValues: true })).results[0].value, new Uint8Array([7, 8]));
    await fixture.session.topics.set('values/buffer', 'BINARY', Buffer.from('hi'));
    assert.deepEqual((await fixture.session.topics.fetch('>values/buffer', { withValues: true })).results[0].value, new Uint8Array([104, 105]));
  });

  test('null clears STRING, INT64 and DOUBLE topics: streams get null, fetch gets no value', async () => {
    for (const [type, value] of [['STRING', 'x'], ['INT64', 5n], ['DOUBLE', 2.5]]) {
      const path = `values/cleared/${type}`;
      await fixture.session.topics.addAndSet(path, type, value);
      const received = recorder();
      const stream = fixture.session.topics.addStream(`>${path}`, null, received.listener);
      await fixture.session.topics.subscribe(`>${path}`);
      await fixture.session.topics.set(path, type, null);
      await received.until(3);
      stream.close();
      assert.deepEqual(received.events.filter((e) => e.kind === 'value').map((e) => [e.oldValue, e.value, e.initial]),
        [[null, value, true], [value, null, false]]);
      const [fetched] = (await fixture.session.topics.fetch(`>${path}`, { withValues: true })).results;
      assert.equal(fetched.value, undefined);
    }
  });
});

describe('bad values', () => {
  before(async () => {
    for (const type of ['STRING', 'INT64', 'DOUBLE', 'BINARY', 'JSON']) {
      await fixture.session.topics.add(`bad/${type}`, type);
    }
  });

  const local = [
    ['STRING', 42, 'WRONG_TYPE'],
    ['INT64', 1.5, 'NOT_SAFE_INTEGER'],
    ['INT64', 2 ** 53, 'NOT_SAFE_INTEGER'],
    ['INT64', 2n ** 63n, 'OUT_OF_RANGE'],
    ['INT64', '12', 'WRONG_TYPE'],
    ['DOUBLE', 1n, 'WRONG_TYPE'],
    ['BINARY', [1, 2], 'WRONG_TYPE'],
    ['JSON', undefined, 'WRONG_TYPE'],
    ['JSON', 10n, 'NOT_SERIALIZABLE'],
  ];
  for (const [type, value, reason] of local) {
    test(`${type} refuses ${typeof value} ${String(value).slice(0, 20)} locally (${reason})`, async () => {
      const error = await rejectsWith(fixture.session.topics.set(`bad/${type}`, type, value), 'INVALID_ARGUMENT', { argument: 'value', reason });
      assert.match(error.message, new RegExp(type));
    });
  }

  test('a STRING with an unpaired surrogate fails on the server with INVALID_VALUE', async () => {
    await rejectsWith(fixture.session.topics.set('bad/STRING', 'STRING', 'a\ud800b'), 'INVALID_VALUE');
  });

  test('a non-finite DOUBLE fails with INVALID_VALUE on a topic with VALIDATE_VALUES', async () => {
    await fixture.session.topics.add('bad/validated', 'DOUBLE', { VALIDATE_VALUES: 'true' });
    await rejectsWith(fixture.session.topics.set('bad/validated', 'DOUBLE', NaN), 'INVALID_VALUE');
  });
});
