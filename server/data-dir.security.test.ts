import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from './config';
import { ensureWritableDataDir } from './data-dir';
import {
  APP_MAIN,
  DEMO_API_MAIN,
  freePort,
  startServerProcess,
  type ServerProcess,
} from './security/testing/server-process';

/**
 * A DATA_DIR that cannot take a write stops the server at start with the path and the reason,
 * instead of failing later in a database open or as 502s. Run as root, permissions would not
 * stop a write, so the path goes through a regular file: that fails for every user.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-data-dir-'));
const blocker = path.join(dir, 'a-file');
writeFileSync(blocker, 'not a folder');
const unwritable = path.join(blocker, 'data');
const running: ServerProcess[] = [];
/** A read-only file system, where this machine lets a test mount one (root, no container limits). */
const readOnlyMount = path.join(dir, 'read-only');
mkdirSync(readOnlyMount);
const mounted =
  process.platform === 'linux' &&
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', readOnlyMount], {
    stdio: 'ignore',
    timeout: 5_000,
  }).status === 0;

afterAll(async () => {
  for (const server of running) await server.stop();
  if (mounted) spawnSync('umount', [readOnlyMount], { stdio: 'ignore', timeout: 5_000 });
  rmSync(dir, { recursive: true, force: true });
});

async function startOn(script: string, dataDir: string): Promise<ServerProcess> {
  const server = startServerProcess(script, {
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    DEMO_API_PORT: String(await freePort()),
    DEMO_CONVERSATIONS: '1',
  });
  running.push(server);
  return server;
}

describe('a DATA_DIR that cannot be written', () => {
  it.each([
    { name: 'the app server', script: APP_MAIN },
    { name: 'the demo API alone', script: DEMO_API_MAIN },
  ])(
    'stops $name at start with the path and the reason',
    async ({ script }) => {
      const server = await startOn(script, unwritable);
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain(
        `DATA_DIR ${unwritable} is not writable: a part of the path is a file, not a folder (ENOTDIR)`,
      );
      expect(server.output()).not.toMatch(/\n\s+at /);
    },
    60_000,
  );

  it.runIf(mounted).each([
    { name: 'its root', dataDir: readOnlyMount },
    { name: 'a folder still to make', dataDir: path.join(readOnlyMount, 'data') },
  ])(
    'stops the app server on a read-only file system: $name',
    async ({ dataDir }) => {
      const server = await startOn(APP_MAIN, dataDir);
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain(
        `DATA_DIR ${dataDir} is not writable: the file system is read-only (EROFS)`,
      );
    },
    60_000,
  );

  it('is made when missing and left without the probe when writable', () => {
    const fresh = path.join(dir, 'new', 'data');
    ensureWritableDataDir(fresh);
    expect(readdirSync(fresh)).toEqual([]);
    expect(() => ensureWritableDataDir(unwritable)).toThrowError(ConfigError);
  });
});
