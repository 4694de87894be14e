import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Conversation } from '../contract';
import { createDemoApi } from '../server/api/create-demo-api';
import { createConversationStore, type ConversationStore } from '../server/db/conversation-store';
import { openDatabase } from '../server/db/open-database';

const CONNECTIONS = 10;
const SECONDS = 10;
const JSON_SERVER_PORT = 18_555;
/** json-server keeps its database as one JSON string; V8 caps a string near 512 MB. */
const TRANSCRIPT_LINES = 6;

export interface Throughput {
  count: number;
  ours: number;
  theirs: number;
}

async function requestsPerSecond(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return result.requests.average;
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} never answered`);
}

/**
 * The same `count` conversations (the first by start time, transcripts cut to a few lines so
 * json-server can load them) behind our demo API and behind json-server 0.17, asked for the same
 * page: status filter, sort by start time, 100 rows.
 */
export async function compareWithJsonServer(
  source: ConversationStore,
  dir: string,
  count: number,
  token: string,
): Promise<Throughput> {
  const items: Conversation[] = [];
  for (let skip = 0; skip < count; skip += 100) {
    for (const conversation of source.list({ sort_order: 'asc', skip, limit: 100 }).items) {
      const transcript = conversation.transcriptText?.slice(0, TRANSCRIPT_LINES);
      items.push({ ...conversation, transcriptText: transcript });
    }
  }
  const jsonFile = path.join(dir, `json-server-${count}.json`);
  writeFileSync(jsonFile, JSON.stringify({ conversations: items }));
  const dbFile = path.join(dir, `conversations-v2-${count}-trimmed.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  const db = openDatabase(dbFile);
  const store = createConversationStore(db);
  store.insertMany(items);

  const ours = createDemoApi({ store, token });
  await ours.listen({ port: 0, host: '127.0.0.1' });
  const oursOrigin = `http://127.0.0.1:${(ours.server.address() as AddressInfo).port}`;
  const bin = path.resolve('node_modules/json-server/lib/cli/bin.js');
  const args = [bin, '--port', String(JSON_SERVER_PORT), '--host', '127.0.0.1', '--quiet'];
  const child = spawn(process.execPath, [...args, jsonFile], { stdio: 'ignore' });
  const theirsOrigin = `http://127.0.0.1:${JSON_SERVER_PORT}`;
  try {
    await waitFor(`${theirsOrigin}/conversations?_limit=1`);
    const theirs = await requestsPerSecond(
      `${theirsOrigin}/conversations?status=active&_sort=timestampStart&_order=asc&_limit=100`,
    );
    const oursRate = await requestsPerSecond(
      `${oursOrigin}/v1/conversations?status=active&sort_by=timestampStart&limit=100`,
      { authorization: `Bearer ${token}` },
    );
    return { count, ours: oursRate, theirs };
  } finally {
    child.kill('SIGKILL');
    await ours.close();
    db.close();
    if (existsSync(jsonFile)) rmSync(jsonFile);
  }
}
