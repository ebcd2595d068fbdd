// Connecting and opening a session (docs/protocol.md §2).
import { clientType, environment } from './environment.js';
import { TopiaryError } from './topiary-error.js';
import { resolveWebSocket } from './web-socket.js';

export const protocolVersion = 1;

/**
 * Connects, sends `open` and waits for `opened`. Resolves with the socket, the `opened`
 * message and the messages that arrived after it (to be handled by the session).
 */
export async function handshake(options) {
  const WebSocketClass = await resolveWebSocket(options.WebSocket);
  return new Promise((resolve, reject) => {
    let socket;
    try {
      socket = new WebSocketClass(options.url);
    } catch (error) {
      reject(unreachable(options.url, error.message));
      return;
    }
    socket.binaryType = 'arraybuffer';
    let settled = false;
    const early = [];
    const fail = (error) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        socket.onopen = socket.onmessage = socket.onclose = null;
        // Closing while connecting raises one more error event (the `ws` package throws it without a handler).
        socket.onerror = () => {};
        if (socket.readyState === 0 || socket.readyState === 1) {
          socket.close();
        }
        reject(error);
      }
    };
    const timer = setTimeout(() => fail(TopiaryError.create('TIMEOUT',
      `no session from ${options.url} within ${options.connectionTimeout} ms (connectionTimeout)`,
      { timeoutMs: options.connectionTimeout })), options.connectionTimeout);

    socket.onopen = () => {
      const open = { type: 'open', protocol: protocolVersion, principal: options.principal, clientType: clientType(), environment: environment() };
      if (options.password !== undefined) {
        open.password = options.password;
      }
      socket.send(JSON.stringify(open));
    };
    socket.onerror = (event) => fail(unreachable(options.url, event?.message ?? 'connection error'));
    socket.onclose = (event) => fail(unreachable(options.url, `closed with status ${event.code} before the session opened`));
    socket.onmessage = (event) => {
      if (settled) {
        early.push(event);
        return;
      }
      const message = typeof event.data === 'string' ? parse(event.data) : undefined;
      if (message?.type === 'opened') {
        settled = true;
        clearTimeout(timer);
        resolve({ socket, opened: message, early });
      } else if (message?.type === 'rejected') {
        fail(TopiaryError.fromEnvelope(message.error));
      } else {
        fail(TopiaryError.create('INTERNAL_ERROR',
          `protocol violation by the server: expected 'opened' or 'rejected', got ${typeof event.data === 'string' ? event.data.slice(0, 200) : 'a binary frame'}`));
      }
    };
  });
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function unreachable(url, why) {
  return TopiaryError.create('RETRYABLE', `could not open a session at ${url}: ${why}`, { reason: 'UNREACHABLE', url });
}
