import { ErrorCode } from './error-codes.js';

const retryableNames = new Set(['RATE_LIMITED', 'CLUSTER_UNAVAILABLE', 'RETRYABLE', 'SERVER_INITIALISING']);
const outcomeUnknownNames = new Set(['TIMEOUT', 'OUTCOME_UNKNOWN', 'INTERNAL_ERROR']);

/**
 * Every failure of the client: the server's error envelope, or one the client raises itself
 * with the same fields. `code` is the wire name (`'NOT_FOUND'`), `wireCode` its number (2000).
 */
export class TopiaryError extends Error {
  /** @param {{ code: number, name: string, message: string, retryable?: boolean, outcome?: string, details?: object, correlationId?: string }} envelope */
  constructor(envelope) {
    super(envelope.message);
    this.name = 'TopiaryError';
    this.code = envelope.name;
    this.wireCode = envelope.code;
    this.retryable = envelope.retryable === true;
    this.outcome = envelope.outcome ?? 'NOT_APPLIED';
    this.details = envelope.details ?? {};
    this.correlationId = envelope.correlationId ?? null;
  }

  /** The envelope as it is on the wire. */
  toJSON() {
    const envelope = {
      code: this.wireCode, name: this.code, message: this.message,
      retryable: this.retryable, outcome: this.outcome, details: this.details,
    };
    if (this.correlationId !== null) {
      envelope.correlationId = this.correlationId;
    }
    return envelope;
  }

  /** Builds an error raised by the client itself; the message starts with the code's name. */
  static create(name, message, details = {}) {
    const code = ErrorCode[name];
    if (code === undefined) {
      throw new TypeError(`unknown Topiary error code name '${name}'`);
    }
    return new TopiaryError({
      code,
      name,
      message: message.startsWith(name) ? message : `${name}: ${message}`,
      retryable: retryableNames.has(name),
      outcome: outcomeUnknownNames.has(name) ? 'UNKNOWN' : 'NOT_APPLIED',
      details,
    });
  }

  /** Reads an envelope received from the server, tolerating missing optional fields. */
  static fromEnvelope(envelope) {
    if (envelope === null || typeof envelope !== 'object' || typeof envelope.name !== 'string') {
      return TopiaryError.create('INTERNAL_ERROR', `protocol violation by the server: malformed error envelope ${JSON.stringify(envelope)}`);
    }
    return new TopiaryError({
      code: typeof envelope.code === 'number' ? envelope.code : (ErrorCode[envelope.name] ?? 0),
      name: envelope.name,
      message: typeof envelope.message === 'string' ? envelope.message : envelope.name,
      retryable: envelope.retryable,
      outcome: envelope.outcome,
      details: envelope.details,
      correlationId: envelope.correlationId,
    });
  }
}

/** INVALID_ARGUMENT naming the argument, the reason and what is allowed. */
export function invalidArgument(argument, reason, message) {
  return TopiaryError.create('INVALID_ARGUMENT', message, { argument, reason });
}
