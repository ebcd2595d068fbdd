// Type declarations of @topiary/client, written by hand (test/exports.test.mjs checks that
// every name declared here is exported by src/index.js and the other way round).

/** Topic types as named on the wire. */
export declare const TopicType: Readonly<{
  JSON: 'JSON';
  STRING: 'STRING';
  INT64: 'INT64';
  DOUBLE: 'DOUBLE';
  BINARY: 'BINARY';
  TIME_SERIES: 'TIME_SERIES';
}>;
export type TopicTypeName = 'JSON' | 'STRING' | 'INT64' | 'DOUBLE' | 'BINARY' | 'TIME_SERIES';

/** The JavaScript value of each topic type as the client delivers it; null is "no value". */
export interface TopicValueTypes {
  JSON: string;
  STRING: string;
  INT64: bigint;
  DOUBLE: number;
  BINARY: Uint8Array;
  TIME_SERIES: never;
}
export type TopicValue = string | bigint | number | Uint8Array;
/** What set/addAndSet accept for each topic type (null clears STRING, INT64 and DOUBLE topics). */
export interface TopicValueInputs {
  JSON: string | object | number | boolean;
  STRING: string;
  INT64: bigint | number;
  DOUBLE: number;
  BINARY: Uint8Array | ArrayBuffer;
  TIME_SERIES: never;
}

/** The states of a session; the closed states are final. */
export declare const SessionState: Readonly<{
  CONNECTED: 'CONNECTED';
  CLOSED_BY_CLIENT: 'CLOSED_BY_CLIENT';
  CLOSED_BY_SERVER: 'CLOSED_BY_SERVER';
  CLOSED_FAILED: 'CLOSED_FAILED';
}>;
export type SessionStateName = 'CONNECTED' | 'CLOSED_BY_CLIENT' | 'CLOSED_BY_SERVER' | 'CLOSED_FAILED';

/** Error code numbers by wire name. */
export declare const ErrorCode: Readonly<Record<ErrorCodeName, number>>;
export type ErrorCodeName =
  | 'INVALID_ARGUMENT' | 'INVALID_PATH' | 'INVALID_SELECTOR' | 'INVALID_SPECIFICATION' | 'INVALID_VIEW_SPECIFICATION'
  | 'INVALID_SESSION_FILTER' | 'INVALID_SCRIPT' | 'INVALID_VALUE' | 'INCOMPATIBLE_TYPE' | 'INVALID_NAME' | 'INVALID_OPTION'
  | 'UNSUPPORTED' | 'NOT_FOUND' | 'CONFLICT' | 'EXISTS_INCOMPATIBLE' | 'CONSTRAINT_FAILED' | 'EXCLUSIVE_UPDATER_CONFLICT'
  | 'UPDATE_SOURCE_NOT_ACTIVE' | 'FENCED' | 'INVALID_UPDATE_STREAM' | 'REGISTRATION_CONFLICT' | 'PATCH_FAILED'
  | 'PERMISSION_DENIED' | 'AUTHENTICATION_FAILED' | 'SESSION_CLOSED' | 'UNKNOWN_SESSION' | 'PROTOCOL_VERSION_MISMATCH'
  | 'RATE_LIMITED' | 'LIMIT_EXCEEDED' | 'CLUSTER_UNAVAILABLE' | 'RETRYABLE' | 'TIMEOUT' | 'OUTCOME_UNKNOWN'
  | 'INTERNAL_ERROR' | 'SERVER_INITIALISING';

/** The error envelope as it is on the wire. */
export interface ErrorEnvelope {
  code: number;
  name: string;
  message: string;
  retryable: boolean;
  outcome: 'NOT_APPLIED' | 'UNKNOWN' | string;
  details: Record<string, unknown>;
  correlationId?: string;
}

/** Every failure of the client. */
export declare class TopiaryError extends Error {
  constructor(envelope: ErrorEnvelope);
  readonly name: 'TopiaryError';
  /** The wire name, e.g. 'NOT_FOUND'. */
  readonly code: ErrorCodeName | string;
  /** The number, e.g. 2000. */
  readonly wireCode: number;
  readonly retryable: boolean;
  readonly outcome: 'NOT_APPLIED' | 'UNKNOWN' | string;
  readonly details: Record<string, unknown>;
  readonly correlationId: string | null;
  toJSON(): ErrorEnvelope;
  static create(name: ErrorCodeName, message: string, details?: Record<string, unknown>): TopiaryError;
  static fromEnvelope(envelope: unknown): TopiaryError;
}

export interface SessionOptions {
  /** ws:, wss:, http: or https:; '/topiary' is added when the URL has no path. */
  url: string;
  /** '' (the default) is anonymous. */
  principal?: string;
  password?: string;
  /** Milliseconds a call waits for its answer: 100 … 600000, default 10000. */
  requestTimeout?: number;
  /** Milliseconds for connecting plus the handshake: 1 … 3600000, default 10000. */
  connectionTimeout?: number;
  /** Largest request sent, in bytes: 65536 … 67108864, default 4194304 (the gateway's own limit applies too). */
  maxMessageSize?: number;
  /** Allow ws: to hosts other than loopback. */
  allowUnencrypted?: boolean;
  /** The WebSocket constructor to use instead of globalThis.WebSocket or the ws package. */
  WebSocket?: new (url: string) => WebSocket;
}

export interface SessionClosedEvent {
  state: Exclude<SessionStateName, 'CONNECTED'>;
  /** CLIENT_REQUESTED, the server's closing reason (SERVER_SHUTDOWN, OUTBOUND_BUFFER_OVERFLOW, …), SERVER_CLOSED, CONNECTION_LOST, PROTOCOL_ERROR or MESSAGE_TOO_BIG. */
  reason: string;
  message: string;
}

export interface PingResult {
  roundTripMs: number;
  serverVersion: string;
  serverTime: Date;
}

export declare class Session {
  /** Connects, authenticates, and resolves once the gateway accepted the session. */
  static open(options: SessionOptions): Promise<Session>;
  private constructor();
  readonly sessionId: string;
  readonly principal: string;
  readonly gateway: string;
  readonly serverVersion: string;
  /** The smaller of the option and the gateway's limit. */
  readonly maxMessageSize: number;
  readonly topics: Topics;
  readonly state: SessionStateName;
  /** Resolves when the session has closed, for whatever reason. */
  readonly closed: Promise<SessionClosedEvent>;
  on(event: 'close', listener: (event: SessionClosedEvent) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  off(event: 'close' | 'error', listener: (argument: never) => void): this;
  ping(): Promise<PingResult>;
  /** Closes the session; never fails because the connection is already gone. */
  close(): Promise<SessionClosedEvent>;
}

export interface TopicSpecification {
  type: TopicTypeName;
  properties: Record<string, string>;
}

export interface AddAndSetResult {
  added: boolean;
  epoch: string;
  sequence: number;
}

export interface FetchOptions {
  /** 0 … 100000. */
  limit?: number;
  /** Start after this path (for paging). */
  after?: string;
  withValues?: boolean;
  withProperties?: boolean;
}

export interface FetchedTopic {
  path: string;
  type: TopicTypeName;
  /** Present with withValues when the topic has a value. */
  value: TopicValue | undefined;
  /** Present with withProperties. */
  properties: Record<string, string> | undefined;
  /** Present with withValues. */
  sequence: number | undefined;
}

export interface FetchResult {
  results: FetchedTopic[];
  hasMore: boolean;
}

export type UnsubscribeReason = 'REQUESTED' | 'REMOVED' | 'AUTHORIZATION' | 'BACK_PRESSURE' | 'UNKNOWN';

export interface ValueInfo {
  sequence: number;
  /** 16 hex digits. */
  epoch: string;
  /** True for the current value sent on subscription. */
  initial: boolean;
}

export interface ValueStream<V> {
  onSubscribed?(path: string, specification: TopicSpecification): void;
  onValue?(path: string, specification: TopicSpecification, oldValue: V | null, newValue: V | null, info: ValueInfo): void;
  onUnsubscribed?(path: string, reason: UnsubscribeReason | string): void;
  onClosed?(): void;
}
export type ValueCallback<V> = NonNullable<ValueStream<V>['onValue']>;

export interface StreamRegistration {
  /** Removes the stream; it gets onClosed. */
  close(): void;
}

export type TopicEvent<V> =
  | { kind: 'subscribed'; path: string; specification: TopicSpecification }
  | ({ kind: 'value'; path: string; specification: TopicSpecification; oldValue: V | null; value: V | null } & ValueInfo)
  | { kind: 'unsubscribed'; path: string; reason: UnsubscribeReason | string };

export interface TopicEventStream<V> extends AsyncIterableIterator<TopicEvent<V>> {
  close(): void;
}

export interface StreamOptions {
  /** Events buffered before the stream ends with LIMIT_EXCEEDED: 1 … 1000000, default 1024. */
  capacity?: number;
  signal?: AbortSignal;
}

export declare class Topics {
  private constructor();
  add(path: string, type: TopicTypeName | Lowercase<TopicTypeName>, properties?: Record<string, string>): Promise<boolean>;
  addAndSet<T extends TopicTypeName>(path: string, type: T, value: TopicValueInputs[T] | null, properties?: Record<string, string>): Promise<AddAndSetResult>;
  set<T extends TopicTypeName>(path: string, type: T, value: TopicValueInputs[T] | null): Promise<number>;
  remove(selector: string): Promise<number>;
  fetch(selector: string, options?: FetchOptions): Promise<FetchResult>;
  subscribe(selector: string): Promise<void>;
  unsubscribe(selector: string): Promise<void>;
  addStream<T extends TopicTypeName>(selector: string, type: T, listener: ValueStream<TopicValueTypes[T]> | ValueCallback<TopicValueTypes[T]>): StreamRegistration;
  addStream(selector: string, type: null, listener: ValueStream<TopicValue> | ValueCallback<TopicValue>): StreamRegistration;
  stream<T extends TopicTypeName>(selector: string, type: T, options?: StreamOptions): TopicEventStream<TopicValueTypes[T]>;
  stream(selector: string, type: null, options?: StreamOptions): TopicEventStream<TopicValue>;
}
