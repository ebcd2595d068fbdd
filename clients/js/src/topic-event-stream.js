// Value streams as async iterables of events (for await ... of).
import { TopiaryError } from './topiary-error.js';

/**
 * Buffers the events of one stream registration for an async iterator. `register(listener)`
 * adds the stream and returns the function that removes it.
 */
export function createEventStream(register, capacity, signal) {
  const queue = [];
  const waiting = [];
  let ended = false;
  let failure = null;
  let unregister = () => {};

  // The failure ends the iteration once; later calls report the end.
  const takeFailure = () => {
    const error = failure;
    failure = null;
    return error;
  };
  const wake = () => {
    while (waiting.length > 0 && (queue.length > 0 || ended)) {
      const { resolve, reject } = waiting.shift();
      if (queue.length > 0) {
        resolve({ value: queue.shift(), done: false });
      } else if (failure !== null) {
        reject(takeFailure());
      } else {
        resolve({ value: undefined, done: true });
      }
    }
  };
  const end = (error) => {
    if (!ended) {
      ended = true;
      failure = error;
      signal?.removeEventListener('abort', onAbort);
      unregister();
      wake();
    }
  };
  const push = (event) => {
    if (ended) {
      return;
    }
    if (queue.length >= capacity) {
      queue.length = 0;
      end(TopiaryError.create('LIMIT_EXCEEDED',
        `the stream fell more than ${capacity} events behind (capacity); it was ended so the session is not stalled`,
        { limit: 'capacity', maximum: capacity }));
      return;
    }
    queue.push(event);
    wake();
  };
  const onAbort = () => {
    queue.length = 0;
    end(signal.reason ?? new Error('aborted'));
  };

  unregister = register({
    onSubscribed: (path, specification) => push({ kind: 'subscribed', path, specification }),
    onValue: (path, specification, oldValue, value, info) =>
      push({ kind: 'value', path, specification, oldValue, value, ...info }),
    onUnsubscribed: (path, reason) => push({ kind: 'unsubscribed', path, reason }),
    onClosed: () => end(null),
  });
  if (ended) {
    unregister();
  }
  if (signal !== undefined) {
    if (signal.aborted) {
      onAbort();
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
    }
  }

  const iterator = {
    next: () => {
      if (queue.length > 0) {
        return Promise.resolve({ value: queue.shift(), done: false });
      }
      if (ended) {
        return failure !== null ? Promise.reject(takeFailure()) : Promise.resolve({ value: undefined, done: true });
      }
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return: () => {
      end(null);
      queue.length = 0;
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    close() {
      end(null);
    },
  };
  return iterator;
}
