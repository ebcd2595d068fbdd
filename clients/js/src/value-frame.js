// Binary value frames, server to client (docs/protocol.md §5).

export const headerSize = 22;
const kindValue = 1;
const flagNoValue = 1;
const flagInitial = 2;
const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Reads the header of a value frame; null for a frame of an unknown kind (to be ignored).
 * Throws a plain Error describing a frame too short to be one.
 * @param {Uint8Array} frame
 */
export function readValueFrame(frame) {
  if (frame.length < 1) {
    throw new Error('an empty binary frame');
  }
  if (frame[0] !== kindValue) {
    return null;
  }
  if (frame.length < headerSize) {
    throw new Error(`a value frame of ${frame.length} bytes, shorter than its ${headerSize}-byte header`);
  }
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const flags = frame[1];
  return {
    noValue: (flags & flagNoValue) !== 0,
    initial: (flags & flagInitial) !== 0,
    topicId: view.getUint32(2, true),
    epoch: view.getBigUint64(6, true).toString(16).padStart(16, '0'),
    sequence: Number(view.getBigUint64(14, true)),
    payload: frame.subarray(headerSize),
  };
}

/** The JavaScript value of a payload of a topic of `type`; null when the frame has no value. */
export function decodePayload(type, payload, noValue) {
  if (noValue) {
    return null;
  }
  switch (type) {
    case 'JSON':
    case 'STRING':
      return utf8.decode(payload);
    case 'INT64':
      return readFixed(payload, type).getBigInt64(0, true);
    case 'DOUBLE':
      return readFixed(payload, type).getFloat64(0, true);
    default:
      return payload.slice();
  }
}

function readFixed(payload, type) {
  if (payload.length !== 8) {
    throw new Error(`${type} values have 8 bytes; got ${payload.length}`);
  }
  return new DataView(payload.buffer, payload.byteOffset, 8);
}
