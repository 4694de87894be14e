import path from 'node:path';

/**
 * Connections of this process to one SQLite file take turns at its write lock. The call index
 * holds it across awaits (a sync's group of pages stays open while the next page is fetched);
 * a write on another connection (a reviewer's comment) would wait for it in SQLite's busy
 * handler, which sleeps on the event loop the holder needs to let go: a five-second freeze,
 * then "database is locked". So a connection about to write asks the holders first, and each
 * commits what it holds (whole writes only: nothing is ever held mid-write on one thread).
 */
const holders = new Map<string, Set<() => void>>();

const keyOf = (file: string) => path.resolve(file);

/** Registers a connection that may hold `file`'s write lock across awaits; returns the undo. */
export function holdsWrites(file: string, letGo: () => void): () => void {
  const key = keyOf(file);
  let set = holders.get(key);
  if (!set) holders.set(key, (set = new Set()));
  set.add(letGo);
  return () => {
    set.delete(letGo);
    if (set.size === 0) holders.delete(key);
  };
}

/** `write`, after any connection holding `file`'s write lock across awaits has let go of it. */
export function takingWriteTurn<A extends unknown[], R>(
  file: string,
  write: (...args: A) => R,
): (...args: A) => R {
  const key = keyOf(file);
  return (...args) => {
    for (const letGo of holders.get(key) ?? []) letGo();
    return write(...args);
  };
}

/** Wraps a write so it runs in its turn (see `takingWriteTurn`). */
export type WriteTurn = <A extends unknown[], R>(write: (...args: A) => R) => (...args: A) => R;

/** For a connection no other one in the process holds a lock against (`:memory:`, tests). */
export const alwaysOurTurn: WriteTurn = (write) => write;

export const writeTurnOn =
  (file: string): WriteTurn =>
  (write) =>
    takingWriteTurn(file, write);
