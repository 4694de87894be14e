import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  conversationSchema,
  parseTrataTimestamp,
  PROSPECT_STATUSES,
  SENTIMENTS,
  type Conversation,
} from '../../contract';
import { BUSINESSES } from './businesses';
import {
  generateConversations,
  LONG_CALL_EXAMPLE_ID,
  SEED_EXAMPLE_ID,
  XSS_EXAMPLE_ID,
  XSS_PAYLOAD,
} from './generate';
import { SCENARIOS } from './scenarios';
import { estimateSpeechSeconds } from './timing';

const options = {
  count: 2000,
  seed: 99,
  now: new Date('2026-11-20T00:00:00Z'),
  recordingOrigin: 'http://127.0.0.1:8081',
};
const all = [...generateConversations(options)];
const generated = all.filter((conversation) => conversation.id !== SEED_EXAMPLE_ID);
const seconds = (conversation: Conversation) =>
  (parseTrataTimestamp(conversation.timestampEnd)! -
    parseTrataTimestamp(conversation.timestampStart)!) /
  1000;

describe('generateConversations', () => {
  it('is deterministic and yields the requested count of valid conversations', () => {
    expect(all).toHaveLength(2000);
    expect([...generateConversations(options)]).toEqual(all);
    expect(all.every((conversation) => conversationSchema.safeParse(conversation).success)).toBe(
      true,
    );
    expect(new Set(all.map((conversation) => conversation.id)).size).toBe(2000);
  });

  it('covers every prospect status, sentiment, consent, status, business and 20+ scenarios', () => {
    const values = (pick: (c: Conversation) => unknown) => new Set(all.map(pick));
    for (const status of PROSPECT_STATUSES)
      expect(values((c) => c.conversationAnalytics?.prospectStatus)).toContain(status);
    for (const sentiment of SENTIMENTS)
      expect(values((c) => c.conversationAnalytics?.sentiment_of_caller)).toContain(sentiment);
    expect(values((c) => c.conversationAnalytics?.is_audio_consent_given)).toEqual(expect.any(Set));
    expect(values((c) => c.conversationAnalytics?.is_audio_consent_given)).toContain(false);
    expect(values((c) => c.conversationAnalytics?.is_audio_consent_given)).toContain(true);
    expect(values((c) => c.status)).toEqual(new Set(['active', 'archived']));
    expect(values((c) => c.aiAgentId).size).toBeGreaterThanOrEqual(BUSINESSES.length);
    const summaries = new Set(SCENARIOS.map((scenario) => scenario.key));
    expect(summaries.size).toBeGreaterThanOrEqual(20);
  });

  it('spreads calls over the last 90 days with durations from 20 s to about an hour', () => {
    const now = options.now.getTime();
    for (const conversation of generated) {
      const start = parseTrataTimestamp(conversation.timestampStart)!;
      expect(start).toBeLessThanOrEqual(now);
      expect(start).toBeGreaterThan(now - 91 * 24 * 3600 * 1000);
      expect(seconds(conversation)).toBeGreaterThanOrEqual(20);
      expect(seconds(conversation)).toBeLessThan(66 * 60);
    }
    expect(
      generated.filter((conversation) => seconds(conversation) >= 3600).length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      seconds(all.find((conversation) => conversation.id === LONG_CALL_EXAMPLE_ID)!),
    ).toBeGreaterThanOrEqual(3600);
  });

  it('leaves each line enough time to be spoken before the next one starts', () => {
    for (const conversation of generated.slice(0, 400)) {
      const messages = [...(conversation.transcriptText ?? [])].sort(
        (a, b) => parseTrataTimestamp(a.timestamp)! - parseTrataTimestamp(b.timestamp)!,
      );
      for (let i = 1; i < messages.length; i++) {
        const previous = messages[i - 1]!;
        const gap =
          (parseTrataTimestamp(messages[i]!.timestamp)! -
            parseTrataTimestamp(previous.timestamp)!) /
          1000;
        if (gap === 0) continue; // an exact duplicate
        expect(gap).toBeGreaterThanOrEqual(
          Math.min(estimateSpeechSeconds(previous.message ?? ''), 0.8) - 0.001,
        );
      }
      const last = messages.at(-1);
      if (last) {
        const offset =
          (parseTrataTimestamp(last.timestamp)! -
            parseTrataTimestamp(conversation.timestampStart)!) /
          1000;
        expect(offset + estimateSpeechSeconds(last.message ?? '')).toBeLessThanOrEqual(
          seconds(conversation),
        );
      }
    }
  });

  it('carries the seed example exactly as given, plus an id and a demo recording URL', () => {
    const given = JSON.parse(
      readFileSync(new URL('./seed-example.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const seed = all[0]!;
    expect(seed.id).toBe(SEED_EXAMPLE_ID);
    const { id: _id, transcriptRecordingUrl, ...rest } = seed;
    const { transcriptRecordingUrl: _original, ...givenRest } = given;
    expect(rest).toEqual(givenRest);
    expect(seed.transcriptText).toHaveLength(27);
    expect(new Set(seed.transcriptText!.map((message) => JSON.stringify(message))).size).toBe(24);
    expect(seed.timestampStart).toBe('2024-11-11T05:06:20.733912');
    expect(seed.conversationAnalytics?.phone_number_of_caller).toBe('96260-12778');
    expect(transcriptRecordingUrl).toBe(`http://127.0.0.1:8081/recordings/${SEED_EXAMPLE_ID}.mp3`);
  });

  it('includes messy data in about 5% of calls, and the special cases', () => {
    const messy = generated.filter((conversation) => {
      const messages = conversation.transcriptText ?? [];
      const stamps = messages.map((message) => parseTrataTimestamp(message.timestamp)!);
      const unsorted = stamps.some((stamp, i) => i > 0 && stamp < stamps[i - 1]!);
      const duplicated =
        new Set(messages.map((message) => JSON.stringify(message))).size < messages.length;
      return (
        unsorted ||
        duplicated ||
        messages.length === 0 ||
        !conversation.transcriptRecordingUrl ||
        !conversation.conversationAnalytics ||
        (conversation.conversationAnalytics.email_address_of_caller === null &&
          conversation.conversationAnalytics.address_of_caller === undefined) ||
        /[\u0590-\u06FF]|\p{Extended_Pictographic}/u.test(JSON.stringify(conversation))
      );
    });
    expect(messy.length / generated.length).toBeGreaterThan(0.03);
    expect(messy.length / generated.length).toBeLessThan(0.12);
    const xss = all.find((conversation) => conversation.id === XSS_EXAMPLE_ID)!;
    expect(xss.conversationAnalytics?.name_of_caller).toBe(XSS_PAYLOAD);
  });
});
