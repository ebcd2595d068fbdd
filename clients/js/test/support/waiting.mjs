// Helpers for tests: collecting stream events, waiting with a deadline, expected errors.
import assert from 'node:assert/strict';
import { TopiaryError } from '../../src/index.js';

/** A listener for addStream that records every callback as an event object. */
export function recorder() {
  const events = [];
  const waiters = [];
  const record = (event) => {
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.done()) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  return {
    events,
    listener: {
      onSubscribed: (path, specification) => record({ kind: 'subscribed', path, type: specification.type }),
      onValue: (path, specification, oldValue, value, info) =>
        record({ kind: 'value', path, oldValue, value, sequence: info.sequence, initial: info.initial }),
      onUnsubscribed: (path, reason) => record({ kind: 'unsubscribed', path, reason }),
      onClosed: () => record({ kind: 'closed' }),
    },
    /** Resolves when `count` events were recorded; fails after `timeoutMs` listing what came. */
    until(count, timeoutMs = 10_000) {
      return waitFor(() => events.length >= count, waiters, timeoutMs, () => `${count} events; got ${JSON.stringify(events, bigints)}`);
    },
  };
}

function waitFor(done, waiters, timeoutMs, what) {
  if (done()) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`)), timeoutMs);
    waiters.push({ done, resolve: () => { clearTimeout(timer); resolve(); } });
  });
}

/** JSON.stringify replacer for BigInt values. */
export function bigints(_key, value) {
  return typeof value === 'bigint' ? `${value}n` : value;
}

/** Resolves with the first value `emitter.on(event)` reports, or fails after `timeoutMs`. */
export function nextEvent(session, event, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${event}' event within ${timeoutMs} ms`)), timeoutMs);
    const listener = (value) => {
      clearTimeout(timer);
      session.off(event, listener);
      resolve(value);
    };
    session.on(event, listener);
  });
}

/** Asserts that `promise` rejects with a TopiaryError of `code` whose details include `details`. */
export async function rejectsWith(promise, code, details = {}) {
  const error = await promise.then(() => assert.fail(`expected ${code}, but it succeeded`), (e) => e);
  assert.ok(error instanceof TopiaryError, `expected a TopiaryError, got ${error?.stack ?? error}`);
  assert.equal(error.code, code, error.message);
  assert.ok(error.message.startsWith(`${code}:`), error.message);
  for (const [key, value] of Object.entries(details)) {
    assert.deepEqual(error.details[key], value, `details.${key} of ${JSON.stringify(error.details)}`);
  }
  return error;
}

