import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config';

const REASONS: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

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
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code] ?? (error instanceof Error ? error.message : String(error));
    throw new ConfigError(
      `DATA_DIR ${dir} is not writable: ${reason}${code ? ` (${code})` : ''}. Point DATA_DIR at a folder this server may write to.`,
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
