import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import pg from 'pg';
import type { Cluster, Replica } from './start-cluster';

/**
 * The replica that holds the sync lease, read from PostgreSQL itself rather than from what the
 * replicas say: the lease is a session-level advisory lock, so the holder is the replica whose
 * connection holds an advisory lock in the cluster's database. The connection's client port is
 * matched to a replica process through /proc (Linux), as `ss -p` would.
 * Null when no replica, or more than one, holds one right now.
 */
export async function findSyncLeaseHolder(cluster: Cluster): Promise<Replica | null> {
  if (!cluster.databaseUrl) throw new Error('A cluster on SQLite has no shared lease.');
  const client = new pg.Client({ connectionString: cluster.databaseUrl });
  await client.connect();
  let ports: number[];
  try {
    const { rows } = await client.query<{ client_port: number }>(
      `SELECT DISTINCT a.client_port
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND a.client_port IS NOT NULL`,
    );
    ports = rows.map((row) => row.client_port);
  } finally {
    await client.end();
  }
  const inodes = new Set(ports.flatMap(socketInodesOnLocalPort));
  const holders = cluster.replicas.filter((replica) => {
    const pid = replica.process()?.pid;
    return pid !== undefined && socketInodesOf(pid).some((inode) => inodes.has(inode));
  });
  return holders.length === 1 ? holders[0]! : null;
}

/** Polls until exactly one replica holds the lease. */
export async function waitForSyncLeaseHolder(cluster: Cluster, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const holder = await findSyncLeaseHolder(cluster);
    if (holder) return holder;
    // Polling until a replica has taken the lease.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No single replica held the sync lease within ${timeoutMs} ms.`);
}

function socketInodesOnLocalPort(port: number): string[] {
  const inodes: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (local && parseInt(local.split(':').at(-1) ?? '', 16) === port && fields[9]) {
        inodes.push(fields[9]);
      }
    }
  }
  return inodes;
}

function socketInodesOf(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        return match ? [match[1]!] : [];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}
