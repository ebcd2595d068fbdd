// Subscribed topics by topic id, their cached values, and the value streams each one
// reaches. Events reach every stream in the order the server sent them.
import { decodePayload, readValueFrame } from './value-frame.js';

export class SubscriptionTable {
  #topics = new Map();
  #streams = new Set();
  #reportError;

  /** @param {(error: unknown) => void} reportError for failing callbacks and bad frames */
  constructor(reportError) {
    this.#reportError = reportError;
  }

  /** Adds a stream: `selects(path)`, `type` (null = any) and the callbacks of `listener`. */
  addStream(selects, type, listener) {
    const stream = { selects, type, listener, closed: false };
    this.#streams.add(stream);
    for (const topic of this.#topics.values()) {
      if (this.#reaches(stream, topic)) {
        topic.streams.push(stream);
        this.#call(stream, 'onSubscribed', topic.path, topic.specification);
        if (topic.hasValue) {
          this.#call(stream, 'onValue', topic.path, topic.specification, null, topic.value,
            { sequence: topic.sequence, epoch: topic.epoch, initial: true });
        }
      }
    }
    return () => this.#removeStream(stream);
  }

  /** A `subscribed` notification. */
  subscribed(message) {
    const specification = { type: message.specification.type, properties: message.specification.properties ?? {} };
    const topic = {
      path: message.path, specification, hasValue: false, value: null,
      epoch: message.epoch, sequence: message.sequence, streams: [],
    };
    for (const stream of this.#streams) {
      if (this.#reaches(stream, topic)) {
        topic.streams.push(stream);
      }
    }
    this.#topics.set(message.topicId, topic);
    for (const stream of topic.streams) {
      this.#call(stream, 'onSubscribed', topic.path, specification);
    }
  }

  /** An `unsubscribed` notification. */
  unsubscribed(message) {
    const topic = this.#topics.get(message.topicId);
    if (topic === undefined) {
      throw new Error(`'unsubscribed' for topic id ${message.topicId}, which is not subscribed`);
    }
    this.#topics.delete(message.topicId);
    for (const stream of topic.streams) {
      this.#call(stream, 'onUnsubscribed', topic.path, message.reason);
    }
  }

  /** A binary value frame. */
  value(frame) {
    const header = readValueFrame(frame);
    if (header === null) {
      return;
    }
    const topic = this.#topics.get(header.topicId);
    if (topic === undefined) {
      throw new Error(`a value frame for topic id ${header.topicId}, which is not subscribed`);
    }
    const oldValue = topic.value;
    const newValue = decodePayload(topic.specification.type, header.payload, header.noValue);
    topic.value = newValue;
    topic.hasValue = !header.noValue;
    topic.epoch = header.epoch;
    topic.sequence = header.sequence;
    const info = { sequence: header.sequence, epoch: header.epoch, initial: header.initial };
    for (const stream of topic.streams) {
      this.#call(stream, 'onValue', topic.path, topic.specification, oldValue, newValue, info);
    }
  }

  /** The session ended: every stream gets `onClosed`. */
  close() {
    this.#topics.clear();
    for (const stream of [...this.#streams]) {
      this.#removeStream(stream);
    }
  }

  #reaches(stream, topic) {
    return (stream.type === null || stream.type === topic.specification.type) && stream.selects(topic.path);
  }

  #removeStream(stream) {
    if (stream.closed) {
      return;
    }
    stream.closed = true;
    this.#streams.delete(stream);
    for (const topic of this.#topics.values()) {
      const at = topic.streams.indexOf(stream);
      if (at >= 0) {
        topic.streams.splice(at, 1);
      }
    }
    this.#call(stream, 'onClosed');
  }

  #call(stream, callback, ...args) {
    const handler = stream.listener[callback];
    if (typeof handler !== 'function') {
      return;
    }
    try {
      handler.apply(stream.listener, args);
    } catch (error) {
      this.#reportError(error);
    }
  }
}
