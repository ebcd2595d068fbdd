/** The states of a session; the closed states are final. */
export const SessionState = Object.freeze({
  CONNECTED: 'CONNECTED',
  CLOSED_BY_CLIENT: 'CLOSED_BY_CLIENT',
  CLOSED_BY_SERVER: 'CLOSED_BY_SERVER',
  CLOSED_FAILED: 'CLOSED_FAILED',
});
