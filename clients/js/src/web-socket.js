// Chooses the WebSocket implementation: the platform's (browsers, Node.js 22+), else the
// `ws` package (Node.js 20), which is imported only then.

/** @returns {Promise<typeof WebSocket>} */
export async function resolveWebSocket(explicit) {
  if (explicit !== undefined) {
    return explicit;
  }
  if (typeof globalThis.WebSocket === 'function') {
    return globalThis.WebSocket;
  }
  const module = await import('ws');
  return module.WebSocket ?? module.default;
}
