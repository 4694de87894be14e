import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface SmallDisk {
  /** False where this machine won't let a test mount a tmpfs (not root, a locked container). */
  mounted: boolean;
  path: string;
  /** Writes a filler file until the disk says ENOSPC. */
  fill(): void;
  /** Removes the filler: there is room again. */
  empty(): void;
  unmount(): void;
}

/** A tmpfs of `size` (e.g. `8m`) mounted under `parent`: a disk a test can fill to the last byte. */
export function mountSmallDisk(parent: string, size: string): SmallDisk {
  const mountPoint = path.join(parent, 'small-disk');
  mkdirSync(mountPoint, { recursive: true });
  const filler = path.join(mountPoint, 'filler');
  const mounted =
    process.platform === 'linux' &&
    spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mountPoint], {
      stdio: 'ignore',
      timeout: 5_000,
    }).status === 0;
  return {
    mounted,
    path: mountPoint,
    fill() {
      const handle = openSync(filler, 'a');
      const block = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) writeSync(handle, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(handle);
      }
    },
    empty: () => rmSync(filler, { force: true }),
    unmount() {
      if (mounted) spawnSync('umount', ['-l', mountPoint], { stdio: 'ignore', timeout: 5_000 });
    },
  };
}

/** The resident memory of a process, from /proc (Linux), in bytes. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}
