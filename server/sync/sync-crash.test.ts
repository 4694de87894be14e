import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../api/testing/demo-api-fixture';
import {
  dropTestCallStore,
  openTestCallStore,
  testCallStoreLocation,
} from '../store/testing/open-test-stores';
import {
  allOfApi,
  allOfIndex,
  differences,
  startDemoUpstream,
  type DemoUpstream,
} from './testing/demo-upstream';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing/sync-child.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'callscope-sync-crash-'));
const file = testCallStoreLocation(dir);
let demo: DemoUpstream | undefined;
afterAll(async () => {
  await demo?.close();
  await dropTestCallStore(file);
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the child until it prints a line `until` accepts; then kills it with SIGKILL if asked. */
function runChild(file: string, until: (line: string) => boolean, kill: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, demo!.url, TEST_TOKEN, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer = '';
    let found: string | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (found === undefined && until(line)) {
          found = line;
          if (kill) child.kill('SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (found !== undefined) resolve(found);
      else reject(new Error(`The sync child ended (${code ?? signal}) before the expected line.`));
    });
  });
}

describe('a sync killed during the backfill', () => {
  it('resumes from its checkpoint after SIGKILL and ends equal to the API', async () => {
    const sweepSkips: number[] = [];
    demo = await startDemoUpstream(400, (fixture) => {
      fixture.app.addHook('onRequest', async (request) => {
        const match = /sort_by=timestampStart&sort_order=desc&skip=(\d+)/.exec(request.url);
        if (match) sweepSkips.push(Number(match[1]));
      });
    });
    const seen = (line: string) => Number(/^seen (\d+)$/.exec(line)?.[1] ?? -1);
    await runChild(file, (line) => seen(line) >= 150, true);
    const before = await openTestCallStore({ at: file });
    const checkpoint = await before.readState<{ next: number } | null>('sweep');
    await before.close();
    // Killed halfway: the checkpoint is past the start and short of the end.
    expect(checkpoint?.next).toBeGreaterThanOrEqual(150);
    expect(checkpoint?.next).toBeLessThan(400);

    sweepSkips.length = 0;
    const done = await runChild(file, (line) => line.startsWith('done'), false);
    expect(done).toBe('done 400');
    // The restart read on from the checkpoint (less the overlap), not from the start.
    expect(sweepSkips[0]).toBe(checkpoint!.next - 2);

    const index = await openTestCallStore({ at: file });
    try {
      expect(differences(allOfApi(demo.fixture.store), await allOfIndex(index))).toEqual([]);
    } finally {
      await index.close();
    }
  });
});
