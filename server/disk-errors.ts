/** What a file system error code means, in words a person running the server understands. */
const REASONS: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than this process may write',
  EIO: 'the disk reported an input/output error',
};

/** Codes that mean "this disk takes no more writes now", as opposed to a bug or a bad path. */
const UNWRITABLE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EFBIG', 'EIO']);

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? '';
}

/** `the disk is full (ENOSPC)`; the error's own message for codes without words. */
export function diskReason(error: unknown): string {
  const code = errorCode(error);
  const words =
    REASONS[code] ?? (error instanceof Error ? error.message : String(error)).slice(0, 200);
  return code ? `${words} (${code})` : words;
}

/** True when a write failed because the disk or its permissions refuse it, not for a bug. */
export function isUnwritable(error: unknown): boolean {
  return UNWRITABLE.has(errorCode(error));
}
