import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { peaksSchema, type Conversation } from '../../contract';
import { registerRecordingRoutes } from '../app-server/recording-routes';
import { estimateSpeechSeconds, generateConversations } from '../demo-data/generate';
import { registerDemoRecordingRoutes } from './demo-recording-routes';
import { stopPeaksWorker } from './peaks';
import { createFileCache } from './recording-cache';
import { callSeconds, utterancesOf } from './render-call';
import { createWorkerSynthesizer, recordingBytes, synthesizeInline } from './synthesize';
import { decodeMp3, medianPitch, rms, type Decoded } from './testing/audio-analysis';
import { conversationOf, NO_RECORDING_CALL, SHORT_CALL } from './testing/fixtures';

const seed = generateConversations({ count: 1, recordingOrigin: 'http://storage.invalid' }).next()
  .value as Conversation;
const TINY = conversationOf(
  'con.1763631000.TINYCALL',
  [
    { at: 0.3, speaker: 'AI', text: 'Hello there.' },
    { at: 1.6, speaker: 'USER', text: 'Hi.' },
  ],
  3,
);
const CONCURRENT = conversationOf(
  'con.1763631000.TWOFIRST',
  [{ at: 0.5, speaker: 'AI', text: 'Two requests, one synthesis.' }],
  4,
);
const GATED = conversationOf(
  'con.1763631000.GATEDCAL',
  [
    { at: 0.2, speaker: 'AI', text: 'First line, sent at once.' },
    { at: 4, speaker: 'USER', text: 'Second line, sent later.' },
  ],
  7,
);
/** A transcript kept elsewhere: the demo has no messages to speak. */
const REFERENCE_TEXT = {
  ...conversationOf('con.1763631000.REFTEXT1', [{ at: 0.5, speaker: 'AI', text: 'Unused.' }], 4),
  transcriptText: 'gs://transcripts/tra.1.json',
};
let openGate = () => {};
const gate = new Promise<void>((resolve) => (openGate = resolve));
const calls = new Map(
  [SHORT_CALL, NO_RECORDING_CALL, seed, TINY, CONCURRENT, GATED, REFERENCE_TEXT].map((call) => [
    call.id,
    call,
  ]),
);

const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-recordings-'));
const renders = new Map<string, number>();
const plainFetches = new Map<string, number>();
let demo: FastifyInstance;
let app: FastifyInstance;
let origin = '';

function appWithRoutes(): FastifyInstance {
  const instance = Fastify();
  registerRecordingRoutes(instance, {
    // Stands in for asking the upstream API; the demo server plays the storage host.
    locate: async (id) =>
      id === 'con.1.GONE' || calls.get(id)?.transcriptRecordingUrl
        ? { url: `${origin}/recordings/${id}.mp3` }
        : id === 'con.1.DOWN'
          ? { url: 'http://127.0.0.1:9/recordings/down.mp3' }
          : null,
    fetchRecording: (url, init) => {
      if (!init.headers.range) plainFetches.set(url, (plainFetches.get(url) ?? 0) + 1);
      return fetch(url, init);
    },
    peaksCache: createFileCache(path.join(dir, 'peaks'), '.json'),
  });
  return instance;
}

beforeAll(async () => {
  demo = Fastify();
  registerDemoRecordingRoutes(demo, {
    getConversation: (id) => calls.get(id) ?? null,
    cache: createFileCache(path.join(dir, 'recordings'), '.mp3'),
    synthesize: async (conversation, options = {}) => {
      renders.set(conversation.id, (renders.get(conversation.id) ?? 0) + 1);
      if (conversation.id !== GATED.id) return synthesizeInline(conversation, options);
      // Hands over the first piece at once and the rest only when the test opens the gate.
      const held: Uint8Array[] = [];
      const bytes = await synthesizeInline(conversation, {
        onChunk: (chunk) =>
          held.length || !options.onChunk ? held.push(chunk) : options.onChunk(chunk),
      });
      await gate;
      for (const chunk of held) options.onChunk?.(chunk);
      return bytes;
    },
  });
  await demo.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(demo.server.address() as AddressInfo).port}`;
  app = appWithRoutes();
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await demo?.close();
  await stopPeaksWorker();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  header(name: string): string | undefined;
  body: Buffer;
}

async function fromDemo(id: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${origin}/recordings/${id}.mp3`, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    header: (name) => response.headers.get(name) ?? undefined,
    body,
  };
}

async function fromApp(id: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await app.inject({ url: `/api/conversations/${id}/recording`, headers });
  const header = (name: string) => {
    const value = response.headers[name];
    return value === undefined ? undefined : String(value);
  };
  return { status: response.statusCode, header, body: response.rawPayload };
}

async function audioOf(call: Conversation): Promise<Decoded> {
  const { status, body } = await fromDemo(call.id);
  expect(status).toBe(200);
  return decodeMp3(new Uint8Array(body));
}

/**
 * Speech right after every line's offset, and near-silence inside every gap over 2 s between
 * the end of what was being said (by the transcript's own timing) and the next line.
 */
function expectSpeechWhereTheTranscriptSays(audio: Decoded, call: Conversation): number {
  let saidUntil = 0;
  let heardUntil = 0;
  let gaps = 0;
  for (const [index, line] of utterancesOf(call).entries()) {
    const where = `line ${index} at ${line.offsetSeconds.toFixed(2)} s`;
    if (line.offsetSeconds - saidUntil > 2) {
      // Each line may run 10% + 0.3 s over its estimate; after that, silence until this one.
      expect(line.offsetSeconds - heardUntil, where).toBeGreaterThan(0.5);
      gaps++;
      expect(rms(audio, heardUntil, line.offsetSeconds - 0.02), `gap before ${where}`).toBeLessThan(
        0.002,
      );
    }
    expect(rms(audio, line.offsetSeconds, line.offsetSeconds + 0.3), where).toBeGreaterThan(0.02);
    const estimate = estimateSpeechSeconds(line.text);
    saidUntil = Math.max(saidUntil, line.offsetSeconds + estimate);
    heardUntil = Math.max(heardUntil, line.offsetSeconds + estimate * 1.1 + 0.4);
  }
  return gaps;
}

describe('synthesized recordings', () => {
  it('speak every line at its offset, with silence in the gaps, for exactly the call', async () => {
    const audio = await audioOf(SHORT_CALL);
    expect(
      Math.abs(audio.samples.length / audio.sampleRate - callSeconds(SHORT_CALL)),
    ).toBeLessThan(0.05);
    expect(expectSpeechWhereTheTranscriptSays(audio, SHORT_CALL)).toBe(3);
    // Each line starts at its offset, not before: the 0.25 s before a line that follows a
    // silence is silent.
    for (const line of utterancesOf(SHORT_CALL))
      expect(rms(audio, line.offsetSeconds - 0.25, line.offsetSeconds - 0.01)).toBeLessThan(0.002);
  });

  it('give the agent and the caller clearly different voices', async () => {
    const audio = await audioOf(SHORT_CALL);
    const pitchOf = (speaker: string) => {
      const lines = utterancesOf(SHORT_CALL).filter((line) => line.speaker === speaker);
      const pitches = lines.map((line) =>
        medianPitch(audio, line.offsetSeconds, line.offsetSeconds + 2),
      );
      return pitches.reduce((sum: number, pitch) => sum + (pitch ?? 0), 0) / pitches.length;
    };
    const agent = pitchOf('AI');
    const caller = pitchOf('USER');
    expect(agent).toBeGreaterThan(150);
    expect(caller).toBeGreaterThan(60);
    expect(agent / caller).toBeGreaterThan(1.6);
  });

  it('render the seed example: unsorted, duplicated and overlapping lines, mixed', async () => {
    const audio = await audioOf(seed);
    expect(Math.abs(audio.samples.length / audio.sampleRate - 140.851)).toBeLessThan(0.05);
    expect(expectSpeechWhereTheTranscriptSays(audio, seed)).toBe(4);
    let peak = 0;
    for (const sample of audio.samples) peak = Math.max(peak, Math.abs(sample));
    expect(peak).toBeLessThan(1);
  });

  it('sound the same when made on the worker thread', async () => {
    const synthesizer = createWorkerSynthesizer({ workers: 1 });
    try {
      const chunks: Uint8Array[] = [];
      const [viaWorker, inline] = await Promise.all([
        synthesizer
          .synthesize(TINY, { onChunk: (chunk) => chunks.push(chunk) })
          .then(() => decodeMp3(Buffer.concat(chunks))),
        synthesizeInline(TINY).then(decodeMp3),
      ]);
      // eSpeak adds random noise (breath, fricatives), so compare levels, not bytes.
      expect(viaWorker.samples.length).toBe(inline.samples.length);
      for (let at = 0; at < 3; at += 0.1) {
        const difference = Math.abs(rms(viaWorker, at, at + 0.1) - rms(inline, at, at + 0.1));
        expect(difference, `at ${at.toFixed(1)} s`).toBeLessThan(0.02);
      }
      expect(rms(viaWorker, 0.3, 0.6)).toBeGreaterThan(0.02);
    } finally {
      await synthesizer.close();
    }
  });
});

describe('recording cache', () => {
  it('runs one synthesis for two concurrent first requests, and none after', async () => {
    const [a, b] = await Promise.all([fromDemo(CONCURRENT.id), fromDemo(CONCURRENT.id)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.equals(b.body)).toBe(true);
    expect(renders.get(CONCURRENT.id)).toBe(1);
    expect((await fromDemo(CONCURRENT.id)).body.equals(a.body)).toBe(true);
    expect(renders.get(CONCURRENT.id)).toBe(1);
    // The bytes are sent while the file is written, so its rename may land just after them.
    await vi.waitFor(
      () => expect(existsSync(path.join(dir, 'recordings', `${CONCURRENT.id}.mp3`))).toBe(true),
      { timeout: 5_000 },
    );
    expect(
      readdirSync(path.join(dir, 'recordings')).filter((name) => name.endsWith('.tmp')),
    ).toEqual([]);
  });
});

describe('a recording being made', () => {
  it('is sent while it is made: the first bytes come before the last ones exist', async () => {
    const early = await fromDemo(GATED.id, { range: 'bytes=0-99' });
    expect(early.status).toBe(206);
    expect(early.header('content-range')).toBe(`bytes 0-99/${recordingBytes(GATED)}`);
    const whole = fromDemo(GATED.id);
    openGate();
    const { status, body, header } = await whole;
    expect(status).toBe(200);
    expect(body.length).toBe(recordingBytes(GATED));
    expect(body.subarray(0, 100).equals(early.body)).toBe(true);
    expect(header('etag')).toBe(early.header('etag'));
    expect(renders.get(GATED.id)).toBe(1);
    // The same file and tag from disk afterwards.
    const cached = await fromDemo(GATED.id);
    expect(cached.body.equals(body)).toBe(true);
    expect(cached.header('etag')).toBe(early.header('etag'));
  });
});

describe.each([
  ['demo storage route', fromDemo],
  ['app route', fromApp],
])('%s', (name, get) => {
  const isDemo = name === 'demo storage route';
  it('serves the whole file with the headers a media element relies on', async () => {
    const full = await get(SHORT_CALL.id);
    expect(full.status).toBe(200);
    expect(full.header('content-type')).toBe('audio/mpeg');
    expect(full.header('accept-ranges')).toBe('bytes');
    expect(full.header('content-length')).toBe(String(full.body.length));
    // The app route passes on no validator of the storage host's: only range and length facts.
    expect(full.header('etag')).toEqual(isDemo ? expect.stringMatching(/^"/) : undefined);
    expect(full.header('cache-control')).toContain('max-age=');
    expect(full.body.subarray(0, 2).readUInt16BE(0) & 0xffe0).toBe(0xffe0);
  });

  it('honours Range: first bytes, last bytes, a suffix; refuses an invalid range', async () => {
    const full = (await fromDemo(SHORT_CALL.id)).body;
    const size = full.length;
    const first = await get(SHORT_CALL.id, { range: 'bytes=0-99' });
    expect(first.status).toBe(206);
    expect(first.header('content-range')).toBe(`bytes 0-99/${size}`);
    expect(first.header('content-length')).toBe('100');
    expect(first.body.equals(full.subarray(0, 100))).toBe(true);
    const last = await get(SHORT_CALL.id, { range: `bytes=${size - 10}-` });
    expect(last.status).toBe(206);
    expect(last.header('content-range')).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect(last.body.equals(full.subarray(size - 10))).toBe(true);
    const suffix = await get(SHORT_CALL.id, { range: 'bytes=-500' });
    expect(suffix.status).toBe(206);
    expect(suffix.header('content-range')).toBe(`bytes ${size - 500}-${size - 1}/${size}`);
    expect(suffix.body.equals(full.subarray(size - 500))).toBe(true);
    for (const range of [`bytes=${size}-`, 'bytes=500-100', 'bytes=abc']) {
      const refused = await get(SHORT_CALL.id, { range });
      expect(refused.status, range).toBe(416);
      expect(refused.header('content-range'), range).toBe(`bytes */${size}`);
    }
  });

  it.runIf(isDemo)('answers 304 to a matching If-None-Match', async () => {
    const { header } = await get(SHORT_CALL.id, { range: 'bytes=0-0' });
    const again = await get(SHORT_CALL.id, { 'if-none-match': header('etag')! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers 404 with a JSON detail for a call without a recording', async () => {
    for (const id of [NO_RECORDING_CALL.id, 'con.1.UNKNOWN']) {
      const missing = await get(id);
      expect(missing.status, id).toBe(404);
      expect(JSON.parse(missing.body.toString())).toHaveProperty('detail');
    }
  });

  it('answers 404 saying why for a call whose transcript is kept elsewhere, making nothing', async () => {
    // Straight to the demo storage host, which would otherwise make the file.
    const answer = await fetch(`${origin}/recordings/${REFERENCE_TEXT.id}.mp3`);
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as { detail: string }).detail).toMatch(
      /transcript is a reference/,
    );
    expect(renders.get(REFERENCE_TEXT.id)).toBeUndefined();
  });
});

describe('app route failures', () => {
  it('answers 404 when the storage host has no such file', async () => {
    expect((await fromApp('con.1.GONE')).status).toBe(404);
  });

  it('answers 502 with the reason when the storage host cannot be reached', async () => {
    const down = await fromApp('con.1.DOWN');
    expect(down.status).toBe(502);
    expect(JSON.parse(down.body.toString()).detail).toMatch(/\w/);
  });
});

describe('peaks', () => {
  const peaksOf = (instance: FastifyInstance, headers: Record<string, string> = {}) =>
    instance.inject({ url: `/api/conversations/${SHORT_CALL.id}/peaks`, headers });

  it('fit the recording’s duration and are computed once', async () => {
    const url = `${origin}/recordings/${SHORT_CALL.id}.mp3`;
    const before = plainFetches.get(url) ?? 0;
    const first = await peaksOf(app);
    expect(first.statusCode).toBe(200);
    const peaks = peaksSchema.parse(first.json());
    expect(Math.abs(peaks.duration - callSeconds(SHORT_CALL))).toBeLessThan(0.05);
    expect(peaks.length).toBe(
      Math.ceil((peaks.duration * peaks.sample_rate) / peaks.samples_per_pixel),
    );
    expect(peaks.data).toHaveLength(2 * peaks.length);
    expect(Math.max(...peaks.data)).toBeGreaterThan(10);
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['cache-control']).toContain('max-age=');
    const fetched = plainFetches.get(url);
    expect(fetched).toBe(before + 1);

    expect((await peaksOf(app)).json()).toEqual(peaks);
    expect((await peaksOf(app, { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(
      304,
    );
    // A restarted server finds them on disk.
    const restarted = appWithRoutes();
    try {
      expect((await peaksOf(restarted)).json()).toEqual(peaks);
    } finally {
      await restarted.close();
    }
    expect(plainFetches.get(url)).toBe(fetched);
  });

  it('answer 404 for a call without a recording', async () => {
    const response = await app.inject({ url: `/api/conversations/${NO_RECORDING_CALL.id}/peaks` });
    expect(response.statusCode).toBe(404);
  });
});
