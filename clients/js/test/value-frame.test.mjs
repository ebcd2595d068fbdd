import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCode, TopiaryError } from '../src/index.js';
import { decodePayload, readValueFrame } from '../src/value-frame.js';

// Frames are built here byte by byte from docs/protocol.md §5; the end-to-end tests decode
// the frames a real gateway sends.
function frame(kind, flags, topicId, epoch, sequence, payload) {
  const bytes = new Uint8Array(22 + payload.length);
  const view = new DataView(bytes.buffer);
  bytes[0] = kind;
  bytes[1] = flags;
  view.setUint32(2, topicId, true);
  view.setBigUint64(6, epoch, true);
  view.setBigUint64(14, sequence, true);
  bytes.set(payload, 22);
  return bytes;
}

test('reads the header and payload of the example of docs/protocol.md §7', () => {
  const hello = new TextEncoder().encode('hello');
  const header = readValueFrame(frame(1, 0, 1, 0x9d1c33f0a3b2e001n, 1n, hello));
  assert.deepEqual({ ...header, payload: [...header.payload] },
    { noValue: false, initial: false, topicId: 1, epoch: '9d1c33f0a3b2e001', sequence: 1, payload: [...hello] });
  assert.equal(decodePayload('STRING', header.payload, header.noValue), 'hello');
});

test('reads the flags, a large topic id and a small epoch with its leading zeros', () => {
  const header = readValueFrame(frame(1, 3, 0xffffffff, 0x1an, 41n, new Uint8Array(0)));
  assert.deepEqual([header.noValue, header.initial, header.topicId, header.epoch, header.sequence],
    [true, true, 0xffffffff, '000000000000001a', 41]);
  assert.equal(decodePayload('INT64', header.payload, header.noValue), null);
});

test('decodes every value type from its payload', () => {
  const int64 = new Uint8Array(8).fill(0xff);
  const double = new Uint8Array([0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
  assert.equal(decodePayload('INT64', int64, false), -1n);
  assert.equal(decodePayload('DOUBLE', double, false), 1);
  assert.equal(decodePayload('STRING', new Uint8Array([0xc3, 0xa9]), false), 'é');
  assert.equal(decodePayload('JSON', new TextEncoder().encode('{ "b" : 1.0 }'), false), '{ "b" : 1.0 }');
  const source = new Uint8Array([9, 1, 2, 3]);
  const binary = decodePayload('BINARY', source.subarray(1), false);
  assert.deepEqual(binary, new Uint8Array([1, 2, 3]));
  source[1] = 7;
  assert.equal(binary[0], 1, 'a BINARY value is a copy, not a view of the frame');
});

test('ignores frames of unknown kinds and refuses malformed value frames', () => {
  assert.equal(readValueFrame(new Uint8Array([2, 0, 0])), null);
  assert.throws(() => readValueFrame(new Uint8Array(0)), /an empty binary frame/);
  assert.throws(() => readValueFrame(new Uint8Array(21).fill(1)), /a value frame of 21 bytes, shorter than its 22-byte header/);
  assert.throws(() => decodePayload('INT64', new Uint8Array(4), false), /INT64 values have 8 bytes; got 4/);
  assert.throws(() => decodePayload('DOUBLE', new Uint8Array(9), false), /DOUBLE values have 8 bytes; got 9/);
});

test('TopiaryError keeps the envelope and refuses a malformed one clearly', () => {
  const envelope = {
    code: 1001, name: 'INVALID_PATH', message: 'INVALID_PATH: bad', retryable: false, outcome: 'NOT_APPLIED',
    details: { path: 'a//b' }, correlationId: 'c-1',
  };
  const error = TopiaryError.fromEnvelope(envelope);
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'TopiaryError');
  assert.deepEqual(error.toJSON(), envelope);
  assert.equal(ErrorCode[error.code], error.wireCode);
  const malformed = TopiaryError.fromEnvelope('oops');
  assert.equal(malformed.code, 'INTERNAL_ERROR');
  assert.match(malformed.message, /malformed error envelope "oops"/);
  assert.throws(() => TopiaryError.create('NO_SUCH_CODE', 'x'), /unknown Topiary error code name 'NO_SUCH_CODE'/);
  const created = TopiaryError.create('TIMEOUT', 'late');
  assert.deepEqual([created.message, created.wireCode, created.retryable, created.outcome], ['TIMEOUT: late', 5002, false, 'UNKNOWN']);
  assert.equal(TopiaryError.create('RATE_LIMITED', 'slow down').retryable, true);
});
