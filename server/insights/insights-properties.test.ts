import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calendarDayOf,
  callListSchema,
  CONVERTED_OUTCOMES,
  countSlowAnswers,
  formatTrataTimestamp,
  insightsSchema,
  offsetAt,
  parseTrataTimestamp,
  PROSPECT_STATUSES,
  SENTIMENTS,
  startOfDay,
  type Conversation,
  type InsightFigures,
  type Insights,
} from '../../contract';
import { fixtureConversations } from '../db/testing/fixture-conversations';
import { createReviewFixture, type ReviewFixture } from '../index-api/testing/review-fixture';
import { referenceCalls, type ReferenceCallQuery } from '../index-api/testing/reference-calls';
import { registerInsightsRoutes } from './insights-routes';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 9, 12);

/** The fixture spread over ten days, with a slow AI answer in every fourth call. */
function spread(conversations: Conversation[]): Conversation[] {
  return conversations.map((conversation, i) => {
    const shift = (i % 40) * 6 * HOUR;
    const move = (value: string | null | undefined) => {
      const ms = parseTrataTimestamp(value);
      return ms === null ? value : formatTrataTimestamp(ms + shift);
    };
    const start = parseTrataTimestamp(conversation.timestampStart)! + shift;
    return {
      ...conversation,
      timestampStart: formatTrataTimestamp(start),
      timestampEnd: move(conversation.timestampEnd),
      transcriptText:
        i % 4 === 0
          ? [
              { speaker: 'USER', message: 'Hello?', timestamp: formatTrataTimestamp(start) },
              { speaker: 'AI', message: 'Hi.', timestamp: formatTrataTimestamp(start + 9000) },
            ]
          : conversation.transcriptText,
    };
  });
}

let fixture: ReviewFixture;
let conversations: Conversation[];
/** Reviewer → rating and status, per call id. */
const reviews = new Map<
  string,
  { rating?: number; status?: 'reviewed' | 'follow_up'; followUpReason?: string }[]
>();

beforeAll(async () => {
  conversations = spread(fixtureConversations(160, 11)).map((conversation, index) =>
    conversation.conversationAnalytics
      ? {
          ...conversation,
          conversationAnalytics: {
            ...conversation.conversationAnalytics,
            is_audio_consent_given: [true, false, null][index % 3],
          },
        }
      : conversation,
  );
  fixture = await createReviewFixture(conversations);
  registerInsightsRoutes(fixture.app, {
    store: fixture.calls,
    reviews: fixture.reviews,
    now: () => NOW,
  });
  for (const [i, conversation] of conversations.entries()) {
    if (i % 5 !== 0) continue;
    const verdicts = [
      { rating: 1 + (i % 5 === 0 ? i % 4 : 0), status: 'reviewed' as const },
      ...(i % 3 === 0 ? [{ status: 'follow_up' as const, followUpReason: 'Call back' }] : []),
      ...(i % 7 === 0 ? [{ rating: 5 }] : []),
    ];
    verdicts.forEach((verdict, reviewer) =>
      fixture.reviews.setReview(conversation.id, `Reviewer ${reviewer}`, verdict),
    );
    reviews.set(conversation.id, verdicts);
  }
});
afterAll(() => fixture.close());

const reviewStateOf = (id: string) => {
  const verdicts = reviews.get(id) ?? [];
  if (verdicts.some((v) => v.status === 'follow_up')) return 'follow_up';
  if (verdicts.some((v) => v.status === 'reviewed')) return 'reviewed';
  return 'to_review';
};

const isRated = (id: string) => (reviews.get(id) ?? []).some((v) => v.rating !== undefined);

interface Query extends ReferenceCallQuery {
  tz: string;
  review?: ('to_review' | 'reviewed' | 'follow_up' | 'rated')[];
}

const base = Date.UTC(2026, 9, 1);
const instant = fc.integer({ min: -600, max: 15_000 }).map((minutes) => base + minutes * 60_000);
const subset = <T>(values: readonly T[]) =>
  fc.option(fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }), {
    nil: undefined,
  });
const query: fc.Arbitrary<Query> = fc
  .record({
    tz: fc.constantFrom('UTC', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu'),
    sentiment: subset(SENTIMENTS),
    outcome: subset(PROSPECT_STATUSES),
    consent: fc.option(fc.constantFrom('given' as const, 'missing' as const), { nil: undefined }),
    agent: subset(['aia.1727.alpha', 'aia.1727.beta', 'aia.2024.gamma']),
    source_type: fc.option(fc.constantFrom('PHONE', 'BROWSER'), { nil: undefined }),
    q: fc.option(fc.constantFrom('the', 'refund', 'spicy', 'hel'), { nil: undefined }),
    review: subset(['to_review', 'reviewed', 'follow_up', 'rated'] as const),
    // A window of an hour to twenty days, or all time up to a moment.
    window: fc.option(fc.tuple(instant, fc.integer({ min: 1, max: 480 })), { nil: undefined }),
    allTimeTo: instant,
  })
  .map(({ window, allTimeTo, ...rest }) => {
    const out: Query = { ...rest };
    if (window) {
      out.from = formatTrataTimestamp(window[0]) + 'Z';
      out.to = formatTrataTimestamp(window[0] + window[1] * HOUR) + 'Z';
    } else out.to = formatTrataTimestamp(allTimeTo) + 'Z';
    return out;
  });

function toParams(q: Partial<Query>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return params;
}

/** The calls a query matches, filtered plainly from the conversations. */
function matching(q: Query, from: number | undefined, to: number): Conversation[] {
  const { tz: _tz, review, ...filters } = q;
  const window = {
    ...filters,
    from: from === undefined ? undefined : formatTrataTimestamp(from) + 'Z',
    to: formatTrataTimestamp(to) + 'Z',
  };
  return referenceCalls(conversations, { ...window, skip: 0, limit: Number.MAX_SAFE_INTEGER })
    .items.filter((c) => parseTrataTimestamp(c.timestampStart) !== null)
    .filter(
      (c) =>
        !review ||
        review.includes(reviewStateOf(c.id)) ||
        (review.includes('rated') && isRated(c.id)),
    );
}

const durationOf = (c: Conversation) => {
  const start = parseTrataTimestamp(c.timestampStart);
  const end = parseTrataTimestamp(c.timestampEnd);
  return start !== null && end !== null ? (end - start) / 1000 : null;
};
const rank = (sorted: number[], q: number) =>
  sorted.length === 0 ? null : sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;

function referenceFigures(calls: Conversation[]): InsightFigures {
  const durations = calls
    .map(durationOf)
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b);
  const count = (pick: (c: Conversation) => boolean) => calls.filter(pick).length;
  const analytics = (c: Conversation) => c.conversationAnalytics ?? {};
  const converted = count((c) =>
    (CONVERTED_OUTCOMES as readonly (string | null | undefined)[]).includes(
      analytics(c).prospectStatus,
    ),
  );
  const ratings = calls.flatMap((c) =>
    (reviews.get(c.id) ?? []).flatMap((v) => (v.rating === undefined ? [] : [v.rating])),
  );
  return {
    calls: calls.length,
    talkSeconds: durations.reduce((sum, d) => sum + d, 0),
    duration: { median: rank(durations, 0.5), p90: rank(durations, 0.9) },
    sentiment: Object.fromEntries(
      SENTIMENTS.map((s) => [s, count((c) => analytics(c).sentiment_of_caller === s)]),
    ) as InsightFigures['sentiment'],
    outcomes: Object.fromEntries(
      PROSPECT_STATUSES.map((s) => [s, count((c) => analytics(c).prospectStatus === s)]),
    ) as InsightFigures['outcomes'],
    consentMissing: count((c) => analytics(c).is_audio_consent_given !== true),
    converted,
    conversion: calls.length === 0 ? null : converted / calls.length,
    slowAnswers: calls.reduce((sum, c) => sum + countSlowAnswers(c), 0),
    reviewed: count((c) => reviewStateOf(c.id) !== 'to_review'),
    meanRating: ratings.length === 0 ? null : ratings.reduce((a, b) => a + b, 0) / ratings.length,
    ratings: ratings.length,
  };
}

const figuresOfBody = (body: InsightFigures): InsightFigures => ({
  calls: body.calls,
  talkSeconds: body.talkSeconds,
  duration: body.duration,
  sentiment: body.sentiment,
  outcomes: body.outcomes,
  consentMissing: body.consentMissing,
  converted: body.converted,
  conversion: body.conversion,
  slowAnswers: body.slowAnswers,
  reviewed: body.reviewed,
  meanRating: body.meanRating,
  ratings: body.ratings,
});

/** Is `ms` where a bucket of `unit` starts on the wall clock of `tz`? */
function isBoundary(ms: number, unit: Insights['window']['unit'], tz: string): boolean {
  if (unit === 'hour') return (ms + offsetAt(ms, tz)) % HOUR === 0;
  const day = calendarDayOf(ms, tz);
  if (startOfDay(day, tz) !== ms) return false;
  return unit === 'day' || day.day === 1;
}

async function insightsOf(q: Query): Promise<Insights> {
  const response = await fixture.app.inject({ url: `/api/insights?${toParams(q)}` });
  expect(response.statusCode, response.body).toBe(200);
  return insightsSchema.parse(response.json());
}

async function listTotal(params: URLSearchParams): Promise<number> {
  const response = await fixture.app.inject({ url: `/api/calls?${params}` });
  expect(response.statusCode, response.body).toBe(200);
  return callListSchema.parse(response.json()).total;
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? expect(a).toBe(b) : expect(a).toBeCloseTo(b, 9);

describe('/api/insights against a brute-force count', () => {
  it('gives every figure, point, agent and the previous period as counted from the calls', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const body = await insightsOf(q);
        const to = parseTrataTimestamp(q.to)!;
        const from = q.from === undefined ? undefined : parseTrataTimestamp(q.from)!;
        const calls = matching(q, from, to);
        const expected = referenceFigures(calls);
        const got = figuresOfBody(body);
        close(got.talkSeconds, expected.talkSeconds);
        close(got.meanRating, expected.meanRating);
        close(got.conversion, expected.conversion);
        expect({ ...got, talkSeconds: 0, meanRating: 0, conversion: 0 }).toEqual({
          ...expected,
          talkSeconds: 0,
          meanRating: 0,
          conversion: 0,
        });

        // The series covers the window without gaps, on the viewer's hours, days or months.
        const starts = body.series.map((p) => parseTrataTimestamp(p.start)!);
        if (body.series.length > 0) {
          expect(parseTrataTimestamp(body.series.at(-1)!.end)).toBe(to);
          if (from !== undefined) expect(starts[0]).toBe(from);
        }
        body.series.forEach((point, i) => {
          if (i > 0) {
            expect(point.start).toBe(body.series[i - 1]!.end);
            expect(isBoundary(starts[i]!, body.window.unit, q.tz)).toBe(true);
          }
          const inside = calls.filter((c) => {
            const start = parseTrataTimestamp(c.timestampStart)!;
            return start >= starts[i]! && start < parseTrataTimestamp(point.end)!;
          });
          const figures = referenceFigures(inside);
          expect(point.calls).toBe(figures.calls);
          expect(point.sentiment).toEqual(figures.sentiment);
          expect(point.outcomes).toEqual(figures.outcomes);
        });
        expect(body.window.unit).toBe(
          from !== undefined && to - from <= 48 * HOUR ? 'hour' : body.window.unit,
        );

        for (const agent of body.agents) {
          const own = calls.filter((c) => c.aiAgentId === agent.id);
          const figures = referenceFigures(own);
          expect(agent.calls).toBe(figures.calls);
          expect(agent.sentiment).toEqual(figures.sentiment);
          expect(agent.converted).toBe(figures.converted);
          expect(agent.slowAnswers).toBe(figures.slowAnswers);
          expect(agent.ratings).toBe(figures.ratings);
          close(agent.meanRating, figures.meanRating);
          expect(agent.trend.reduce((a, b) => a + b, 0)).toBe(agent.calls);
        }
        expect(body.agents.reduce((sum, a) => sum + a.calls, 0)).toBe(
          calls.filter((c) => c.aiAgentId != null).length,
        );

        if (from === undefined) expect(body.previous).toBeNull();
        else {
          const previous = referenceFigures(matching(q, from - (to - from), from));
          expect(body.previous!.calls).toBe(previous.calls);
          expect(body.previous!.sentiment).toEqual(previous.sentiment);
          expect(body.previous!.slowAnswers).toBe(previous.slowAnswers);
          expect(body.previous!.reviewed).toBe(previous.reviewed);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives totals that the list repeats for the same filters: each point, segment and agent', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const body = await insightsOf(q);
        const { tz: _tz, ...filters } = q;
        const link = (changes: Partial<Query>) => toParams({ ...filters, ...changes });
        // All time starts at the first call: the list's total without `from` (every fixture call
        // has a start time).
        const window = { from: body.window.from ?? undefined, to: body.window.to };
        expect(await listTotal(link(window))).toBe(body.calls);
        for (const point of body.series.filter((p) => p.calls > 0).slice(0, 4)) {
          const span = { from: point.start, to: point.end };
          expect(await listTotal(link(span))).toBe(point.calls);
          for (const sentiment of SENTIMENTS.filter((s) => point.sentiment[s] > 0)) {
            expect(await listTotal(link({ ...span, sentiment: [sentiment] }))).toBe(
              point.sentiment[sentiment],
            );
          }
        }
        for (const agent of body.agents.slice(0, 2)) {
          expect(await listTotal(link({ ...window, agent: [agent.id] }))).toBe(agent.calls);
          for (const sentiment of SENTIMENTS.filter((s) => agent.sentiment[s] > 0)) {
            expect(
              await listTotal(link({ ...window, agent: [agent.id], sentiment: [sentiment] })),
            ).toBe(agent.sentiment[sentiment]);
          }
        }
        if (q.from !== undefined && !q.consent) {
          expect(await listTotal(link({ ...window, consent: 'missing' }))).toBe(
            body.consentMissing,
          );
        }
        if (q.from !== undefined && !q.review) {
          expect(await listTotal(link({ ...window, review: ['reviewed', 'follow_up'] }))).toBe(
            body.reviewed,
          );
          // The mean rating's link: the calls whose ratings it is taken over.
          const from = parseTrataTimestamp(body.window.from)!;
          const rated = matching(q, from, parseTrataTimestamp(body.window.to)!).filter((c) =>
            isRated(c.id),
          );
          expect(await listTotal(link({ ...window, review: ['rated'] }))).toBe(rated.length);
          expect(rated.length > 0).toBe(body.meanRating !== null);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses garbage parameters with a 422 that names each one', async () => {
    for (const [params, names] of [
      ['tz=Mars/Olympus', ['tz']],
      ['tz=UTC&tz=UTC', ['tz']],
      ['from=yesterday', ['from']],
      ['from=2026-10-02T00:00:00Z&to=2026-10-01T00:00:00Z', ['to']],
      ['sentiment=angry&outcome=SOLD', ['sentiment', 'outcome']],
      ['consent=maybe&review=later', ['consent', 'review']],
      ['q=%00ab', ['q']],
    ] as const) {
      const response = await fixture.app.inject({ url: `/api/insights?${params}` });
      expect(response.statusCode, params).toBe(422);
      const detail = (response.json() as { detail: { loc: string[] }[] }).detail;
      expect(detail.map((issue) => issue.loc[1]).sort()).toEqual([...names].sort());
    }
  });
});
