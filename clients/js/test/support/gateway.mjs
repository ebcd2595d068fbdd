// Test support: starts the already-built standalone gateway as a child process on a free
// port with a fresh data directory, for tests against a real server.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const gatewayDll = join(repo, 'Gateway', 'bin', 'Release', 'net10.0', 'Topiary.Gateway.dll');
const startTimeoutMs = 30_000;

/**
 * Starts a gateway (`dotnet Gateway/bin/Release/net10.0/Topiary.Gateway.dll`; build it first).
 * @param {{ adminPassword?: string }} [options]
 * @returns {Promise<{ url: string, wsUrl: string, adminPassword: string, stop: () => Promise<void> }>}
 */
export async function startGateway(options = {}) {
  const adminPassword = options.adminPassword ?? 'test-admin-password';
  const dataDirectory = await mkdtemp(join(tmpdir(), 'topiary-js-test-'));
  const child = spawn('dotnet', [gatewayDll], {
    env: {
      ...process.env,
      Urls: 'http://127.0.0.1:0',
      Topiary__Storage__DataDirectory: dataDirectory,
      Topiary__Security__AdminPassword: adminPassword,
      Logging__LogLevel__Default: 'Information',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDirectory, { recursive: true, force: true });
  };

  let output = '';
  try {
    const port = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the gateway did not start listening within ${startTimeoutMs / 1000} s; its output:\n${output}`)),
        startTimeoutMs);
      const onData = (chunk) => {
        output += chunk.toString();
        const match = /Now listening on: http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`could not start 'dotnet ${gatewayDll}': ${error.message}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the gateway exited (code ${code}, signal ${signal}) before listening; its output:\n${output}`));
      });
    });
    // Keep draining the pipes so a chatty gateway never blocks on a full pipe.
    child.stdout.resume();
    child.stderr.resume();
    return {
      url: `http://127.0.0.1:${port}`,
      wsUrl: `ws://127.0.0.1:${port}/topiary`,
      adminPassword,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
