import type pg from 'pg';

/**
 * Runs `work` in one transaction on a connection of its own: committed when it resolves, rolled
 * back when it throws. A connection that cannot even roll back is broken (the server went away)
 * and is discarded instead of going back to the pool.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: Error) => {
      broken = rollback;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Serializes the transaction with every other one on the same call, in any replica, until it
 * ends. The two-key form keeps these locks apart from single-key ones (migrations).
 */
export async function lockCall(client: pg.PoolClient, callId: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext('callscope:reviews'), hashtext($1))", [
    callId,
  ]);
}
