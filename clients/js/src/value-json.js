// Values in requests and results: the JSON form of docs/protocol.md §3.1.
import { fromBase64, toBase64 } from './base64.js';
import { describe } from './topic-type.js';
import { TopiaryError, invalidArgument } from './topiary-error.js';

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/**
 * The JSON form of a JavaScript value for a topic of `type` (a wire type name); `null`
 * means "no value". Throws INVALID_ARGUMENT (argument `value`) for a value the type cannot hold.
 */
export function encodeValue(type, value) {
  if (value === null) {
    return null;
  }
  switch (type) {
    case 'JSON':
      if (typeof value === 'string') {
        return value;
      }
      return encodeJsonObject(value);
    case 'STRING':
      if (typeof value === 'string') {
        return value;
      }
      throw wrongValue(type, value, 'a string');
    case 'INT64':
      return encodeInt64(value);
    case 'DOUBLE':
      if (typeof value !== 'number') {
        throw wrongValue(type, value, 'a number (NaN and ±Infinity included)');
      }
      return Number.isFinite(value) ? value : String(value);
    case 'BINARY':
      if (value instanceof Uint8Array) {
        return toBase64(value);
      }
      if (value instanceof ArrayBuffer) {
        return toBase64(new Uint8Array(value));
      }
      throw wrongValue(type, value, 'a Uint8Array (a Node.js Buffer is one) or an ArrayBuffer');
    default:
      throw invalidArgument('type', 'UNSUPPORTED_TYPE', `${type} values cannot be set from this client`);
  }
}

/** The JavaScript value of the JSON form `value` of a topic of `type` (a result of fetch). */
export function decodeValue(type, value) {
  if (value === null || value === undefined) {
    return null;
  }
  switch (type) {
    case 'INT64':
      return BigInt(value);
    case 'DOUBLE':
      return typeof value === 'number' ? value : Number(value);
    case 'BINARY':
      return fromBase64(value);
    default:
      return value;
  }
}

function encodeJsonObject(value) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw invalidArgument('value', 'NOT_SERIALIZABLE', `a JSON value must be JSON text (a string) or a value JSON.stringify accepts: ${error.message}`);
  }
  if (text === undefined) {
    throw wrongValue('JSON', value, 'JSON text (a string) or a value JSON.stringify accepts');
  }
  return text;
}

function encodeInt64(value) {
  if (typeof value === 'bigint') {
    if (value < int64Min || value > int64Max) {
      throw invalidArgument('value', 'OUT_OF_RANGE', `an INT64 value must be from ${int64Min} to ${int64Max}; got ${value}n`);
    }
    return value.toString();
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw invalidArgument('value', 'NOT_SAFE_INTEGER',
        `an INT64 value given as a number must be an integer from -(2^53-1) to 2^53-1 (pass a BigInt for the full 64-bit range); got ${value}`);
    }
    return value.toString();
  }
  throw wrongValue('INT64', value, 'a BigInt or a safe integer number');
}

function wrongValue(type, value, allowed) {
  return TopiaryError.create('INVALID_ARGUMENT', `${type} values must be ${allowed}; got ${describe(value)}`,
    { argument: 'value', reason: 'WRONG_TYPE', expected: type });
}
