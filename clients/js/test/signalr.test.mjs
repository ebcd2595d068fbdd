// The SignalR compatibility endpoint (docs/protocol.md §8) driven by the official
// @microsoft/signalr client against a real gateway process.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HubConnectionBuilder, HttpTransportType, LogLevel } from '@microsoft/signalr';
import { startGateway } from './support/gateway.mjs';

/** The Topiary error envelope carried by a failed invocation (after SignalR's "HubException: "). */
function topiaryError(error) {
  const marker = 'HubException: ';
  const start = error.message.indexOf(marker);
  assert.ok(start >= 0, `not a Topiary error: ${error.message}`);
  return JSON.parse(error.message.slice(start + marker.length));
}

/** Resolves with the next `count` arguments of client method `name`. */
function nextMessages(connection, name, count) {
  return new Promise((resolve, reject) => {
    const received = [];
    const timer = setTimeout(() => reject(new Error(`expected ${count} '${name}' messages, got ${received.length}`)), 10_000);
    const handler = (argument) => {
      received.push(argument);
      if (received.length === count) {
        clearTimeout(timer);
        connection.off(name, handler);
        resolve(received);
      }
    };
    connection.on(name, handler);
  });
}

describe('SignalR endpoint /topiary/hub', () => {
  let gateway;
  const connections = [];

  async function connect({ skipNegotiation = false } = {}) {
    const connection = new HubConnectionBuilder()
      .withUrl(`${gateway.url}/topiary/hub`, skipNegotiation
        ? { skipNegotiation: true, transport: HttpTransportType.WebSockets }
        : {})
      .configureLogging(LogLevel.None)
      .build();
    await connection.start();
    connections.push(connection);
    return connection;
  }

  async function openAdmin(options) {
    const connection = await connect(options);
    await connection.invoke('open', { principal: 'admin', password: gateway.adminPassword });
    return connection;
  }

  before(async () => {
    gateway = await startGateway();
  });

  after(async () => {
    await Promise.all(connections.map((connection) => connection.stop()));
    await gateway?.stop();
  });

  test('open, ping and the topic operations return the native results', async () => {
    const connection = await connect();
    const opened = await connection.invoke('open', { principal: 'admin', password: gateway.adminPassword });
    assert.equal(opened.principal, 'admin');
    assert.match(opened.sessionId, /^[0-9a-f]{16}-[0-9a-f]{16}$/);
    assert.equal((await connection.invoke('session.ping')).serverVersion, '0.1.0');

    assert.deepEqual(await connection.invoke('topics.add', { path: 'js/a', type: 'STRING' }), { added: true });
    const addedAndSet = await connection.invoke('topics.addAndSet', { path: 'js/b', type: 'DOUBLE', value: 2.5 });
    assert.equal(addedAndSet.added, true);
    assert.equal(addedAndSet.sequence, 1);
    assert.equal((await connection.invoke('topics.set', { path: 'js/a', type: 'STRING', value: 'hi' })).sequence, 1);
    const fetched = await connection.invoke('topics.fetch', { selector: '?js/', withValues: true });
    assert.deepEqual(fetched.results.map((r) => [r.path, r.value]), [['js/a', 'hi'], ['js/b', 2.5]]);
    assert.deepEqual(await connection.invoke('topics.remove', { selector: '?js/' }), { removedCount: 2 });
  });

  test('errors reject with the error envelope, its code machine-readable', async () => {
    const connection = await openAdmin();
    const error = await connection.invoke('topics.add', { path: 'a//b', type: 'STRING' }).then(
      () => assert.fail('expected INVALID_PATH'), topiaryError);
    assert.equal(error.name, 'INVALID_PATH');
    assert.equal(error.code, 1001);
    assert.equal(error.details.reason, 'EMPTY_SEGMENT');
    assert.match(error.correlationId, /^[0-9a-f]{32}$/);
  });

  test('bad credentials reject open with AUTHENTICATION_FAILED; nothing else works before open', async () => {
    const connection = await connect();
    const rejected = await connection.invoke('open', { principal: 'admin', password: 'wrong' }).then(
      () => assert.fail('expected AUTHENTICATION_FAILED'), topiaryError);
    assert.equal(rejected.name, 'AUTHENTICATION_FAILED');
    const notOpen = await connection.invoke('session.ping').then(() => assert.fail('expected SESSION_CLOSED'), topiaryError);
    assert.equal(notOpen.name, 'SESSION_CLOSED');
    assert.equal(notOpen.details.closeReason, 'NOT_OPENED');
  });

  test('a subscriber gets subscribed, the current value and then updates from another connection', async () => {
    const publisher = await openAdmin({ skipNegotiation: true });
    await publisher.invoke('topics.addAndSet', { path: 'live/n', type: 'INT64', value: '1' });
    const subscriber = await connect({ skipNegotiation: true });
    await subscriber.invoke('open', {});
    const subscribed = nextMessages(subscriber, 'subscribed', 1);
    const values = nextMessages(subscriber, 'value', 4);

    await subscriber.invoke('topics.subscribe', { selector: '?live/' });
    for (const n of ['2', '3', '9223372036854775807']) {
      await publisher.invoke('topics.set', { path: 'live/n', type: 'INT64', value: n });
    }

    const [notice] = await subscribed;
    assert.equal(notice.path, 'live/n');
    assert.equal(notice.specification.type, 'INT64');
    const received = await values;
    assert.deepEqual(received.map((v) => [v.path, v.type, v.value, v.sequence, v.initial]), [
      ['live/n', 'INT64', '1', 1, true],
      ['live/n', 'INT64', '2', 2, false],
      ['live/n', 'INT64', '3', 3, false],
      ['live/n', 'INT64', '9223372036854775807', 4, false],
    ]);

    const unsubscribed = nextMessages(subscriber, 'unsubscribed', 1);
    await publisher.invoke('topics.remove', { selector: 'live/n' });
    assert.equal((await unsubscribed)[0].reason, 'REMOVED');
  });

  test('session.close answers, says closing, and later calls fail with SESSION_CLOSED', async () => {
    const connection = await openAdmin();
    const closing = nextMessages(connection, 'closing', 1);
    assert.deepEqual(await connection.invoke('session.close'), {});
    assert.equal((await closing)[0].reason, 'CLIENT_REQUESTED');
    const after = await connection.invoke('session.ping').then(() => assert.fail('expected SESSION_CLOSED'), topiaryError);
    assert.equal(after.details.closeReason, 'CLIENT_REQUESTED');
  });

  test('a stopping gateway process says closing SERVER_SHUTDOWN, then ends the connection', async () => {
    const own = await startGateway();
    try {
      const connection = new HubConnectionBuilder().withUrl(`${own.url}/topiary/hub`).configureLogging(LogLevel.None).build();
      const closed = new Promise((resolve) => connection.onclose(resolve));
      const closing = nextMessages(connection, 'closing', 1);
      await connection.start();
      await connection.invoke('open', {});

      await own.stop();

      assert.equal((await closing)[0].reason, 'SERVER_SHUTDOWN');
      await closed;
    } finally {
      await own.stop();
    }
  });
});
