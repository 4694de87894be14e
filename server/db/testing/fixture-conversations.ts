import { formatTrataTimestamp, type Conversation } from '../../../contract';

/**
 * Small deterministic datasets for the store and API tests, independent of the demo generator.
 * Values come from short lists on purpose: many rows tie on every sort key, so the `id`
 * tie-break and NULL ordering are exercised, and every search field has common, rare and
 * missing values, with accents, emoji and right-to-left text.
 */
const FIRST = ['Ana', 'Émile', 'zoë', 'Bob', 'ANA', 'Chloé', 'Dmitri', 'Łucja', 'نور', 'Kim'];
const LAST = ['Smith', 'Núñez', 'smith', "O'Brien", 'Lee', '李', 'Smyth', 'van Dijk'];
const WORDS = [
  'appointment',
  'booking',
  'spicy',
  'menu',
  'Thank you',
  'callback',
  'refund',
  '🙂',
  'naïve café',
  'SELECT * FROM',
  '100% "quoted"',
  'שלום',
];
const SENTIMENTS = ['positive', 'neutral', 'negative', 'Positive', 'mixed'];
const PROSPECT = ['NEW', 'GENERAL_ENQUIRY', 'SCHEDULED_CALLBACK_WITH_BOT', 'NOT_INTERESTED'];
const STATUSES = ['active', 'active', 'active', 'archived', 'Active-ish'];
const SOURCES = ['PHONE', 'BROWSER', 'phone_sip'];

function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, pick, chance: (p: number) => next() < p };
}

export function fixtureConversations(count: number, seed = 1): Conversation[] {
  const r = random(seed);
  const base = Date.UTC(2026, 9, 1);
  const out: Conversation[] = [];
  for (let i = 0; i < count; i++) {
    // Start times on a coarse grid so several calls share one.
    const start = base + Math.floor(r.next() * 400) * 60_000;
    const seconds = r.pick([20, 45, 45, 90, 300, 3600]);
    const name = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    const words = Array.from({ length: 1 + Math.floor(r.next() * 4) }, () => r.pick(WORDS));
    const phone = r.pick(['+1 (415) 555-0100', '415.555.01', '0049 30 1234', '', '555-7777']);
    const conversation: Conversation = {
      id: `con.${1_790_000_000 + Math.floor(r.next() * 50)}.${(i * 7919).toString(36)}`,
      prospectId: `pro.${1_790_000 + (i % 37)}.x${i % 5}`,
      aiAgentId: r.pick(['aia.1727.alpha', 'aia.1727.beta', 'aia.2024.gamma']),
      // No draw: a source on most rows, without moving the fixture's other values.
      source: i % 10 === 3 ? null : `10.0.${i % 256}.1`,
      sourceType: r.chance(0.1) ? null : r.pick(SOURCES),
      status: r.chance(0.05) ? null : r.pick(STATUSES),
      timestampStart: formatTrataTimestamp(start),
      timestampEnd: r.chance(0.08) ? null : formatTrataTimestamp(start + seconds * 1000),
      createdAt: formatTrataTimestamp(start + seconds * 1000),
      updatedAt: r.chance(0.3) ? null : formatTrataTimestamp(start + 86_400_000),
      transcriptText: r.chance(0.05)
        ? []
        : words.map((message, index) => ({
            speaker: index % 2 ? 'USER' : 'AI',
            message,
            timestamp: formatTrataTimestamp(start + index * 1000),
            message_id: message,
          })),
      transcriptSummary: r.chance(0.5) ? `Caller asked about ${r.pick(WORDS)}.` : '',
      conversationAnalytics: r.chance(0.07)
        ? null
        : {
            summary: r.chance(0.2) ? null : `Summary: ${r.pick(WORDS)}`,
            name_of_caller: r.chance(0.1) ? null : name,
            phone_number_of_caller: phone || null,
            email_address_of_caller: r.chance(0.2) ? null : `${name.split(' ')[0]}@example.com`,
            sentiment_of_caller: r.chance(0.1) ? null : r.pick(SENTIMENTS),
            prospectStatus: r.chance(0.1) ? null : r.pick(PROSPECT),
          },
    };
    out.push(conversation);
  }
  return out;
}
