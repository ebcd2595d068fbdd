import { invalidArgument } from './topiary-error.js';

/** Topic types as they are named on the wire (docs/topics.md). */
export const TopicType = Object.freeze({
  JSON: 'JSON',
  STRING: 'STRING',
  INT64: 'INT64',
  DOUBLE: 'DOUBLE',
  BINARY: 'BINARY',
  TIME_SERIES: 'TIME_SERIES',
});

/** The wire name of `type` (any ASCII case accepted), or INVALID_ARGUMENT naming `argument`. */
export function checkTopicType(type, argument = 'type') {
  const name = typeof type === 'string' ? type.toUpperCase() : undefined;
  if (name === undefined || !Object.hasOwn(TopicType, name)) {
    throw invalidArgument(argument, 'UNKNOWN_TYPE',
      `'${argument}' must be a topic type, one of ${Object.keys(TopicType).join(', ')} (any case); got ${describe(type)}`);
  }
  return name;
}

/** A short description of a value for error messages. */
export function describe(value) {
  if (typeof value === 'string') {
    return `'${value.length > 64 ? `${value.slice(0, 64)}…` : value}'`;
  }
  if (typeof value === 'bigint') {
    return `${value}n`;
  }
  if (value === null || value === undefined || typeof value !== 'object') {
    return `${typeof value === 'number' ? 'the number ' : ''}${String(value)}`;
  }
  return `a ${value.constructor?.name ?? 'object'}`;
}
