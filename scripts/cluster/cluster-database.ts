import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of one cluster's own on a PostgreSQL server, dropped when the cluster stops. */
export interface ClusterDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * Makes a fresh database beside the one `serverUrl` names, so clusters started by different
 * tests (or a test beside the store suites) never read each other's tables.
 */
export async function createClusterDatabase(serverUrl: string): Promise<ClusterDatabase> {
  const name = `cluster_${randomBytes(5).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      // WITH (FORCE): a replica killed mid-query may leave a backend behind for a moment.
      await withClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ).catch(() => undefined);
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
