import fc from 'fast-check';
import { transcriptMessages } from '../../contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatTrataTimestamp,
  PROSPECT_STATUSES,
  SEARCH_BY_FIELDS,
  SORT_BY_FIELDS,
  type CallList,
  type Conversation,
} from '../../contract';
import { fixtureConversations } from '../db/testing/fixture-conversations';
import { createIndexFixture, type IndexFixture } from './testing/index-fixture';
import {
  referenceCalls,
  referenceFacets,
  type ReferenceCallQuery,
} from './testing/reference-calls';

/** The fixture with consent set three ways (given, refused, unknown). */
function withConsent(conversations: Conversation[]): Conversation[] {
  return conversations.map((conversation, index) =>
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
}

let fixture: IndexFixture;
let conversations: Conversation[];
let samples: string[];
beforeAll(async () => {
  conversations = withConsent(fixtureConversations(160, 11));
  fixture = await createIndexFixture(conversations);
  samples = conversations
    .flatMap((c) => [
      c.id,
      c.conversationAnalytics?.name_of_caller,
      c.conversationAnalytics?.summary,
      c.conversationAnalytics?.phone_number_of_caller,
      transcriptMessages(c)[0]?.message,
    ])
    .filter((text): text is string => typeof text === 'string' && [...text].length >= 3)
    .map((text, index) => [...text].slice(index % 2, (index % 2) + 3 + (index % 4)).join(''))
    .filter((text) => [...text].length >= 3);
});
afterAll(() => fixture.close());

const base = Date.UTC(2026, 9, 1);
const instant = fc
  .integer({ min: -30, max: 430 })
  .map((minutes) => formatTrataTimestamp(base + minutes * 60_000) + (minutes % 2 ? 'Z' : ''));
const subset = <T>(values: readonly T[]) =>
  fc.option(fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }), {
    nil: undefined,
  });

const query: fc.Arbitrary<ReferenceCallQuery> = fc
  .record(
    {
      q: fc.option(fc.nat(), { nil: undefined }),
      sentiment: subset(['positive', 'neutral', 'negative'] as const),
      outcome: subset(PROSPECT_STATUSES),
      consent: fc.option(fc.constantFrom('given' as const, 'missing' as const), { nil: undefined }),
      agent: subset(['aia.1727.alpha', 'aia.1727.beta', 'aia.2024.gamma', 'aia.none']),
      source_type: fc.option(fc.constantFrom('PHONE', 'BROWSER', 'phone_sip'), { nil: undefined }),
      range: fc.option(fc.tuple(fc.option(instant), fc.option(instant)), { nil: undefined }),
      search: fc.option(fc.tuple(fc.constantFrom(...SEARCH_BY_FIELDS), fc.nat()), {
        nil: undefined,
      }),
      status: fc.option(fc.constantFrom('active', 'archived'), { nil: undefined }),
      sort_by: fc.option(fc.constantFrom(...SORT_BY_FIELDS), { nil: undefined }),
      sort_order: fc.option(fc.constantFrom('asc' as const, 'desc' as const), { nil: undefined }),
      skip: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
      limit: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    },
    { requiredKeys: [] },
  )
  .map((raw) => {
    const out: ReferenceCallQuery = {
      sentiment: raw.sentiment,
      outcome: raw.outcome,
      consent: raw.consent,
      agent: raw.agent,
      source_type: raw.source_type,
      status: raw.status,
      sort_by: raw.sort_by,
      sort_order: raw.sort_order,
      skip: raw.skip,
      limit: raw.limit,
    };
    if (raw.q !== undefined) out.q = samples[raw.q % samples.length];
    if (raw.search) {
      const [field, pick] = raw.search;
      let value = samples[pick % samples.length]!;
      if (field === 'phone_number_of_caller') value = value.replace(/\D/g, '').padEnd(3, '5');
      out.search_by = field;
      out.search_value = value;
    }
    const [from, to] = raw.range ?? [null, null];
    if (from && to && from < to) Object.assign(out, { from, to });
    else if (from) out.from = from;
    else if (to) out.to = to;
    return out;
  });

function toUrl(q: ReferenceCallQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return `/api/calls?${params}`;
}

const byId = <T extends { id: string }>(list: T[]) =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('/api/calls against a reference model', () => {
  it('returns the reference rows, total and facets for any combination of filters, sorts and pages', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const response = await fixture.app.inject({ method: 'GET', url: toUrl(q) });
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json() as CallList;
        const expected = referenceCalls(conversations, q);
        expect(body.items.map((item) => item.id)).toEqual(expected.items.map((c) => c.id));
        expect(body.total).toBe(expected.total);
        const facets = referenceFacets(conversations, q);
        expect(body.facets.sentiment).toEqual(facets.sentiment);
        expect(body.facets.outcome).toEqual(facets.outcome);
        expect(body.facets.consent).toEqual(facets.consent);
        expect(byId(body.facets.agent).map(({ id, count }) => ({ id, count }))).toEqual(
          byId(facets.agent).map(({ id, count }) => ({ id, count })),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('serves list rows without the transcript, and the whole call by id', async () => {
    const response = await fixture.app.inject({ method: 'GET', url: '/api/calls?limit=3' });
    const body = response.json() as CallList;
    expect(body.items).toHaveLength(3);
    expect(JSON.stringify(body.items)).not.toContain('transcriptText');
    const one = await fixture.app.inject({ method: 'GET', url: `/api/calls/${body.items[0]!.id}` });
    expect(one.json()).toEqual(conversations.find((c) => c.id === body.items[0]!.id));
    const missing = await fixture.app.inject({ method: 'GET', url: '/api/calls/con.nope' });
    expect(missing.statusCode).toBe(404);
  });
});
