// What the `open` message says about the runtime (clientType, environment).

export function clientType() {
  return typeof globalThis.document === 'object' ? 'JAVASCRIPT_BROWSER' : 'JAVASCRIPT_NODE';
}

export function environment() {
  const node = globalThis.process?.versions?.node;
  const text = node !== undefined ? `Node.js ${node}` : (globalThis.navigator?.userAgent ?? 'JavaScript');
  return text.slice(0, 256);
}
