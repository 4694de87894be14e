import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CacheWriteFailed, createFileCache } from './recording-cache';

const dirs: string[] = [];
async function collect(stream: Readable): Promise<number[]> {
  const bytes: number[] = [];
  for await (const chunk of stream) bytes.push(...(chunk as Uint8Array));
  return bytes;
}

function freshDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-cache-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createFileCache', () => {
  it('makes a file once, however many ask for it at the same time', async () => {
    const dir = freshDir();
    const cache = createFileCache(dir, '.mp3');
    let makes = 0;
    const make = async () => {
      makes++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return new Uint8Array([1, 2, 3]);
    };
    const files = await Promise.all([
      cache.get('a', make),
      cache.get('a', make),
      cache.get('a', make),
    ]);
    expect(makes).toBe(1);
    expect(new Set(files.map((file) => file.path)).size).toBe(1);
    expect(files[0]).toMatchObject({ path: path.join(dir, 'a.mp3'), size: 3 });
    expect(files[0]!.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(await cache.get('a', make)).toEqual(files[0]);
    expect(makes).toBe(1);
    // A second cache over the same directory (a restart) finds the file.
    expect(await createFileCache(dir, '.mp3').peek('a')).toEqual(files[0]);
  });

  it('leaves nothing behind when making fails, and tries again next time', async () => {
    const dir = freshDir();
    const cache = createFileCache(dir, '.mp3');
    await expect(cache.get('b', () => Promise.reject(new Error('eSpeak broke')))).rejects.toThrow(
      'eSpeak broke',
    );
    expect(readdirSync(dir)).toEqual([]);
    expect(await cache.peek('b')).toBeNull();
    const file = await cache.get('b', async () => new Uint8Array([9]));
    expect(readFileSync(file.path)).toEqual(Buffer.from([9]));
  });

  it('lets a file of known size be read while it is made, under the tag it keeps', async () => {
    const dir = freshDir();
    const cache = createFileCache(dir, '.mp3');
    let finish = () => {};
    const rest = new Promise<void>((resolve) => (finish = resolve));
    let makes = 0;
    const make = async (write: (chunk: Uint8Array) => void) => {
      makes++;
      write(new Uint8Array([1, 2, 3]));
      await rest;
      write(new Uint8Array([4, 5]));
      return new Uint8Array([1, 2, 3, 4, 5]);
    };
    const growing = await cache.open('e', make, 5);
    expect(growing.size).toBe(5);
    expect(await collect(growing.stream({ start: 1, end: 2 }))).toEqual([2, 3]);
    const whole = collect(growing.stream(null));
    const again = await cache.open('e', make, 5);
    expect(again.etag).toBe(growing.etag);
    finish();
    expect(await whole).toEqual([1, 2, 3, 4, 5]);
    const file = await cache.get('e', make);
    expect(makes).toBe(1);
    expect(file.etag).toBe(growing.etag);
    expect(await collect((await cache.open('e', make, 5)).stream({ start: 3, end: 4 }))).toEqual([
      4, 5,
    ]);
  });

  it('fails readers and keeps nothing when a file does not come out the size promised', async () => {
    const dir = freshDir();
    const cache = createFileCache(dir, '.mp3');
    const growing = await cache.open('f', async () => new Uint8Array(3), 4);
    await expect(collect(growing.stream(null))).rejects.toThrow(/expected 4/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names a key that is not a safe file name by its hash', async () => {
    const dir = freshDir();
    const cache = createFileCache(dir, '.json');
    const file = await cache.get(
      'https://storage.example/a/../b.mp3',
      async () => new Uint8Array(1),
    );
    expect(path.dirname(file.path)).toBe(dir);
    expect(path.basename(file.path)).toMatch(/^[0-9a-f]{64}\.json$/);
  });

  it('removes temporary files abandoned by a crash, but not one being written now', () => {
    const dir = freshDir();
    const old = path.join(dir, 'c.mp3.123.abcd.tmp');
    const fresh = path.join(dir, 'd.mp3.456.ef01.tmp');
    writeFileSync(old, 'half a file');
    writeFileSync(fresh, 'being written');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    createFileCache(dir, '.mp3');
    expect(readdirSync(dir)).toEqual(['d.mp3.456.ef01.tmp']);
  });

  it('serves a file the disk refuses, remembers the refusal briefly, then tries the disk again', async () => {
    const dir = freshDir();
    const warnings: string[] = [];
    const cache = createFileCache(dir, '.mp3', {
      log: { warn: (message) => warnings.push(message) },
      retryAfterMs: 50,
    });
    // The folder vanishes under the cache: every write into it fails.
    rmSync(dir, { recursive: true });
    let makes = 0;
    const make = async (write: (chunk: Uint8Array) => void) => {
      makes++;
      write(new Uint8Array([1, 2]));
      write(new Uint8Array([3]));
    };
    const growing = await cache.open('g', make, 3);
    expect(await collect(growing.stream(null))).toEqual([1, 2, 3]);
    await expect(cache.get('g', make)).rejects.toBeInstanceOf(CacheWriteFailed);
    expect(makes).toBe(1);
    expect(warnings.join('\n')).toMatch(/Could not keep .*g\.mp3/);

    mkdirSync(dir);
    await vi.waitFor(async () => expect((await cache.get('g', make)).size).toBe(3), {
      timeout: 5_000,
      interval: 20,
    });
    expect(makes).toBe(2);
    expect(readFileSync(path.join(dir, 'g.mp3'))).toEqual(Buffer.from([1, 2, 3]));
  });

  it('stops making a file nobody reads any more and the disk can’t keep', async () => {
    const dir = freshDir();
    const cache = createFileCache(dir, '.mp3', { log: { warn: () => {} } });
    rmSync(dir, { recursive: true });
    let aborted: () => void = () => {};
    const stopped = new Promise<void>((resolve) => (aborted = resolve));
    // Like a synthesis: a little more now and then, until told to stop.
    const make = async (write: (chunk: Uint8Array) => void, signal: AbortSignal) => {
      signal.addEventListener('abort', () => aborted());
      while (!signal.aborted) {
        write(new Uint8Array([1]));
        await new Promise((resolve) => setImmediate(resolve));
      }
      throw signal.reason;
    };
    const growing = await cache.open('h', make, 1_000_000);
    const reader = growing.stream(null);
    await new Promise((resolve) => reader.once('data', resolve));
    reader.destroy();
    await stopped;
  });
});
