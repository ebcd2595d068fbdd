// @topiary/client: the JavaScript client for Topiary's native protocol (docs/client-js.md).
export { ErrorCode } from './error-codes.js';
export { Session } from './session.js';
export { SessionState } from './session-state.js';
export { TopicType } from './topic-type.js';
export { TopiaryError } from './topiary-error.js';
export { Topics } from './topics.js';
