import { existsSync, mkdtempSync, rmSync, watch } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEMO_API_MAIN,
  freePort,
  startServerProcess,
  type ServerProcess,
} from '../security/testing/server-process';

const COUNT = 8_000;
const TOKEN = 'seed-crash-token-2b7e';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'callscope-seed-crash-'));
const database = path.join(dataDir, 'demo.sqlite');
const running: ServerProcess[] = [];

afterAll(async () => {
  for (const server of running) await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startDemoApi(port: number): Promise<ServerProcess> {
  const server = startServerProcess(DEMO_API_MAIN, {
    DATA_DIR: dataDir,
    DEMO_API_PORT: String(port),
    DEMO_API_TOKEN: TOKEN,
    DEMO_CONVERSATIONS: String(COUNT),
    LOG_LEVEL: 'info',
  });
  running.push(server);
  return server;
}

/** Resolves once a file named `name` appears in the data directory. */
function fileAppears(name: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dataDir, () => {
      if (existsSync(path.join(dataDir, name))) {
        watcher.close();
        resolve();
      }
    });
    if (existsSync(path.join(dataDir, name))) {
      watcher.close();
      resolve();
    }
  });
}

async function list(port: number, query: string) {
  const response = await fetch(`http://127.0.0.1:${port}/v1/conversations?${query}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return {
    status: response.status,
    total: Number(response.headers.get('x-total-count')),
    items: (await response.json()) as { id: string; duration?: number }[],
  };
}

describe('a kill during the first start’s seeding', () => {
  it('leaves nothing half-made: three kills, then a restart seeds every row', async () => {
    const port = await freePort();
    const kills: [string, (server: ServerProcess) => Promise<unknown>][] = [
      ['early, before the first batch commits', () => fileAppears('demo.sqlite.seeding')],
      ['mid-batch', (server) => server.waitForLine(/Seeding the demo database: 4,000 \//)],
      ['during the index rebuild', (server) => server.waitForLine(/building indexes/)],
    ];
    for (const [point, reached] of kills) {
      const server = await startDemoApi(port);
      await reached(server);
      await server.kill();
      expect(await server.exited, point).toBe('SIGKILL');
      // Invisible: no database a later start would take for a finished one.
      expect(existsSync(database), point).toBe(false);
    }

    const server = await startDemoApi(port);
    await server.waitForLine(/Demo Trata API on/);
    const newest = await list(port, 'limit=5');
    expect(newest.status).toBe(200);
    expect(newest.total).toBe(COUNT);
    expect(newest.items).toHaveLength(5);
    const longest = await list(port, 'sort_by=duration&sort_order=desc&limit=3');
    expect(longest.status).toBe(200);
    const durations = longest.items.map((item) => item.duration ?? 0);
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
    const search = await list(port, 'search_by=transcript&search_value=hello&limit=1');
    expect(search.status).toBe(200);
    expect(search.total).toBeGreaterThan(0);
    expect(existsSync(`${database}.seeding`)).toBe(false);
  }, 300_000);
});
