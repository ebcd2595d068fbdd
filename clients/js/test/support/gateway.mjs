// Starts a real, already-built Topiary gateway (standalone mode) for one test file.
// Build it first with `dotnet build Grains.sln -c Release` at the repository root.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = fileURLToPath(new URL('../../../../', import.meta.url));
const gatewayDll = join(repository, 'Gateway', 'bin', 'Release', 'net10.0', 'Topiary.Gateway.dll');
const startTimeoutMs = 30_000;
const stopTimeoutMs = 15_000;

/**
 * Spawns `dotnet Topiary.Gateway.dll` on a free loopback port with a fresh data directory.
 * @param {{ adminPassword?: string, environment?: Record<string, string> }} options
 *   `environment` adds or overrides gateway settings (e.g. `Topiary__Limits__MaxMessageBytes`).
 * @returns {Promise<{ url: string, wsUrl: string, adminPassword: string, stop: () => Promise<void> }>}
 */
export async function startGateway(options = {}) {
  if (!existsSync(gatewayDll)) {
    throw new Error(`the gateway is not built: ${gatewayDll} is missing; run 'dotnet build Grains.sln -c Release' in ${repository}`);
  }
  const adminPassword = options.adminPassword ?? 'test-admin-password';
  const dataDirectory = await mkdtemp(join(tmpdir(), 'topiary-js-test-'));
  const child = spawn('dotnet', [gatewayDll], {
    cwd: dataDirectory,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      Urls: 'http://127.0.0.1:0',
      Topiary__Storage__DataDirectory: dataDirectory,
      Topiary__Security__AdminPassword: adminPassword,
      Logging__LogLevel__Default: 'Information',
      ...options.environment,
    },
  });
  let output = '';
  // A test process that ends without calling stop() (a crash, a timeout) takes its gateway along.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    process.off('exit', killOnExit);
    resolve({ code, signal });
  }));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDirectory, { recursive: true, force: true });
  };

  try {
    const port = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the gateway did not report 'Now listening on: http://127.0.0.1:PORT' within ${startTimeoutMs / 1000} s; its output:\n${output}`)),
        startTimeoutMs);
      const onData = (chunk) => {
        output += chunk;
        const match = /Now listening on: http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout.setEncoding('utf8').on('data', onData);
      child.stderr.setEncoding('utf8').on('data', onData);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`could not start 'dotnet ${gatewayDll}': ${error.message}`));
      });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`the gateway exited (code ${code}, signal ${signal}) before listening; its output:\n${output}`));
      });
    });
    const url = `http://127.0.0.1:${port}`;
    return { url, wsUrl: `ws://127.0.0.1:${port}/topiary`, adminPassword, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
