import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ByteRange } from '../http/byte-range';
import { GrowingBytes } from './growing-bytes';

export interface CachedFile {
  path: string;
  size: number;
  etag: string;
}

/** A cached file, or one still being made, read whole or by range. */
export interface CachedBytes {
  size: number;
  etag: string;
  stream(range: ByteRange | null): Readable;
}

/** Makes a file's bytes; may hand them over in order as it goes (`write`), then returns them all. */
export type MakeBytes = (write: (chunk: Uint8Array) => void) => Promise<Uint8Array>;

interface Building {
  bytes: GrowingBytes;
  /** Known in advance for files that can be read while they are made. */
  size: number | undefined;
  etag: string | undefined;
  done: Promise<CachedFile>;
}

const TEMPORARY = /\.tmp$/;
/** A temporary file this old was left by a process that died mid-write. */
const ABANDONED_MS = 60 * 60_000;

/**
 * Files made once, on first request, and kept under a directory (`DATA_DIR/recordings`,
 * `DATA_DIR/peaks`). Concurrent first requests for one key share one build. A file is written
 * under a temporary name and renamed into place, so a crash never leaves a truncated file
 * where a reader would take it for a whole one. A file whose size is known in advance can be
 * read while it is being made ({@link open}), with the tag it will keep once it is on disk.
 */
export function createFileCache(dir: string, extension: string) {
  mkdirSync(dir, { recursive: true });
  removeAbandoned(dir);
  const inFlight = new Map<string, Building>();

  const fileFor = (key: string) => {
    const safe = /^[\w.-]{1,120}$/.test(key) ? key : createHash('sha256').update(key).digest('hex');
    return path.join(dir, `${safe}${extension}`);
  };

  function build(key: string, make: MakeBytes, size: number | undefined): Building {
    const startedMs = Date.now();
    const bytes = new GrowingBytes();
    const done = (async () => {
      const file = fileFor(key);
      const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        const whole = await make((chunk) => bytes.append(chunk));
        if (bytes.length === 0) bytes.append(whole);
        if (whole.length !== bytes.length || (size !== undefined && whole.length !== size))
          throw new Error(
            `made ${whole.length} bytes for ${key}, expected ${size ?? bytes.length}`,
          );
        await writeFile(temporary, whole);
        // The modification time is the tag's second half: the one readers got while it was made.
        await utimes(temporary, new Date(startedMs), new Date(startedMs));
        await rename(temporary, file);
        bytes.end();
      } catch (error) {
        bytes.fail(error instanceof Error ? error : new Error(String(error)));
        await unlink(temporary).catch(() => undefined);
        throw error;
      } finally {
        inFlight.delete(key);
      }
      const made = await describe(file);
      if (!made) throw new Error(`${file} vanished after it was written`);
      return made;
    })();
    // Readers of the growing bytes hear of a failure; an unobserved rejection must not crash.
    done.catch(() => undefined);
    const etag = size === undefined ? undefined : etagOf(size, startedMs);
    const building = { bytes, size, etag, done };
    inFlight.set(key, building);
    return building;
  }

  async function find(key: string, make: MakeBytes, size?: number): Promise<Building | CachedFile> {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const existing = await describe(fileFor(key));
    // Checked again: another request may have started the build while this one looked.
    return existing ?? inFlight.get(key) ?? build(key, make, size);
  }

  return {
    /** The cached file, made by `make` if it is not there yet; waits until it is whole. */
    async get(key: string, make: MakeBytes, size?: number): Promise<CachedFile> {
      const found = await find(key, make, size);
      return 'done' in found ? found.done : found;
    },
    /**
     * The cached file, or the file being made when its size is known (`size`), readable at once:
     * a range not made yet is sent as soon as it is.
     */
    async open(key: string, make: MakeBytes, size: number): Promise<CachedBytes> {
      const found = await find(key, make, size);
      if (!('done' in found)) return fromDisk(found);
      if (found.size === undefined || found.etag === undefined) return fromDisk(await found.done);
      const { bytes, etag } = found;
      return {
        size: found.size,
        etag,
        stream: (range) =>
          Readable.from(bytes.read(range?.start ?? 0, range?.end ?? size - 1), {
            objectMode: false,
          }),
      };
    },
    /** The cached file, or null when it has not been made yet. */
    peek: (key: string) => describe(fileFor(key)),
  };
}

export type FileCache = ReturnType<typeof createFileCache>;

function fromDisk(file: CachedFile): CachedBytes {
  return {
    size: file.size,
    etag: file.etag,
    stream: (range) => createReadStream(file.path, range ?? {}),
  };
}

/** Size and modification time change whenever the file is made again. */
function etagOf(size: number, modifiedMs: number): string {
  return `"${size.toString(16)}-${Math.round(modifiedMs).toString(16)}"`;
}

async function describe(file: string): Promise<CachedFile | null> {
  try {
    const info = await stat(file);
    return { path: file, size: info.size, etag: etagOf(info.size, info.mtimeMs) };
  } catch {
    return null;
  }
}

function removeAbandoned(dir: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (!TEMPORARY.test(name)) continue;
    const file = path.join(dir, name);
    try {
      if (now - statSync(file).mtimeMs > ABANDONED_MS) unlinkSync(file);
    } catch {
      // Another process finished or removed it first.
    }
  }
}
