import { describe, expect, it } from 'vitest';
import type { DemoConversation } from './build-conversation';
import { MESS_KINDS, type MessKind } from './messy';
import { UNICODE_PEOPLE } from './people';
import { XSS_EXAMPLE_ID, XSS_PAYLOAD } from './special-calls';
import { ms, sampleCalls, sampleConversations } from './testing/sample';

const calls = sampleCalls();
const messy = calls.filter((call) => call.mess);
const RTL = /[\u0590-\u05FF\u0600-\u06FF]/;
const EMOJI = /\p{Extended_Pictographic}/u;

/** What each kind of mess must leave in the data, checked on the data alone. */
const TRACES: Record<MessKind, (c: DemoConversation) => boolean> = {
  fragments: (c) => {
    const messages = c.transcriptText ?? [];
    return (
      messages.filter((m, i) => m.speaker === 'USER' && messages[i + 1]?.speaker === 'USER')
        .length >= 3
    );
  },
  unicode: (c) => {
    const name = c.conversationAnalytics?.name_of_caller ?? '';
    const said = JSON.stringify(c.transcriptText);
    return UNICODE_PEOPLE.some(
      (p) => name !== '' && p.name.startsWith(name) && said.includes(p.name.split(' ')[0]!),
    );
  },
  duplicates: (c) => {
    const keys = (c.transcriptText ?? []).map((m) => JSON.stringify(m));
    return new Set(keys).size < keys.length;
  },
  'out-of-order': (c) =>
    (c.transcriptText ?? []).some(
      (m, i, all) => i > 0 && ms(m.timestamp) < ms(all[i - 1]!.timestamp),
    ),
  'analytics-gaps': (c) => {
    const a = c.conversationAnalytics;
    return a != null && !('address_of_caller' in a) && a.email_address_of_caller === null;
  },
  'null-analytics': (c) => c.conversationAnalytics === null,
  'empty-transcript': (c) => c.transcriptText?.length === 0,
  'null-recording': (c) => c.transcriptRecordingUrl === null,
};

describe('messy conversations', () => {
  it('are about 5% of the generated calls', () => {
    const share = messy.length / calls.length;
    expect(share).toBeGreaterThan(0.035);
    expect(share).toBeLessThan(0.065);
  });

  it('cover every kind of mess, each leaving its mark in the data', () => {
    for (const kind of MESS_KINDS) {
      const ofKind = messy.filter((call) => call.mess === kind);
      expect(ofKind.length, kind).toBeGreaterThan(0);
      expect(
        ofKind.filter((call) => !TRACES[kind](call.conversation)).map((c) => c.conversation.id),
        kind,
      ).toEqual([]);
    }
  });

  it('keep clean calls clean: sorted, without duplicates or missing analytics', () => {
    const clean = calls.filter((call) => !call.mess && !call.special);
    for (const kind of ['duplicates', 'out-of-order', 'null-analytics', 'analytics-gaps'] as const)
      expect(clean.filter((call) => TRACES[kind](call.conversation)).length, kind).toBe(0);
  });

  it('include accented names, emoji and right-to-left text', () => {
    const text = JSON.stringify(messy.map((call) => call.conversation));
    expect(text).toMatch(/[À-ÿ]/);
    expect(text).toMatch(EMOJI);
    expect(text).toMatch(RTL);
  });
});

describe('the XSS example', () => {
  const all = sampleConversations();

  it('is the one conversation with the payload, as caller name and as a message of its own', () => {
    const carriers = all.filter((c) => JSON.stringify(c).includes(XSS_PAYLOAD));
    expect(carriers.map((c) => c.id)).toEqual([XSS_EXAMPLE_ID]);
    const xss = carriers[0]!;
    expect(xss.conversationAnalytics?.name_of_caller).toBe(XSS_PAYLOAD);
    expect(
      xss.transcriptText?.filter((m) => m.message === XSS_PAYLOAD && m.speaker === 'USER'),
    ).toHaveLength(1);
  });
});
