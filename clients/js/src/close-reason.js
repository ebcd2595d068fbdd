// Why a session ended, from what the server said and the WebSocket close status.
import { SessionState } from './session-state.js';

/**
 * @param {{ closing?: { reason: string, message?: string }, lastError?: { message: string }, code: number, text: string }} seen
 * @returns {{ state: string, reason: string, message: string }}
 */
export function closeReason({ closing, lastError, code, text }) {
  const status = `WebSocket closed with status ${code}${text ? ` (${text})` : ''}`;
  if (closing !== undefined) {
    return { state: SessionState.CLOSED_BY_SERVER, reason: closing.reason, message: closing.message ?? status };
  }
  const message = lastError?.message ?? status;
  switch (code) {
    case 1002:
    case 1003:
      return { state: SessionState.CLOSED_FAILED, reason: 'PROTOCOL_ERROR', message };
    case 1009:
      return { state: SessionState.CLOSED_FAILED, reason: 'MESSAGE_TOO_BIG', message };
    case 1005:
    case 1006:
      return { state: SessionState.CLOSED_FAILED, reason: 'CONNECTION_LOST', message };
    default:
      return { state: SessionState.CLOSED_BY_SERVER, reason: 'SERVER_CLOSED', message };
  }
}
