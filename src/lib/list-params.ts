import * as z from 'zod/mini';
import {
  CONSENT_VALUES,
  CONVERSATION_STATUSES,
  PROSPECT_STATUSES,
  REVIEW_FILTERS,
  SEARCH_BY_FIELDS,
  searchValueProblem,
  SENTIMENTS,
  SORT_BY_FIELDS,
  SORT_ORDERS,
  type ConsentValue,
  type ProspectStatus,
  type ReviewFilter,
  type Sentiment,
} from '@contract';
import { parseInstant } from './list-instants';

/**
 * The call list's state, kept only in the URL under the list API's own parameter names. Parsing
 * never throws: an invalid value is dropped (or falls back to its default) and the caller
 * corrects the URL. Multi-valued filters are repeated parameters (`sentiment=a&sentiment=b`).
 */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const LIST_DEFAULTS = {
  sort_by: 'timestampStart',
  sort_order: 'desc',
  skip: 0,
  limit: 25,
} as const;

const MAX_SEARCH_LENGTH = 500;
const MAX_TEXT_LENGTH = 200;
/** More agents than any account has is a mistake in the URL, not a filter. */
const MAX_AGENTS = 100;

const searchText = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_SEARCH_LENGTH));
// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const plainText = z
  .string()
  .check(z.minLength(1), z.maxLength(MAX_TEXT_LENGTH), z.regex(NO_CONTROL));

const fieldSchemas = {
  search_by: z.enum(SEARCH_BY_FIELDS),
  search_value: searchText,
  q: searchText,
  consent: z.enum(CONSENT_VALUES),
  source_type: plainText,
  // A status the filter cannot offer would show as a chip the select contradicts.
  status: z.enum(CONVERSATION_STATUSES),
  sort_by: z.enum(SORT_BY_FIELDS),
  sort_order: z.enum(SORT_ORDERS),
  skip: z.coerce.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  limit: z.coerce.number().check(
    z.int(),
    z.refine((value) => (PAGE_SIZES as readonly number[]).includes(value)),
  ),
};

export interface ListParams {
  search_by?: z.infer<typeof fieldSchemas.search_by>;
  search_value?: string;
  /** Free text over transcript, summary and the caller's name, phone and email. */
  q?: string;
  /** In the contract's order; absent when empty. */
  sentiment?: Sentiment[];
  /** In the contract's order; absent when empty. */
  outcome?: ProspectStatus[];
  consent?: ConsentValue;
  /** Agent ids, in the order chosen; absent when empty. */
  agent?: string[];
  source_type?: string;
  /** Review states (any of them) and/or `mine`, in the contract's order; absent when empty. */
  review?: ReviewFilter[];
  /** ISO 8601 instants on the call's start: `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
  status?: z.infer<typeof fieldSchemas.status>;
  sort_by: z.infer<typeof fieldSchemas.sort_by>;
  sort_order: z.infer<typeof fieldSchemas.sort_order>;
  skip: number;
  limit: PageSize;
}

/** Every URL name the list owns, in the order the serializer writes them. */
export const LIST_PARAM_NAMES = [
  'search_by',
  'search_value',
  'q',
  'sentiment',
  'outcome',
  'consent',
  'agent',
  'source_type',
  'review',
  'from',
  'to',
  'status',
  'sort_by',
  'sort_order',
  'skip',
  'limit',
] as const;

/** The names that filter (everything but sort and paging): what "Clear all" removes. */
export const FILTER_PARAM_NAMES = [
  'search_by',
  'search_value',
  'q',
  'sentiment',
  'outcome',
  'consent',
  'agent',
  'source_type',
  'review',
  'from',
  'to',
  'status',
] as const satisfies readonly (keyof ListParams)[];

export interface ParsedListParams {
  params: ListParams;
  /** True when the URL held something invalid, repeated or redundant and should be replaced. */
  needsCorrection: boolean;
}

type SingleName = keyof typeof fieldSchemas;

export function parseListParams(search: URLSearchParams): ParsedListParams {
  let needsCorrection = false;
  const pick = <K extends SingleName>(name: K) => {
    const values = search.getAll(name);
    if (values.length === 0) return undefined;
    if (values.length > 1) needsCorrection = true;
    const parsed = fieldSchemas[name].safeParse(values[values.length - 1]);
    if (!parsed.success) needsCorrection = true;
    return parsed.success ? (parsed.data as z.infer<(typeof fieldSchemas)[K]>) : undefined;
  };
  /** The valid values of a repeated parameter, each once, in `order` when one is given. */
  const pickMany = <T extends string>(name: string, allowed: (value: string) => value is T) => {
    const values = search.getAll(name);
    const valid = [...new Set(values.filter(allowed))];
    if (valid.length !== values.length) needsCorrection = true;
    return valid;
  };

  let search_by = pick('search_by');
  let search_value = pick('search_value');
  if ((search_by === undefined) !== (search_value === undefined)) {
    // The API needs both or neither; half a search is dropped rather than sent as a 422.
    needsCorrection = true;
    search_by = undefined;
    search_value = undefined;
  }
  const sentiment = sortedAs(SENTIMENTS, pickMany('sentiment', isOneOf(SENTIMENTS)));
  const outcome = sortedAs(PROSPECT_STATUSES, pickMany('outcome', isOneOf(PROSPECT_STATUSES)));
  // Older links filtered by sentiment or outcome through the one search; they become the
  // facets they mean, so they combine with a text search.
  if (search_by === 'sentiment_of_caller' && isOneOf(SENTIMENTS)(search_value?.toLowerCase())) {
    mergeInto(sentiment, SENTIMENTS, search_value.toLowerCase());
    search_by = search_value = undefined;
    needsCorrection = true;
  } else if (
    search_by === 'prospectStatus' &&
    isOneOf(PROSPECT_STATUSES)(search_value?.toUpperCase())
  ) {
    mergeInto(outcome, PROSPECT_STATUSES, search_value.toUpperCase());
    search_by = search_value = undefined;
    needsCorrection = true;
  }
  const agent = pickMany('agent', isPlainText).slice(0, MAX_AGENTS);
  const review = sortedAs(REVIEW_FILTERS, pickMany('review', isOneOf(REVIEW_FILTERS)));
  let from = pickInstant(search, 'from', 'start', () => (needsCorrection = true));
  let to = pickInstant(search, 'to', 'end', () => (needsCorrection = true));
  if (from !== undefined && to !== undefined && Date.parse(from) >= Date.parse(to)) {
    // An empty range is a mistake, not a filter: it is dropped rather than shown as no calls.
    needsCorrection = true;
    from = to = undefined;
  }

  const params: ListParams = {
    ...(search_by && search_value ? { search_by, search_value } : {}),
    ...optional('q', pick('q')),
    ...(sentiment.length ? { sentiment } : {}),
    ...(outcome.length ? { outcome } : {}),
    ...optional('consent', pick('consent')),
    ...(agent.length ? { agent } : {}),
    ...optional('source_type', pick('source_type')),
    ...(review.length ? { review } : {}),
    ...optional('from', from),
    ...optional('to', to),
    ...optional('status', pick('status')),
    sort_by: pick('sort_by') ?? LIST_DEFAULTS.sort_by,
    sort_order: pick('sort_order') ?? LIST_DEFAULTS.sort_order,
    skip: pick('skip') ?? LIST_DEFAULTS.skip,
    limit: (pick('limit') as PageSize | undefined) ?? LIST_DEFAULTS.limit,
  };
  if (!needsCorrection) {
    needsCorrection = serializeListParams(params).toString() !== canonicalOf(search);
  }
  return { params, needsCorrection };
}

const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (value: string | undefined): value is T =>
    (list as readonly (string | undefined)[]).includes(value);

const isPlainText = (value: string): value is string =>
  fieldSchemas.source_type.safeParse(value).success;

function sortedAs<T extends string>(order: readonly T[], values: T[]): T[] {
  return order.filter((value) => values.includes(value));
}

function mergeInto<T extends string>(values: T[], order: readonly T[], value: T): void {
  const merged = sortedAs(order, [...values, value]);
  values.splice(0, values.length, ...merged);
}

/**
 * An instant from the URL as canonical ISO text. A bare day (`2026-11-03`) is read in the
 * viewer's zone: `from` at its start, `to` at the end of it, so a hand-written link works.
 */
function pickInstant(
  search: URLSearchParams,
  name: 'from' | 'to',
  edge: 'start' | 'end',
  correct: () => void,
): string | undefined {
  const values = search.getAll(name);
  if (values.length === 0) return undefined;
  if (values.length > 1) correct();
  const ms = parseInstant(values[values.length - 1]!, edge);
  if (ms === null) {
    correct();
    return undefined;
  }
  return new Date(ms).toISOString();
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** Only the list's own params, in the serializer's order, so "already canonical" is a string compare. */
function canonicalOf(search: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const name of LIST_PARAM_NAMES) {
    for (const value of search.getAll(name)) out.append(name, value);
  }
  return out.toString();
}

/** The filters, in the URL's order, every value explicit. */
function appendFilters(out: URLSearchParams, params: ListParams): void {
  if (params.search_by && params.search_value) {
    out.set('search_by', params.search_by);
    out.set('search_value', params.search_value);
  }
  if (params.q) out.set('q', params.q);
  for (const value of params.sentiment ?? []) out.append('sentiment', value);
  for (const value of params.outcome ?? []) out.append('outcome', value);
  if (params.consent) out.set('consent', params.consent);
  for (const value of params.agent ?? []) out.append('agent', value);
  if (params.source_type) out.set('source_type', params.source_type);
  for (const value of params.review ?? []) out.append('review', value);
  if (params.from) out.set('from', params.from);
  if (params.to) out.set('to', params.to);
  if (params.status) out.set('status', params.status);
}

/** The URL form: defaults are left out so that shared links stay short and stable. */
export function serializeListParams(params: ListParams): URLSearchParams {
  const out = new URLSearchParams();
  appendFilters(out, params);
  if (params.sort_by !== LIST_DEFAULTS.sort_by) out.set('sort_by', params.sort_by);
  if (params.sort_order !== LIST_DEFAULTS.sort_order) out.set('sort_order', params.sort_order);
  if (params.skip !== LIST_DEFAULTS.skip) out.set('skip', String(params.skip));
  if (params.limit !== LIST_DEFAULTS.limit) out.set('limit', String(params.limit));
  return out;
}

/** The API form: every value explicit, so the list never depends on the server's defaults. */
export function toApiQuery(params: ListParams): URLSearchParams {
  const out = new URLSearchParams();
  appendFilters(out, params);
  out.set('sort_by', params.sort_by);
  out.set('sort_order', params.sort_order);
  out.set('skip', String(params.skip));
  out.set('limit', String(params.limit));
  return out;
}

export const DEFAULT_LIST_PARAMS: ListParams = { ...LIST_DEFAULTS };

/** Is any filter on (anything but sort and paging)? */
export function hasFilters(params: ListParams): boolean {
  return FILTER_PARAM_NAMES.some((name) => params[name] !== undefined);
}

/** The same view with no filter, sort and page size kept, from the first page. */
export function withoutFilters(params: ListParams): ListParams {
  return {
    sort_by: params.sort_by,
    sort_order: params.sort_order,
    skip: 0,
    limit: params.limit,
  };
}

/**
 * Why the API would refuse this list's search, in plain words; null when the list can be asked
 * for. A search known to fail is never sent.
 */
export function listSearchProblem(params: ListParams): string | null {
  if (params.q) {
    const problem = searchValueProblem('transcript', params.q);
    if (problem) return problem;
  }
  if (!params.search_by || !params.search_value) return null;
  return searchValueProblem(params.search_by, params.search_value);
}
