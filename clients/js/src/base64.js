// Base64 (RFC 4648, with padding) with the browser's btoa/atob, which Node 20 has too.

const chunkSize = 0x8000;

/** @param {Uint8Array} bytes */
export function toBase64(bytes) {
  let text = '';
  for (let start = 0; start < bytes.length; start += chunkSize) {
    text += String.fromCharCode(...bytes.subarray(start, start + chunkSize));
  }
  return btoa(text);
}

/** @param {string} text */
export function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}
