import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { WebSocket as NodeWebSocket } from 'ws';
import { Session, SessionState, TopiaryError } from '../src/index.js';
import { startGateway } from './support/gateway.mjs';
import { nextEvent, rejectsWith } from './support/waiting.mjs';

let gateway;
const open = (options = {}) => Session.open({ url: gateway.url, principal: 'admin', password: gateway.adminPassword, ...options });

before(async () => {
  gateway = await startGateway();
});
after(async () => {
  await gateway?.stop();
});

describe('opening a session', () => {
  test('with good credentials reports the session', async () => {
    const session = await open();
    try {
      assert.equal(session.state, SessionState.CONNECTED);
      assert.match(session.sessionId, /^[0-9a-f]{16}-[0-9a-f]{16}$/);
      assert.equal(session.principal, 'admin');
      assert.equal(session.gateway, 'gateway-1');
      assert.match(session.serverVersion, /^\d+\.\d+\.\d+/);
      assert.equal(session.maxMessageSize, 4 * 1024 * 1024);
    } finally {
      await session.close();
    }
  });

  test('accepts the full endpoint and the ws: scheme', async () => {
    const session = await Session.open({ url: gateway.wsUrl, principal: 'admin', password: gateway.adminPassword });
    await session.close();
    assert.equal(session.state, SessionState.CLOSED_BY_CLIENT);
  });

  test('uses globalThis.WebSocket when the platform has one, and the ws package otherwise', async () => {
    const created = [];
    class PlatformWebSocket extends NodeWebSocket {
      constructor(url) {
        super(url);
        created.push(url);
      }
    }
    const native = globalThis.WebSocket;
    globalThis.WebSocket = PlatformWebSocket;
    try {
      const session = await open();
      await session.close();
    } finally {
      if (native === undefined) {
        delete globalThis.WebSocket;
      } else {
        globalThis.WebSocket = native;
      }
    }
    assert.deepEqual(created, [gateway.wsUrl]);
    if (native === undefined) {
      // Node.js 20: no WebSocket of its own, so the session below runs on the ws package.
      const session = await open();
      await session.close();
      assert.equal(created.length, 1);
    }
  });

  test('anonymously', async () => {
    const session = await Session.open({ url: gateway.url });
    try {
      assert.equal(session.principal, '');
      assert.equal((await session.topics.fetch('?nothing/here')).results.length, 0);
    } finally {
      await session.close();
    }
  });

  test('with a wrong password fails with AUTHENTICATION_FAILED', async () => {
    const error = await rejectsWith(open({ password: 'wrong-password' }), 'AUTHENTICATION_FAILED');
    assert.equal(error.wireCode, 3001);
    assert.equal(error.retryable, false);
    assert.equal(error.outcome, 'NOT_APPLIED');
  });

  test('with an unknown principal fails with AUTHENTICATION_FAILED', async () => {
    await rejectsWith(open({ principal: 'nobody' }), 'AUTHENTICATION_FAILED');
  });

  test('where nothing listens fails with RETRYABLE (UNREACHABLE)', async () => {
    const server = createServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    await new Promise((resolve) => server.close(resolve));
    const error = await rejectsWith(Session.open({ url: `ws://127.0.0.1:${port}` }), 'RETRYABLE', { reason: 'UNREACHABLE' });
    assert.equal(error.retryable, true);
  });

  test('at a URL that is not a Topiary endpoint fails with RETRYABLE (UNREACHABLE)', async () => {
    await rejectsWith(Session.open({ url: `${gateway.url}/not-topiary` }), 'RETRYABLE', { reason: 'UNREACHABLE' });
  });

  test('with bad options fails before connecting, naming the option', async () => {
    await rejectsWith(Session.open({ url: 'localhost:8080' }), 'INVALID_ARGUMENT', { argument: 'url', reason: 'INVALID_SCHEME' });
    await rejectsWith(Session.open({ url: 'not a url' }), 'INVALID_ARGUMENT', { argument: 'url', reason: 'INVALID_URL' });
    await rejectsWith(Session.open({ url: 'ftp://localhost' }), 'INVALID_ARGUMENT', { argument: 'url', reason: 'INVALID_SCHEME' });
    await rejectsWith(Session.open({ url: 'ws://example.com' }), 'INVALID_ARGUMENT', { argument: 'url', reason: 'UNENCRYPTED' });
    await rejectsWith(open({ requestTimeout: 50 }), 'INVALID_ARGUMENT', { argument: 'requestTimeout', reason: 'OUT_OF_RANGE' });
    await rejectsWith(open({ maxMessageSize: 1024 }), 'INVALID_ARGUMENT', { argument: 'maxMessageSize' });
    await rejectsWith(open({ principal: 'x'.repeat(257) }), 'INVALID_ARGUMENT', { argument: 'principal' });
    await rejectsWith(open({ pasword: 'typo' }), 'INVALID_ARGUMENT', { argument: 'options.pasword', reason: 'UNKNOWN_OPTION' });
    await rejectsWith(Session.open(), 'INVALID_ARGUMENT', { argument: 'options' });
  });

  test('that gets no answer in time fails with TIMEOUT', async () => {
    const silent = createServer((socket) => socket.on('data', () => {}));
    await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const error = await rejectsWith(Session.open({ url: `ws://127.0.0.1:${silent.address().port}`, connectionTimeout: 300 }), 'TIMEOUT');
      assert.equal(error.outcome, 'UNKNOWN');
    } finally {
      silent.closeAllConnections?.();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('a session', () => {
  test('pings the server', async () => {
    const session = await open();
    try {
      const before = Date.now();
      const ping = await session.ping();
      assert.equal(ping.serverVersion, session.serverVersion);
      assert.ok(ping.roundTripMs >= 0 && ping.roundTripMs < 10_000, `round trip ${ping.roundTripMs}`);
      assert.ok(Math.abs(ping.serverTime.getTime() - before) < 60_000, `server time ${ping.serverTime.toISOString()}`);
    } finally {
      await session.close();
    }
  });

  test('closes once, raises close, and refuses calls afterwards with SESSION_CLOSED', async () => {
    const session = await open();
    const closes = [];
    session.on('close', (event) => closes.push(event));
    const ending = await session.close();
    await session.close();
    assert.deepEqual(ending, { state: 'CLOSED_BY_CLIENT', reason: 'CLIENT_REQUESTED', message: 'the client closed the session' });
    assert.deepEqual(closes, [ending]);
    assert.equal(session.state, SessionState.CLOSED_BY_CLIENT);
    await rejectsWith(session.ping(), 'SESSION_CLOSED', { op: 'session.ping' });
    await rejectsWith(session.topics.add('a/b', 'STRING'), 'SESSION_CLOSED');
  });

  test('refuses a request over the maximum message size before sending it', async () => {
    const session = await open({ maxMessageSize: 64 * 1024 });
    try {
      assert.equal(session.maxMessageSize, 64 * 1024);
      await session.topics.add('big/text', 'STRING');
      await rejectsWith(session.topics.set('big/text', 'STRING', 'x'.repeat(70_000)), 'LIMIT_EXCEEDED',
        { limit: 'MaxMessageSize', maximum: 65536 });
      assert.equal(await session.topics.set('big/text', 'STRING', 'small'), 1, 'the session stays usable');
    } finally {
      await session.close();
    }
  });

  test('surfaces an error response about the request itself (INVALID_UNICODE)', async () => {
    const session = await open();
    try {
      await rejectsWith(session.topics.add('bad/\ud800', 'STRING'), 'INVALID_ARGUMENT', { argument: 'path', reason: 'INVALID_UNICODE' });
    } finally {
      await session.close();
    }
  });

  test('surfaces a protocol error notification and the close that follows it', async () => {
    // A WebSocket that breaks the protocol on purpose: it sends the ping request as a binary frame.
    class BinaryPingWebSocket extends NodeWebSocket {
      send(data) {
        super.send(data.includes('"session.ping"') ? new TextEncoder().encode(data) : data);
      }
    }
    const session = await open({ WebSocket: BinaryPingWebSocket });
    const errors = [];
    session.on('error', (error) => errors.push(error));
    const closing = nextEvent(session, 'close');
    const ping = await rejectsWith(session.ping(), 'OUTCOME_UNKNOWN', { op: 'session.ping' });
    const ending = await closing;
    assert.equal(ending.state, SessionState.CLOSED_FAILED);
    assert.equal(ending.reason, 'PROTOCOL_ERROR');
    assert.equal(errors.length, 1, ping.message);
    assert.ok(errors[0] instanceof TopiaryError);
    assert.equal(errors[0].code, 'INVALID_ARGUMENT');
    assert.equal(ending.message, errors[0].message);
  });

  test('refuses listeners of unknown events and listeners that are not functions', async () => {
    const session = await open();
    try {
      assert.throws(() => session.on('closed', () => {}), (error) =>
        error instanceof TopiaryError && error.code === 'INVALID_ARGUMENT' && error.details.argument === 'event'
        && error.message === "INVALID_ARGUMENT: a session emits 'close' and 'error'; got 'closed'");
      assert.throws(() => session.on('close', 'not a function'), /the listener of 'close' must be a function/);
    } finally {
      await session.close();
    }
  });

  test('reports an exception thrown by a close listener as an error event', async () => {
    const session = await open();
    const errors = [];
    session.on('error', (error) => errors.push(error));
    session.on('close', () => {
      throw new Error('listener failure');
    });
    await session.close();
    assert.equal(errors.length, 1);
    assert.equal(errors[0].message, "a 'close' listener threw: listener failure");
  });
});
