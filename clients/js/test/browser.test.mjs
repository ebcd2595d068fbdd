import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startGateway } from './support/gateway.mjs';

// Loads src/index.js as an ES module in a real Chromium (headless, driven by playwright-core)
// and runs test/browser/scenario.js there against a real gateway, with the browser's own
// WebSocket. Skipped, saying so, when no Chromium is installed (apt-get install chromium).
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const packageRoot = new URL('../', import.meta.url);
const types = { '.js': 'text/javascript', '.html': 'text/html' };

let gateway;
let server;
let origin;

before(async () => {
  if (!existsSync(chromiumPath)) {
    return;
  }
  gateway = await startGateway();
  // Serves src/ and test/browser/ of the package, nothing else.
  server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (!/^\/(src|test\/browser)\/[\w.-]+$/.test(path)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(fileURLToPath(new URL(`.${path}`, packageRoot)));
      response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  await gateway?.stop();
});

test('the library works in Chromium with the browser WebSocket', { skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}` }, async () => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const query = new URLSearchParams({ gateway: gateway.wsUrl, password: gateway.adminPassword });
    await page.goto(`${origin}/test/browser/page.html?${query}`);
    await page.waitForFunction(() => window.topiaryResult !== undefined, null, { timeout: 30_000 });
    const outcome = await page.evaluate(() => window.topiaryResult);
    assert.deepEqual(pageErrors, []);
    assert.ok(outcome.ok, outcome.error);
    const { result } = outcome;
    assert.match(result.userAgent, /Chrome/);
    assert.equal(result.hasNativeWebSocket, true);
    // Per topic, in order; there is no order across topics.
    const byTopic = {};
    for (const event of result.seen) {
      const path = event.split(' ')[1];
      (byTopic[path] ??= []).push(event.replace(` ${path}`, ''));
    }
    assert.deepEqual(byTopic, {
      'browser/json': ['subscribed JSON', 'value string:{"a": 1.10} initial=true', 'unsubscribed REMOVED'],
      'browser/string': ['subscribed STRING', 'value string:héllo ☃ initial=false', 'unsubscribed REMOVED'],
      'browser/int64': ['subscribed INT64', 'value bigint:-9223372036854775808 initial=false', 'unsubscribed REMOVED'],
      'browser/double': ['subscribed DOUBLE', 'value number:-Infinity initial=false', 'unsubscribed REMOVED'],
      'browser/binary': ['subscribed BINARY', 'value bytes[0,255,7] initial=false', 'unsubscribed REMOVED'],
    });
    assert.deepEqual(result.fetched, [
      'browser/binary bytes[0,255,7]',
      'browser/double number:-Infinity',
      'browser/int64 bigint:-9223372036854775808',
      'browser/json string:{"a": 1.10}',
      'browser/string string:héllo ☃',
    ]);
    assert.equal(result.refused, 'NOT_FOUND 2000');
    assert.equal(result.closed, 'CLOSED_BY_CLIENT CLIENT_REQUESTED');
  } finally {
    await browser.close();
  }
});
