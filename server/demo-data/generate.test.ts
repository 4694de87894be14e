import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conversationSchema } from '../../contract';
import {
  DEMO_SEED,
  demoRecordingUrl,
  EMPTY_TRANSCRIPT_EXAMPLE_ID,
  generateConversations,
  LONG_CALL_EXAMPLE_ID,
  NO_RECORDING_EXAMPLE_ID,
  SEED_EXAMPLE_ID,
  XSS_EXAMPLE_ID,
} from './generate';
import { ms, SAMPLE_OPTIONS, sampleConversations } from './testing/sample';

const all = sampleConversations();
const generated = all.slice(1);
const now = SAMPLE_OPTIONS.now!.getTime();

describe('generateConversations', () => {
  it('gives the same conversations for the same options, and others for another seed', () => {
    expect(JSON.stringify(sampleConversations())).toBe(JSON.stringify(all));
    const other = [...generateConversations({ ...SAMPLE_OPTIONS, count: 50, seed: 100 })];
    expect(other.slice(5).map((c) => c.id)).not.toEqual(all.slice(5, 50).map((c) => c.id));
  });

  it('yields exactly the requested count, streaming', () => {
    expect(all).toHaveLength(2000);
    expect([...generateConversations({ ...SAMPLE_OPTIONS, count: 0 })]).toEqual([]);
    expect([...generateConversations({ ...SAMPLE_OPTIONS, count: 1 })].map((c) => c.id)).toEqual([
      SEED_EXAMPLE_ID,
    ]);
    const stream = generateConversations({ ...SAMPLE_OPTIONS, count: 10_000_000 });
    expect(stream.next().value?.id).toBe(SEED_EXAMPLE_ID);
    expect(stream.next().done).toBe(false);
  });

  it('yields only conversations the contract schema accepts, with unique ids', () => {
    for (const conversation of all) conversationSchema.parse(conversation);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  });

  it("uses Trata's id and timestamp forms", () => {
    const timestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/;
    const idOf = (prefix: string) => new RegExp(`^${prefix}\\.\\d{10}\\.[A-Za-z0-9]{8}$`);
    const bad: unknown[] = [];
    for (const c of generated) {
      if (!idOf('con').test(c.id) || !idOf('org').test(c.orgId!)) bad.push([c.id, c.orgId]);
      if (!idOf('pro').test(c.prospectId!) || !idOf('aia').test(c.aiAgentId!))
        bad.push([c.id, c.prospectId, c.aiAgentId]);
      for (const field of [c.timestampStart, c.timestampEnd, c.createdAt, c.updatedAt])
        if (!timestamp.test(field!)) bad.push([c.id, field]);
      for (const message of c.transcriptText ?? []) {
        if (!timestamp.test(message.timestamp!)) bad.push([c.id, message]);
        const ok =
          message.speaker === 'AI'
            ? idOf('dia').test(message.message_id!) &&
              Number(message.message_id!.split('.')[1]) === Math.floor(ms(message.timestamp) / 1000)
            : message.speaker === 'USER' && message.message_id === message.message;
        if (!ok) bad.push([c.id, message]);
      }
    }
    expect(bad).toEqual([]);
  });

  it('spreads calls over the 90 days before now, with createdAt and updatedAt after the call', () => {
    const starts = generated.map((c) => ms(c.timestampStart));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(now - 90 * 86_400_000);
    expect(Math.min(...starts)).toBeLessThan(now - 85 * 86_400_000);
    expect(Math.max(...starts)).toBeGreaterThan(now - 5 * 86_400_000);
    const bad = generated.filter((c) => {
      const created = ms(c.createdAt) - ms(c.timestampEnd);
      const updated = ms(c.updatedAt);
      return created < 2_000 || created > 30_001 || updated < ms(c.createdAt) || updated > now;
    });
    expect(bad).toEqual([]);
  });

  it('points every recording at the demo API', () => {
    for (const c of all.filter((c) => c.transcriptRecordingUrl))
      expect(c.transcriptRecordingUrl).toBe(`http://127.0.0.1:8081/recordings/${c.id}.mp3`);
    expect(demoRecordingUrl('http://h:1', 'con.1.A')).toBe('http://h:1/recordings/con.1.A.mp3');
  });

  it('exports a default seed', () => {
    const first = (seed?: number) =>
      [...generateConversations({ ...SAMPLE_OPTIONS, count: 3, seed })][2]!.id;
    expect(first(DEMO_SEED)).toBe(first(undefined));
  });
});

describe('the seed example', () => {
  const file = readFileSync(new URL('./seed-example.json', import.meta.url), 'utf8');
  const given = JSON.parse(file) as Record<string, unknown>;

  it('is stored exactly as the user gave it', () => {
    // SHA-256 of JSON.stringify of the conversation in shared/seed/trata-list-conversations.txt:
    // any change to a key, a value or their order changes it.
    expect(createHash('sha256').update(JSON.stringify(given)).digest('hex')).toBe(
      '17fa6af3b4ae6514f94d4a7364ddb3d11eae392e84a825d617e5cd2249b3df8c',
    );
  });

  it('comes first, as given, plus an id and a demo recording URL', () => {
    const seed = all[0]!;
    const { id, transcriptRecordingUrl, ...rest } = seed;
    const { transcriptRecordingUrl: original, ...givenRest } = given;
    expect(id).toBe(SEED_EXAMPLE_ID);
    expect(JSON.stringify(rest)).toBe(JSON.stringify(givenRest));
    expect(transcriptRecordingUrl).toBe(demoRecordingUrl('http://127.0.0.1:8081', SEED_EXAMPLE_ID));
    expect(seed.transcriptText).toHaveLength(27);
    expect(seed.timestampStart).toBe('2024-11-11T05:06:20.733912');
    expect(JSON.stringify(all)).not.toContain(String(original));
    expect(JSON.stringify(all)).not.toContain('storage.googleapis.com');
  });
});

describe('the special conversations', () => {
  it('sit at fixed positions whatever the seed or now', () => {
    const ids = (seed: number, at: string) =>
      [...generateConversations({ ...SAMPLE_OPTIONS, count: 5, seed, now: new Date(at) })].map(
        (c) => c.id,
      );
    const expected = [
      SEED_EXAMPLE_ID,
      XSS_EXAMPLE_ID,
      NO_RECORDING_EXAMPLE_ID,
      EMPTY_TRANSCRIPT_EXAMPLE_ID,
      LONG_CALL_EXAMPLE_ID,
    ];
    expect(ids(1, '2025-01-01T00:00:00Z')).toEqual(expected);
    expect(ids(777, '2030-06-15T12:00:00Z')).toEqual(expected);
    expect(all.slice(0, 5).map((c) => c.id)).toEqual(expected);
  });

  it('have the oddity their id promises', () => {
    const byId = (id: string) => all.find((c) => c.id === id)!;
    expect(byId(NO_RECORDING_EXAMPLE_ID).transcriptRecordingUrl).toBeNull();
    expect(byId(NO_RECORDING_EXAMPLE_ID).transcriptText!.length).toBeGreaterThan(1);
    expect(byId(EMPTY_TRANSCRIPT_EXAMPLE_ID).transcriptText).toEqual([]);
    const long = byId(LONG_CALL_EXAMPLE_ID);
    expect(ms(long.timestampEnd) - ms(long.timestampStart)).toBeGreaterThanOrEqual(3_600_000);
    expect(long.transcriptText!.length).toBeGreaterThan(200);
  });
});
