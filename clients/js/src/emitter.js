// A minimal event emitter that works the same in browsers and Node.js.
import { invalidArgument } from './topiary-error.js';

export class Emitter {
  #listeners = new Map();
  #onListenerError;

  /** @param {(error: unknown, event: string) => void} onListenerError called when a listener throws */
  constructor(onListenerError) {
    this.#onListenerError = onListenerError;
  }

  on(event, listener) {
    if (typeof listener !== 'function') {
      throw invalidArgument('listener', 'WRONG_TYPE', `the listener of '${event}' must be a function; got ${typeof listener}`);
    }
    const listeners = this.#listeners.get(event) ?? [];
    this.#listeners.set(event, [...listeners, listener]);
    return this;
  }

  off(event, listener) {
    const listeners = this.#listeners.get(event) ?? [];
    this.#listeners.set(event, listeners.filter((candidate) => candidate !== listener));
    return this;
  }

  /** Calls the listeners of `event`; false when it has none. */
  emit(event, argument) {
    const listeners = this.#listeners.get(event) ?? [];
    for (const listener of listeners) {
      try {
        listener(argument);
      } catch (error) {
        this.#onListenerError(error, event);
      }
    }
    return listeners.length > 0;
  }
}
