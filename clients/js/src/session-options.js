// Options of Session.open, checked before connecting (docs/client-js.md).
import { checkInteger, checkOptionNames } from './arguments.js';
import { describe } from './topic-type.js';
import { invalidArgument } from './topiary-error.js';

const names = ['url', 'principal', 'password', 'requestTimeout', 'connectionTimeout', 'maxMessageSize', 'allowUnencrypted', 'WebSocket'];
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The options with defaults applied and the URL of the /topiary endpoint. */
export function readOptions(options) {
  checkOptionNames(options ?? null, names, 'options');
  const url = endpoint(options.url, options.allowUnencrypted ?? false);
  const principal = options.principal ?? '';
  if (typeof principal !== 'string' || principal.length > 256) {
    throw invalidArgument('principal', 'OUT_OF_RANGE', `'principal' must be a string of at most 256 characters ("" is anonymous); got ${describe(principal)}`);
  }
  const password = options.password;
  if (password !== undefined && (typeof password !== 'string' || password.length > 4096)) {
    throw invalidArgument('password', 'OUT_OF_RANGE', `'password' must be a string of at most 4096 characters; got ${typeof password === 'string' ? `${password.length} characters` : typeof password}`);
  }
  if (options.WebSocket !== undefined && typeof options.WebSocket !== 'function') {
    throw invalidArgument('WebSocket', 'WRONG_TYPE', `'WebSocket' must be a WebSocket constructor; got ${describe(options.WebSocket)}`);
  }
  return {
    url,
    principal,
    password,
    requestTimeout: checkInteger(options.requestTimeout ?? 10_000, 'requestTimeout', 100, 600_000),
    connectionTimeout: checkInteger(options.connectionTimeout ?? 10_000, 'connectionTimeout', 1, 3_600_000),
    maxMessageSize: checkInteger(options.maxMessageSize ?? 4 * 1024 * 1024, 'maxMessageSize', 64 * 1024, 64 * 1024 * 1024),
    WebSocket: options.WebSocket,
  };
}

function endpoint(text, allowUnencrypted) {
  if (typeof allowUnencrypted !== 'boolean') {
    throw invalidArgument('allowUnencrypted', 'WRONG_TYPE', `'allowUnencrypted' must be true or false; got ${describe(allowUnencrypted)}`);
  }
  let url;
  try {
    url = new URL(text);
  } catch {
    throw invalidArgument('url', 'INVALID_URL', `'url' must be an absolute ws:, wss:, http: or https: URL such as ws://localhost:8080; got ${describe(text)}`);
  }
  const scheme = { 'ws:': 'ws:', 'http:': 'ws:', 'wss:': 'wss:', 'https:': 'wss:' }[url.protocol];
  if (scheme === undefined) {
    throw invalidArgument('url', 'INVALID_SCHEME', `'url' must use ws:, wss:, http: or https:; got '${url.protocol}'`);
  }
  url.protocol = scheme;
  if (url.pathname === '' || url.pathname === '/') {
    url.pathname = '/topiary';
  }
  if (scheme === 'ws:' && !allowUnencrypted && !loopbackHosts.has(url.hostname) && !url.hostname.startsWith('127.')) {
    throw invalidArgument('url', 'UNENCRYPTED',
      `'url' is unencrypted (${url.protocol}) to a host other than loopback (${url.hostname}); use wss: or set allowUnencrypted: true`);
  }
  return url.toString();
}
