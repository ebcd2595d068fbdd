// Requests in flight by id: their timeouts, and failing them all when the session ends.
import { TopiaryError } from './topiary-error.js';

export class RequestTable {
  #nextId = 1;
  #pending = new Map();

  /** Registers a request; `send(id)` sends it. Resolves with the result, rejects with a TopiaryError. */
  add(op, timeoutMs, send) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(TopiaryError.create('TIMEOUT',
          `no answer to '${op}' within ${timeoutMs} ms (requestTimeout); it may or may not have been applied`,
          { op, timeoutMs }));
      }, timeoutMs);
      this.#pending.set(id, { op, resolve, reject, timer });
      try {
        send(id);
      } catch (error) {
        this.#settle(id);
        reject(error);
      }
    });
  }

  /** Completes request `id` with a response message; false when no such request is waiting. */
  complete(id, message) {
    const request = this.#settle(id);
    if (request === undefined) {
      return false;
    }
    if (message.error !== undefined) {
      request.reject(TopiaryError.fromEnvelope(message.error));
    } else {
      request.resolve(message.result ?? {});
    }
    return true;
  }

  /** Fails every request in flight with OUTCOME_UNKNOWN. */
  failAll(reason) {
    for (const [id, request] of [...this.#pending]) {
      this.#settle(id);
      request.reject(TopiaryError.create('OUTCOME_UNKNOWN',
        `the session ended with '${request.op}' in flight (${reason}); it may or may not have been applied`,
        { reason, op: request.op }));
    }
  }

  #settle(id) {
    const request = this.#pending.get(id);
    if (request !== undefined) {
      clearTimeout(request.timer);
      this.#pending.delete(id);
    }
    return request;
  }
}
