import { execFileSync } from 'node:child_process';

/**
 * Where the e2e run's own servers listen. Unless E2E_PORT is set, three free loopback ports are
 * chosen the first time this module loads (in the Playwright runner, through
 * playwright.config.ts) and put into the environment: the workers and the web server inherit it,
 * so every process of one run agrees on the ports, and two runs on one machine never collide.
 */
if (!process.env.E2E_PORT) {
  const [app, api, storage] = freeLoopbackPorts(3);
  process.env.E2E_PORT = String(app);
  process.env.E2E_API_PORT ??= String(api);
  process.env.E2E_STORAGE_PORT ??= String(storage);
}

export const E2E_PORT = Number(process.env.E2E_PORT);
export const E2E_API_PORT = Number(process.env.E2E_API_PORT ?? E2E_PORT + 1);
export const E2E_API_TOKEN = 'e2e-demo-token';
export const E2E_API_ORIGIN = `http://127.0.0.1:${E2E_API_PORT}`;
/**
 * A storage host that tests start themselves, to serve a damaged recording; the app server is
 * configured to trust its origin, as a user would configure their own storage.
 */
export const E2E_STORAGE_PORT = Number(process.env.E2E_STORAGE_PORT ?? E2E_PORT + 2);
export const E2E_STORAGE_ORIGIN = `http://127.0.0.1:${E2E_STORAGE_PORT}`;

/**
 * `count` distinct ports the OS hands out on loopback, all held open at once so they differ.
 * Synchronous (a short child process) because Playwright loads its config synchronously.
 */
function freeLoopbackPorts(count: number): number[] {
  const script = `
    const net = require('node:net');
    const servers = Array.from({ length: ${count} }, () => net.createServer());
    Promise.all(servers.map((server) => new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server.address().port));
    }))).then((ports) => {
      process.stdout.write(ports.join(','));
      for (const server of servers) server.close();
    });`;
  const output = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const ports = output.split(',').map(Number);
  if (ports.length !== count || ports.some((port) => !Number.isInteger(port) || port <= 0))
    throw new Error(`could not pick ${count} free ports: ${output}`);
  return ports;
}
