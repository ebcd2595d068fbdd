import assert from 'node:assert/strict';
import { createServer, connect } from 'node:net';
import { describe, test } from 'node:test';
import { WebSocket as NodeWebSocket } from 'ws';
import { SessionState } from '../src/index.js';
import { gatewayWithSession } from './support/fixture.mjs';
import { nextEvent, recorder, rejectsWith } from './support/waiting.mjs';

const fixture = gatewayWithSession();

/**
 * A TCP relay between a session and the gateway that can stop forwarding what the client
 * sends, and cut the connection without a WebSocket close (as a failed network does).
 */
async function startRelay(target) {
  const { hostname, port } = new URL(target);
  const pairs = [];
  const relay = { forwarding: true };
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    pairs.push([client, upstream]);
    client.on('data', (chunk) => relay.forwarding && upstream.write(chunk));
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  relay.url = `ws://127.0.0.1:${server.address().port}`;
  relay.cut = () => pairs.forEach((sockets) => sockets.forEach((socket) => socket.resetAndDestroy()));
  relay.close = () => new Promise((resolve) => {
    relay.cut();
    server.close(resolve);
  });
  return relay;
}

describe('connection failures', () => {
  test('a lost connection closes the session with CONNECTION_LOST and fails calls in flight with OUTCOME_UNKNOWN', async () => {
    const relay = await startRelay(fixture.gateway.url);
    try {
      const session = await fixture.open({ url: relay.url });
      await fixture.session.topics.addAndSet('lost/x', 'STRING', 'v');
      const received = recorder();
      session.topics.addStream('>lost/x', 'STRING', received.listener);
      await session.topics.subscribe('>lost/x');
      relay.forwarding = false;
      const ping = session.ping();
      relay.cut();
      const error = await rejectsWith(ping, 'OUTCOME_UNKNOWN', { reason: 'CONNECTION_LOST', op: 'session.ping' });
      assert.equal(error.outcome, 'UNKNOWN');
      const ending = await session.closed;
      assert.equal(ending.state, SessionState.CLOSED_FAILED);
      assert.equal(ending.reason, 'CONNECTION_LOST');
      assert.deepEqual(received.events.map((e) => e.kind), ['subscribed', 'value', 'closed']);
    } finally {
      await relay.close();
    }
  });

  test('a request without an answer fails with TIMEOUT; its late answer is ignored', async () => {
    const relay = await startRelay(fixture.gateway.url);
    try {
      const session = await fixture.open({ url: relay.url, requestTimeout: 200 });
      relay.forwarding = false;
      const error = await rejectsWith(session.ping(), 'TIMEOUT', { op: 'session.ping', timeoutMs: 200 });
      assert.equal(error.outcome, 'UNKNOWN');
      assert.equal(session.state, SessionState.CONNECTED);
      await session.close();
      assert.equal(session.state, SessionState.CLOSED_BY_CLIENT, 'close ends the session even when the gateway cannot hear it');
    } finally {
      await relay.close();
    }
  });

  test('an answer arriving after the timeout is ignored and the session stays usable', async () => {
    // Holds each ping request back for longer than the request timeout, then sends it.
    class SlowPingWebSocket extends NodeWebSocket {
      send(data) {
        if (typeof data === 'string' && data.includes('"session.ping"')) {
          setTimeout(() => super.send(data), 400);
        } else {
          super.send(data);
        }
      }
    }
    const session = await fixture.open({ WebSocket: SlowPingWebSocket, requestTimeout: 150 });
    try {
      await rejectsWith(session.ping(), 'TIMEOUT');
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(await session.topics.add('late/answer', 'STRING'), true);
      assert.equal(session.state, SessionState.CONNECTED);
    } finally {
      await session.close();
    }
  });

  test('a message from the server the client cannot read closes the session with PROTOCOL_ERROR', async () => {
    // Hands the session every binary frame cut short, as a broken server would send it.
    class TruncatingWebSocket extends NodeWebSocket {
      set onmessage(handler) {
        super.onmessage = (event) => handler(typeof event.data === 'string' ? event : { data: event.data.slice(0, 10) });
      }

      get onmessage() {
        return super.onmessage;
      }
    }
    const session = await fixture.open({ WebSocket: TruncatingWebSocket });
    const failure = nextEvent(session, 'error');
    await fixture.session.topics.addAndSet('broken/x', 'STRING', 'value');
    const subscribing = session.topics.subscribe('>broken/x');
    const error = await failure;
    assert.equal(error.code, 'INTERNAL_ERROR');
    assert.match(error.message, /protocol violation by the server: a value frame of 10 bytes, shorter than its 22-byte header/);
    const ending = await session.closed;
    assert.deepEqual(ending, { state: SessionState.CLOSED_FAILED, reason: 'PROTOCOL_ERROR', message: error.message });
    await rejectsWith(subscribing, 'OUTCOME_UNKNOWN', { reason: 'PROTOCOL_ERROR' });
  });
});
