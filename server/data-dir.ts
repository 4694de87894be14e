import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config';
import { diskReason } from './disk-errors';

/**
 * Makes DATA_DIR and proves it takes a write, before anything is started: otherwise a read-only
 * or misplaced folder surfaces much later as a failed database open or a 502 on every write.
 */
export function ensureWritableDataDir(dir: string): void {
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    makeDir(dir);
    writeFileSync(probe, 'probe');
    rmSync(probe);
  } catch (error) {
    throw new ConfigError(
      `DATA_DIR ${dir} is not writable: ${diskReason(error)}. Point DATA_DIR at a folder this server may write to.`,
    );
  }
}

function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    // A recursive mkdir on a read-only file system says ENOENT; the plain one tells why.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dir);
  }
}
