// A session with a Topiary gateway over the native protocol (docs/client-js.md).
import { closeReason } from './close-reason.js';
import { Emitter } from './emitter.js';
import { handshake } from './handshake.js';
import { RequestTable } from './request-table.js';
import { readOptions } from './session-options.js';
import { SessionState } from './session-state.js';
import { SubscriptionTable } from './subscription-table.js';
import { describe } from './topic-type.js';
import { TopiaryError, invalidArgument } from './topiary-error.js';
import { Topics } from './topics.js';

const keepAliveMs = 15_000;
const silenceLimitMs = 30_000;
const utf8 = new TextEncoder();

/** The request as JSON text; `value` is the last member of `args`, and -0 keeps its sign. */
function serialize(id, op, args) {
  const text = JSON.stringify({ id, op, args });
  return Object.is(args.value, -0) ? `${text.slice(0, -'0}}'.length)}-0}}` : text;
}

function checkEvent(event) {
  if (event !== 'close' && event !== 'error') {
    throw invalidArgument('event', 'UNKNOWN_EVENT', `a session emits 'close' and 'error'; got ${describe(event)}`);
  }
  return event;
}

export class Session {
  #socket;
  #options;
  #state = SessionState.CONNECTED;
  #events = new Emitter((error, event) => this.#listenerFailed(error, event));
  #requests = new RequestTable();
  #subscriptions = new SubscriptionTable((error) => this.#reportError(error, 'a stream callback threw'));
  #closeRequested = false;
  #closing;
  #lastError;
  #lastReceived = Date.now();
  #keepAlive;
  #resolveClosed;

  /** Opens a session: connects, authenticates and resolves once the gateway accepted it. */
  static async open(options) {
    const checked = readOptions(options);
    const { socket, opened, early } = await handshake(checked);
    return new Session(socket, opened, checked, early);
  }

  /** @internal use Session.open */
  constructor(socket, opened, options, early) {
    this.#socket = socket;
    this.#options = options;
    this.sessionId = opened.sessionId;
    this.principal = opened.principal ?? options.principal;
    this.gateway = opened.gateway;
    this.serverVersion = opened.serverVersion;
    this.maxMessageSize = opened.maxMessageSize > 0 ? Math.min(options.maxMessageSize, opened.maxMessageSize) : options.maxMessageSize;
    this.topics = new Topics((op, args) => this.#request(op, args), this.#subscriptions);
    this.closed = new Promise((resolve) => {
      this.#resolveClosed = resolve;
    });
    socket.onmessage = (event) => this.#receive(event);
    // A failed connection is reported by the close event that follows its error event.
    socket.onerror = () => {};
    socket.onclose = (event) => this.#socketClosed(event);
    this.#keepAlive = setInterval(() => this.#checkAlive(), keepAliveMs);
    for (const event of early) {
      this.#receive(event);
    }
  }

  /** CONNECTED, then one of the final CLOSED_BY_CLIENT, CLOSED_BY_SERVER, CLOSED_FAILED. */
  get state() {
    return this.#state;
  }

  /** Listens to 'close' ({ state, reason, message }) or 'error' (a TopiaryError or a callback's error). */
  on(event, listener) {
    this.#events.on(checkEvent(event), listener);
    return this;
  }

  off(event, listener) {
    this.#events.off(checkEvent(event), listener);
    return this;
  }

  /** Asks the server for its version and time; measures the round trip in milliseconds. */
  async ping() {
    const started = performance.now();
    const result = await this.#request('session.ping', {});
    return { roundTripMs: performance.now() - started, serverVersion: result.serverVersion, serverTime: new Date(result.serverTime) };
  }

  /** Closes the session; never fails because the connection is already gone. */
  async close() {
    if (this.#state === SessionState.CONNECTED && !this.#closeRequested) {
      this.#closeRequested = true;
      const timer = setTimeout(() => this.#dropConnection(), this.#options.requestTimeout);
      try {
        await this.#request('session.close', {});
      } catch {
        // The answer can be lost with the connection we are closing; the wait below ends it either way.
      }
      await this.closed;
      clearTimeout(timer);
    }
    return this.closed;
  }

  #request(op, args) {
    if (this.#state !== SessionState.CONNECTED) {
      return Promise.reject(TopiaryError.create('SESSION_CLOSED', `the session is closed (${this.#state}); '${op}' was not sent`, { op }));
    }
    return this.#requests.add(op, this.#options.requestTimeout, (id) => {
      const text = serialize(id, op, args);
      const size = text.length * 3 > this.maxMessageSize ? utf8.encode(text).length : text.length;
      if (size > this.maxMessageSize) {
        throw TopiaryError.create('LIMIT_EXCEEDED',
          `the '${op}' request is ${size} bytes, over the maximum message size of ${this.maxMessageSize} bytes; nothing was sent`,
          { limit: 'MaxMessageSize', maximum: this.maxMessageSize, actual: size });
      }
      this.#socket.send(text);
    });
  }

  #receive(event) {
    this.#lastReceived = Date.now();
    if (this.#state !== SessionState.CONNECTED) {
      return;
    }
    try {
      if (typeof event.data === 'string') {
        this.#dispatch(JSON.parse(event.data));
      } else {
        this.#subscriptions.value(new Uint8Array(event.data));
      }
    } catch (error) {
      this.#violation(error.message);
    }
  }

  #dispatch(message) {
    switch (message.type) {
      case 'response':
        this.#requests.complete(message.id, message);
        break;
      case 'subscribed':
        this.#subscriptions.subscribed(message);
        break;
      case 'unsubscribed':
        this.#subscriptions.unsubscribed(message);
        break;
      case 'error':
        this.#lastError = TopiaryError.fromEnvelope(message.error);
        this.#reportError(this.#lastError);
        break;
      case 'closing':
        this.#closing = message;
        break;
      default:
        // Other message types belong to later protocol versions.
        break;
    }
  }

  #violation(what) {
    const error = TopiaryError.create('INTERNAL_ERROR', `protocol violation by the server: ${what}`);
    this.#reportError(error);
    // Browsers let a client close only with 1000 or 3000-4999, so no status is given.
    this.#socket.close();
    this.#terminate({ state: SessionState.CLOSED_FAILED, reason: 'PROTOCOL_ERROR', message: error.message });
  }

  #socketClosed(event) {
    if (this.#closeRequested) {
      this.#terminate({ state: SessionState.CLOSED_BY_CLIENT, reason: 'CLIENT_REQUESTED', message: 'the client closed the session' });
      return;
    }
    this.#terminate(closeReason({ closing: this.#closing, lastError: this.#lastError, code: event.code, text: event.reason }));
  }

  #checkAlive() {
    const silentMs = Date.now() - this.#lastReceived;
    if (silentMs > silenceLimitMs) {
      this.#socket.close();
      this.#terminate({ state: SessionState.CLOSED_FAILED, reason: 'CONNECTION_LOST', message: `nothing received for ${silentMs} ms` });
    } else if (silentMs >= keepAliveMs) {
      // A lost keep-alive is detected by the silence check above, not by this promise.
      this.#request('session.ping', {}).catch(() => {});
    }
  }

  #dropConnection() {
    this.#socket.close();
    this.#terminate({ state: SessionState.CLOSED_BY_CLIENT, reason: 'CLIENT_REQUESTED', message: 'the gateway did not close the connection in time; the client dropped it' });
  }

  #terminate(ending) {
    if (this.#state !== SessionState.CONNECTED) {
      return;
    }
    this.#state = ending.state;
    clearInterval(this.#keepAlive);
    this.#requests.failAll(ending.reason);
    this.#subscriptions.close();
    this.#events.emit('close', ending);
    this.#resolveClosed(ending);
  }

  #reportError(error, context) {
    if (context !== undefined && error instanceof Error && !(error instanceof TopiaryError)) {
      error.message = `${context}: ${error.message}`;
    }
    if (!this.#events.emit('error', error)) {
      console.error('Topiary session error (add an \'error\' listener to handle it):', error);
    }
  }

  #listenerFailed(error, event) {
    if (event === 'error') {
      // An 'error' listener that throws cannot report to itself: rethrow outside the session.
      queueMicrotask(() => {
        throw error;
      });
    } else {
      this.#reportError(error, `a '${event}' listener threw`);
    }
  }
}
