import { diskReason, isUnwritable } from '../disk-errors';

/** SQLite's codes for a database the disk will not take a write for, in words. */
const SQLITE_REASONS: [RegExp, string][] = [
  [/^SQLITE_FULL/, 'the disk is full (SQLITE_FULL)'],
  [/^SQLITE_READONLY/, 'the database or its file system is read-only (SQLITE_READONLY)'],
  [/^SQLITE_CANTOPEN/, 'the database file cannot be opened for writing (SQLITE_CANTOPEN)'],
  [/^SQLITE_IOERR/, 'the disk reported an input/output error (SQLITE_IOERR)'],
];

/**
 * Why a write failed for lack of storage, in words, or null for any other failure. A full or
 * read-only disk is the operator's to fix, not a bug: it is a 507 that says so, never a 500.
 */
export function storageFailure(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  for (const [pattern, words] of SQLITE_REASONS) if (pattern.test(code)) return words;
  return isUnwritable(error) ? diskReason(error) : null;
}

export function insufficientStorage(reason: string): { detail: string } {
  return {
    detail: `The change was not saved: ${reason}. Free some space or fix DATA_DIR, then try again.`,
  };
}
