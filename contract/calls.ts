import * as z from 'zod/mini';
import { callReviewSummarySchema } from './review';

/**
 * Callscope's own list API (`GET /api/calls`), served from the call index rather than Trata.
 * Its parameters are the contract's seven plus the combinable filters below.
 */
export const CONSENT_VALUES = ['given', 'missing'] as const;
export type ConsentValue = (typeof CONSENT_VALUES)[number];

/** The parameters `/api/calls` adds to the contract's seven; every one combines with the rest. */
export const CALL_FILTER_PARAMS = [
  'q',
  'sentiment',
  'outcome',
  'consent',
  'agent',
  'source_type',
  'from',
  'to',
  'prospect',
  'review',
] as const;

/** One row of the list: everything a column shows, never the transcript. */
export const callListItemSchema = z.object({
  id: z.string(),
  timestampStart: z.nullable(z.string()),
  timestampEnd: z.nullable(z.string()),
  durationSeconds: z.nullable(z.number()),
  callerName: z.nullable(z.string()),
  /** The number the caller gave or, on a phone call without one, the caller ID. */
  callerPhone: z.nullable(z.string()),
  /** Which of the two `callerPhone` is; absent from rows indexed before it was recorded. */
  callerPhoneOrigin: z.optional(z.nullable(z.enum(['given', 'caller-id']))),
  sentiment: z.nullable(z.string()),
  prospectStatus: z.nullable(z.string()),
  /** `true` given, `false` refused, `null` unknown; the `consent=missing` filter takes both. */
  consentGiven: z.nullable(z.boolean()),
  summary: z.nullable(z.string()),
  status: z.nullable(z.string()),
  sourceType: z.nullable(z.string()),
  agentId: z.nullable(z.string()),
  /** The agent's name from the Agents API; the raw id when the API has none. */
  agentName: z.nullable(z.string()),
  /** The call's review, when the server keeps reviews. */
  review: z.optional(callReviewSummarySchema),
});
export type CallListItem = z.infer<typeof callListItemSchema>;

const countsSchema = z.record(z.string(), z.number());

/** Counts per value under every other active filter: what a faceted filter shows beside a value. */
export const callFacetsSchema = z.object({
  sentiment: countsSchema,
  outcome: countsSchema,
  consent: z.object({ given: z.number(), missing: z.number() }),
  agent: z.array(z.object({ id: z.string(), name: z.string(), count: z.number() })),
});
export type CallFacets = z.infer<typeof callFacetsSchema>;

export const callListSchema = z.object({
  items: z.array(callListItemSchema),
  total: z.number(),
  facets: callFacetsSchema,
});
export type CallList = z.infer<typeof callListSchema>;

export const SYNC_STATES = ['backfilling', 'idle', 'error'] as const;

/** `GET /api/sync`: how current the index is, in words a status line can show. */
export const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  indexed: z.number(),
  lastSuccessAt: z.nullable(z.string()),
  lagSeconds: z.nullable(z.number()),
  lastError: z.nullable(z.string()),
  /**
   * While backfilling: conversations read so far in this sweep, and how many the API holds when
   * it says so (its `X-Total-Count`); `total` is null when it does not, as Trata's contract has
   * no total, so a progress bar can only show the count so far.
   */
  backfill: z.object({ done: z.boolean(), seen: z.number(), total: z.nullable(z.number()) }),
  /** Sorts the API refused and what is used instead, and other degradations, in words. */
  notes: z.array(z.string()),
  skipped: z.array(z.object({ id: z.string(), reason: z.string(), at: z.string() })),
  skippedCount: z.number(),
  /**
   * With several replicas on one database, only one syncs; the others serve the same index on
   * standby, and take over when it stops. Absent from older servers, which always sync.
   */
  replica: z.optional(z.enum(['syncing', 'standby'])),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** An AI agent as Trata's Agents API describes it (only the fields Callscope uses are checked). */
export const aiAgentSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: z.nullish(z.string()),
  role: z.nullish(z.string()),
  timezone: z.nullish(z.string()),
});
export type AiAgent = z.infer<typeof aiAgentSchema>;
