// Topic operations and value streams of one session (docs/client-js.md).
import { checkBoolean, checkInteger, checkOptionNames, checkProperties, checkString } from './arguments.js';
import { parseSelector } from './selector.js';
import { createEventStream } from './topic-event-stream.js';
import { checkTopicType, describe } from './topic-type.js';
import { invalidArgument } from './topiary-error.js';
import { decodeValue, encodeValue } from './value-json.js';

const fetchOptionNames = ['limit', 'after', 'withValues', 'withProperties'];
const streamOptionNames = ['capacity', 'signal'];
const defaultStreamCapacity = 1024;

export class Topics {
  #request;
  #subscriptions;

  /** @internal */
  constructor(request, subscriptions) {
    this.#request = request;
    this.#subscriptions = subscriptions;
  }

  /** Adds a topic; false when an equivalent topic already exists. */
  async add(path, type, properties) {
    const args = { path: checkString(path, 'path'), type: checkTopicType(type) };
    withProperties(args, properties);
    const result = await this.#request('topics.add', args);
    return result.added;
  }

  /** Adds a topic (unless an equivalent one exists) and sets its value. */
  async addAndSet(path, type, value, properties) {
    const wireType = checkTopicType(type);
    const args = { path: checkString(path, 'path'), type: wireType };
    withProperties(args, properties);
    args.value = encodeValue(wireType, value);
    const result = await this.#request('topics.addAndSet', args);
    return { added: result.added, epoch: result.epoch, sequence: result.sequence };
  }

  /** Sets the value of a topic; `type` is the type of the value. Returns the new sequence. */
  async set(path, type, value) {
    const wireType = checkTopicType(type);
    const args = { path: checkString(path, 'path'), type: wireType, value: encodeValue(wireType, value) };
    const result = await this.#request('topics.set', args);
    return result.sequence;
  }

  /** Removes the topics a selector selects; returns how many were removed. */
  async remove(selector) {
    const result = await this.#request('topics.remove', { selector: checkString(selector, 'selector') });
    return result.removedCount;
  }

  /** Fetches topics (in path order), optionally with values and properties. */
  async fetch(selector, options = {}) {
    checkOptionNames(options, fetchOptionNames, 'options');
    const args = { selector: checkString(selector, 'selector') };
    if (options.limit !== undefined) {
      args.limit = checkInteger(options.limit, 'options.limit', 0, 100_000);
    }
    if (options.after !== undefined) {
      args.after = checkString(options.after, 'options.after');
    }
    if (options.withValues !== undefined) {
      args.withValues = checkBoolean(options.withValues, 'options.withValues');
    }
    if (options.withProperties !== undefined) {
      args.withProperties = checkBoolean(options.withProperties, 'options.withProperties');
    }
    const result = await this.#request('topics.fetch', args);
    return {
      hasMore: result.hasMore,
      results: result.results.map((topic) => ({
        path: topic.path,
        type: topic.type,
        value: Object.hasOwn(topic, 'value') ? decodeValue(topic.type, topic.value) : undefined,
        properties: topic.properties,
        sequence: topic.sequence,
      })),
    };
  }

  /** Subscribes to the topics a selector selects, now and later. */
  async subscribe(selector) {
    await this.#request('topics.subscribe', { selector: checkString(selector, 'selector') });
  }

  /** Unsubscribes from the topics a selector selects (reason REQUESTED). */
  async unsubscribe(selector) {
    await this.#request('topics.unsubscribe', { selector: checkString(selector, 'selector') });
  }

  /**
   * Receives the subscribed topics that `selector` selects and whose type is `type` (null: any
   * type). `listener` has optional onSubscribed, onValue, onUnsubscribed, onClosed, or is the
   * onValue function itself. Returns a registration whose close() removes it.
   */
  addStream(selector, type, listener) {
    const selects = parseSelector(selector);
    const wireType = type === null ? null : checkTopicType(type);
    const callbacks = typeof listener === 'function' ? { onValue: listener } : listener;
    if (callbacks === null || typeof callbacks !== 'object') {
      throw invalidArgument('listener', 'WRONG_TYPE',
        `'listener' must be an object with onSubscribed/onValue/onUnsubscribed/onClosed, or an onValue function; got ${describe(listener)}`);
    }
    const remove = this.#subscriptions.addStream(selects, wireType, callbacks);
    return { close: remove };
  }

  /** The events of a value stream as an async iterable (see addStream). */
  stream(selector, type, options = {}) {
    checkOptionNames(options, streamOptionNames, 'options');
    const capacity = options.capacity === undefined
      ? defaultStreamCapacity
      : checkInteger(options.capacity, 'options.capacity', 1, 1_000_000);
    const selects = parseSelector(selector);
    const wireType = type === null ? null : checkTopicType(type);
    return createEventStream(
      (callbacks) => this.#subscriptions.addStream(selects, wireType, callbacks), capacity, options.signal);
  }
}

function withProperties(args, properties) {
  if (checkProperties(properties) !== undefined) {
    args.properties = properties;
  }
}
