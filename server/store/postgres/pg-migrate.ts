import type pg from 'pg';

/**
 * Versioned migrations of one component (the call index, reviews, sessions…): step `i` is
 * version `i + 1`, and steps are only ever appended. Every replica runs them at start; an
 * advisory lock makes the others wait while one applies them, so each step runs exactly once.
 */
export async function runMigrations(
  pool: pg.Pool,
  component: string,
  steps: readonly string[],
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // A step may rewrite a large table; waiting for another replica's steps takes long too.
    await client.query('SET LOCAL statement_timeout = 0');
    // Held until COMMIT: replicas starting together apply the steps one after the other.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('callscope:migrations'))");
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      component text NOT NULL,
      version integer NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (component, version)
    )`);
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations WHERE component = $1',
      [component],
    );
    const applied = rows[0]?.version ?? 0;
    if (applied > steps.length) {
      throw new Error(
        `the database's ${component} schema is version ${applied}, newer than this server knows (${steps.length}): run the newer Callscope`,
      );
    }
    for (let version = applied + 1; version <= steps.length; version++) {
      await client.query(steps[version - 1]!);
      await client.query('INSERT INTO schema_migrations (component, version) VALUES ($1, $2)', [
        component,
        version,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
