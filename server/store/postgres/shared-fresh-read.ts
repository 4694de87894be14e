import type pg from 'pg';
import { freshRead } from './fresh-read';

interface PoolReads {
  scalars: string[];
  read: () => Promise<unknown[]>;
}

const byPool = new WeakMap<pg.Pool, PoolReads>();

/**
 * A fresh value of a one-value statement (`SELECT version FROM calls_version`), read together
 * with every other one registered on the same pool: a list request needs both the index's data
 * version and the review epoch, and each fresh read is a round trip that costs the replica and
 * the database more than answering from memory does. One statement reads them all, shared as
 * `freshRead` shares it, so each caller still gets values read after it asked.
 */
export function sharedFreshRead(pool: pg.Pool, scalar: string): () => Promise<unknown> {
  let reads = byPool.get(pool);
  if (!reads) {
    const scalars: string[] = [];
    const read = freshRead(async () => {
      const columns = scalars.map((sql, i) => `(${sql}) AS v${i}`).join(', ');
      const { rows } = await pool.query<unknown[]>({ text: `SELECT ${columns}`, rowMode: 'array' });
      return rows[0]!;
    });
    reads = { scalars, read };
    byPool.set(pool, reads);
  }
  const index = reads.scalars.push(scalar) - 1;
  const { read } = reads;
  return async () => (await read())[index];
}
