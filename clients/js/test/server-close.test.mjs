import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Session, SessionState } from '../src/index.js';
import { startGateway } from './support/gateway.mjs';
import { recorder, rejectsWith } from './support/waiting.mjs';

// This file stops its gateway in the middle, so it has its own.
test('a gateway shutting down closes the session with SERVER_SHUTDOWN, ends streams and fails later calls', async () => {
  const gateway = await startGateway();
  try {
    const session = await Session.open({ url: gateway.url, principal: 'admin', password: gateway.adminPassword });
    await session.topics.addAndSet('shutdown/x', 'STRING', 'before');
    const received = recorder();
    session.topics.addStream('>shutdown/x', 'STRING', received.listener);
    await session.topics.subscribe('>shutdown/x');
    const closes = [];
    session.on('close', (event) => closes.push(event));

    await gateway.stop();
    const ending = await session.closed;

    assert.equal(ending.state, SessionState.CLOSED_BY_SERVER);
    assert.equal(ending.reason, 'SERVER_SHUTDOWN');
    assert.equal(typeof ending.message, 'string');
    assert.deepEqual(closes, [ending]);
    assert.equal(session.state, SessionState.CLOSED_BY_SERVER);
    assert.deepEqual(received.events.map((e) => e.kind), ['subscribed', 'value', 'closed']);
    await rejectsWith(session.ping(), 'SESSION_CLOSED');
    assert.deepEqual(await session.close(), ending, 'close after the server closed does not fail');
  } finally {
    await gateway.stop();
  }
});
