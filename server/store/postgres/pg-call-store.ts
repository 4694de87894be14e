import type pg from 'pg';
import type { CallStore } from '../types';

/** The call index on PostgreSQL: the same interface as SQLite's, over a shared pool. */
export async function createPgCallStore(_pool: pg.Pool): Promise<CallStore> {
  throw new Error('the PostgreSQL call index is not written yet');
}
