// Runs in the browser: the library as served from src/, against the gateway named in the
// page's query string. The result (or the failure) is left in window.topiaryResult.
import { Session, TopicType, TopiaryError } from '/src/index.js';

async function run() {
  const query = new URLSearchParams(location.search);
  const session = await Session.open({ url: query.get('gateway'), principal: 'admin', password: query.get('password') });
  const seen = [];
  session.topics.addStream('?browser//', null, {
    onSubscribed: (path, specification) => seen.push(`subscribed ${path} ${specification.type}`),
    onValue: (path, specification, oldValue, value, info) => seen.push(`value ${path} ${describe(value)} initial=${info.initial}`),
    onUnsubscribed: (path, reason) => seen.push(`unsubscribed ${path} ${reason}`),
  });
  await session.topics.addAndSet('browser/json', TopicType.JSON, '{"a": 1.10}');
  await session.topics.subscribe('?browser//');
  await session.topics.addAndSet('browser/string', TopicType.STRING, 'héllo ☃');
  await session.topics.addAndSet('browser/int64', TopicType.INT64, -9223372036854775808n);
  await session.topics.addAndSet('browser/double', TopicType.DOUBLE, -Infinity);
  await session.topics.addAndSet('browser/binary', TopicType.BINARY, new Uint8Array([0, 255, 7]));
  const fetched = await session.topics.fetch('?browser//', { withValues: true });
  let refused;
  try {
    await session.topics.set('browser/missing', TopicType.STRING, 'x');
  } catch (error) {
    refused = error instanceof TopiaryError ? `${error.code} ${error.wireCode}` : `not a TopiaryError: ${error}`;
  }
  await session.topics.remove('?browser//');
  const ping = await session.ping();
  const closed = await session.close();
  return {
    userAgent: navigator.userAgent,
    hasNativeWebSocket: typeof WebSocket === 'function',
    seen,
    fetched: fetched.results.map((topic) => `${topic.path} ${describe(topic.value)}`),
    refused,
    serverVersion: ping.serverVersion,
    closed: `${closed.state} ${closed.reason}`,
  };
}

function describe(value) {
  if (value instanceof Uint8Array) {
    return `bytes[${[...value].join(',')}]`;
  }
  return `${typeof value}:${String(value)}`;
}

run().then(
  (result) => { window.topiaryResult = { ok: true, result }; },
  (error) => { window.topiaryResult = { ok: false, error: `${error?.stack ?? error}` }; });
