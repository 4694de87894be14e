import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface CachedFile {
  path: string;
  size: number;
  etag: string;
}

/**
 * Files made once on first request and kept under a directory. Concurrent first requests for one
 * key share one build; a file is written under a temporary name and renamed, so a crash never
 * leaves a truncated file behind.
 */
export function createFileCache(dir: string, extension: string) {
  mkdirSync(dir, { recursive: true });
  const inFlight = new Map<string, Promise<CachedFile>>();

  const fileFor = (key: string) => {
    const safe = /^[\w.-]{1,120}$/.test(key) ? key : createHash('sha256').update(key).digest('hex');
    return path.join(dir, `${safe}${extension}`);
  };

  async function describe(file: string): Promise<CachedFile | null> {
    try {
      const info = await stat(file);
      return {
        path: file,
        size: info.size,
        etag: `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
      };
    } catch {
      return null;
    }
  }

  async function build(key: string, make: () => Promise<Uint8Array>): Promise<CachedFile> {
    const file = fileFor(key);
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, await make());
      await rename(temporary, file);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return (await describe(file))!;
  }

  return {
    /** The cached file, made by `make` if it is not there yet. */
    async get(key: string, make: () => Promise<Uint8Array>): Promise<CachedFile> {
      const existing = await describe(fileFor(key));
      if (existing) return existing;
      let job = inFlight.get(key);
      if (!job) {
        job = build(key, make).finally(() => inFlight.delete(key));
        inFlight.set(key, job);
      }
      return job;
    },
    peek: (key: string) => describe(fileFor(key)),
  };
}

export type FileCache = ReturnType<typeof createFileCache>;
