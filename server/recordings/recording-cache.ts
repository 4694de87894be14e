import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { rename, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { diskReason } from '../disk-errors';
import type { ByteRange } from '../http/byte-range';
import { damageOf, factsFileOf, readFacts, writeFacts, type FileFacts } from './cache-integrity';
import { Spool } from './spool';

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

/**
 * Makes a file's bytes, handing them over in order as it goes (`write`), or returning them all
 * at the end. `signal` aborts when nobody waits for the file any more and it can't be kept.
 */
export type MakeBytes = (
  write: (chunk: Uint8Array) => void,
  signal: AbortSignal,
) => Promise<Uint8Array | void>;

export interface CacheLog {
  warn(message: string): void;
}

export interface FileCacheOptions {
  log?: CacheLog;
  /**
   * After the disk refused a file, requests for it get a {@link CacheWriteFailed} this long
   * instead of making it again at once: a full disk must not turn every request into a new
   * synthesis. The next request after that tries the disk again, so the cache recovers by itself.
   */
  retryAfterMs?: number;
}

/** The file was made but the disk would not keep it (full, read-only, not allowed). */
export class CacheWriteFailed extends Error {
  constructor(
    readonly reason: string,
    /** What was made, when it is small enough to hand over anyway. */
    readonly bytes?: Uint8Array,
  ) {
    super(`The server can't keep files now: ${reason}.`);
  }
}

interface Building {
  spool: Spool;
  /** Known in advance for files that can be read while they are made. */
  size: number | undefined;
  etag: string | undefined;
  done: Promise<CachedFile>;
  /** Callers of `get` waiting for the whole file. */
  waiting: number;
}

const TEMPORARY = /\.tmp$/;
/** A temporary file this old was left by a process that died mid-write. */
const ABANDONED_MS = 60 * 60_000;
/** A made file this small comes with the failure to keep it, so its caller can still answer. */
const HANDED_OVER_MAX_BYTES = 1024 * 1024;
const CONSOLE_LOG: CacheLog = { warn: (message) => console.warn(message) };

/**
 * Files made once, on first request, and kept under a directory (`DATA_DIR/recordings`,
 * `DATA_DIR/peaks`). Concurrent first requests for one key share one build. A file is written
 * as it is made, under a temporary name, and renamed into place with its size and SHA-256
 * beside it (`.sum`), so neither a crash nor a damaged disk leaves a file a reader would take
 * for whole: the size is checked on every use, the checksum on the first use after a start, and
 * a file that fails is made again (and the reason logged). A file whose size is known in advance
 * can be read while it is being made ({@link open}), with the tag it will keep once it is on disk.
 */
export function createFileCache(dir: string, extension: string, options: FileCacheOptions = {}) {
  const log = options.log ?? CONSOLE_LOG;
  const retryAfterMs = options.retryAfterMs ?? 10_000;
  mkdirSync(dir, { recursive: true });
  removeAbandoned(dir);
  const inFlight = new Map<string, Building>();
  const failures = new Map<string, { reason: string; until: number }>();
  const facts = new Map<string, FileFacts>();
  /** Files whose checksum was checked since this start. */
  const verified = new Set<string>();
  const checking = new Map<string, Promise<CachedFile | null>>();

  const fileFor = (key: string) => {
    const safe = /^[\w.-]{1,120}$/.test(key) ? key : createHash('sha256').update(key).digest('hex');
    return path.join(dir, `${safe}${extension}`);
  };

  function build(key: string, make: MakeBytes, size: number | undefined): Building {
    const startedMs = Date.now();
    const file = fileFor(key);
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const controller = new AbortController();
    let making = true;
    const abandon = () => {
      // Nobody reads it and the disk can't keep it: the rest of the work would be thrown away.
      if (!making || !spool.diskError || building.waiting > 0 || spool.readerCount > 0) return;
      if (controller.signal.aborted) return;
      log.warn(
        `Stopped making ${file}: no client is waiting for it and it can't be kept (${diskReason(spool.diskError)}).`,
      );
      controller.abort(new Error(`nobody waits for ${file}`));
    };
    let everRead = false;
    const spool: Spool = new Spool(temporary, {
      onDiskError: (error) => {
        log.warn(`Could not keep ${file}: ${diskReason(error)}. It is served without being kept.`);
        if (everRead) abandon();
      },
      onReadersGone: () => {
        everRead = true;
        abandon();
      },
    });
    const done = (async () => {
      try {
        const whole = await make((chunk) => spool.append(chunk), controller.signal).finally(
          () => (making = false),
        );
        if (spool.length === 0 && whole) spool.append(whole);
        if (
          (whole && whole.length !== spool.length) ||
          (size !== undefined && spool.length !== size)
        )
          throw new Error(
            `made ${spool.length} bytes for ${key}, expected ${size ?? spool.length}`,
          );
        const { onDisk, sha256 } = await spool.end();
        if (!onDisk) throw await unkept(spool.diskError);
        const made = { size: spool.length, sha256 };
        try {
          // The modification time is the tag's second half: the one readers got while it was made.
          await utimes(temporary, new Date(startedMs), new Date(startedMs));
          await writeFacts(file, made, `${temporary}.sum.tmp`);
          await rename(temporary, file);
        } catch (error) {
          log.warn(`Could not keep ${file}: ${diskReason(error)}.`);
          throw await unkept(error);
        }
        facts.set(file, made);
        verified.add(file);
        spool.release(file);
        failures.delete(key);
        return { path: file, size: made.size, etag: etagOf(made.size, startedMs) };
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        if (controller.signal.aborted)
          log.warn(
            `Making ${file} stopped after ${spool.length} bytes${size ? ` of ${size}` : ''}.`,
          );
        // The file is opened in the background: removed before it exists, it would appear after.
        // Readers hear of the failure only once it is gone, so none finds it left behind.
        await spool.settled();
        await unlink(temporary).catch(() => undefined);
        if (!(failure instanceof CacheWriteFailed)) spool.fail(failure);
        spool.release(null);
        throw failure;
      } finally {
        inFlight.delete(key);
      }
    })();
    async function unkept(error: unknown): Promise<CacheWriteFailed> {
      const reason = diskReason(error);
      failures.set(key, { reason, until: Date.now() + retryAfterMs });
      if (spool.length > HANDED_OVER_MAX_BYTES || spool.length === 0)
        return new CacheWriteFailed(reason);
      const chunks: Uint8Array[] = [];
      for await (const chunk of spool.read(0, spool.length - 1)) chunks.push(chunk);
      return new CacheWriteFailed(reason, Buffer.concat(chunks));
    }
    // Readers of the spool hear of a failure; an unobserved rejection must not crash.
    done.catch(() => undefined);
    const etag = size === undefined ? undefined : etagOf(size, startedMs);
    const building: Building = { spool, size, etag, done, waiting: 0 };
    inFlight.set(key, building);
    return building;
  }

  /** The kept file if it is whole: its size checked always, its checksum once per start. */
  function trusted(key: string, expectedSize?: number): Promise<CachedFile | null> {
    const file = fileFor(key);
    const running = checking.get(file);
    if (running) return running;
    const check = (async () => {
      let info;
      try {
        info = await stat(file);
      } catch {
        return null;
      }
      const recorded = facts.get(file) ?? (await readFacts(file));
      const damage = await damageOf(file, info.size, recorded, {
        expectedSize,
        checkSum: !verified.has(file),
      });
      if (damage) {
        log.warn(`${file} is damaged: ${damage}. It is made again.`);
        facts.delete(file);
        verified.delete(file);
        await unlink(file).catch(() => undefined);
        await unlink(factsFileOf(file)).catch(() => undefined);
        return null;
      }
      facts.set(file, recorded!);
      verified.add(file);
      return { path: file, size: info.size, etag: etagOf(info.size, info.mtimeMs) };
    })().finally(() => checking.delete(file));
    checking.set(file, check);
    return check;
  }

  async function find(key: string, make: MakeBytes, size?: number): Promise<Building | CachedFile> {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const existing = await trusted(key, size);
    // Checked again: another request may have started the build while this one looked.
    const started = existing ?? inFlight.get(key);
    if (started) return started;
    const failed = failures.get(key);
    if (failed && failed.until > Date.now()) throw new CacheWriteFailed(failed.reason);
    return build(key, make, size);
  }

  async function whole(building: Building): Promise<CachedFile> {
    building.waiting++;
    try {
      return await building.done;
    } finally {
      building.waiting--;
    }
  }

  return {
    /** The cached file, made by `make` if it is not there yet; waits until it is whole. */
    async get(key: string, make: MakeBytes, size?: number): Promise<CachedFile> {
      const found = await find(key, make, size);
      return 'done' in found ? whole(found) : found;
    },
    /**
     * The cached file, or the file being made when its size is known (`size`), readable at once:
     * a range not made yet is sent as soon as it is.
     */
    async open(key: string, make: MakeBytes, size: number): Promise<CachedBytes> {
      const found = await find(key, make, size);
      if (!('done' in found)) return fromDisk(found);
      if (found.size === undefined || found.etag === undefined) return fromDisk(await whole(found));
      const { spool, etag } = found;
      return {
        size: found.size,
        etag,
        stream: (range) =>
          Readable.from(spool.read(range?.start ?? 0, range?.end ?? size - 1), {
            objectMode: false,
          }),
      };
    },
    /** The cached file, or null when it has not been made yet (or was damaged). */
    peek: (key: string) => trusted(key),
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
