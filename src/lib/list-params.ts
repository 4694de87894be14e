import * as z from 'zod/mini';
import {
  CONVERSATION_STATUSES,
  SEARCH_BY_FIELDS,
  searchValueProblem,
  SORT_BY_FIELDS,
  SORT_ORDERS,
} from '@contract';

/**
 * The call list's state, kept only in the URL under the API's own parameter names. Parsing never
 * throws: an invalid value falls back to its default and the caller corrects the URL.
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

const fieldSchemas = {
  search_by: z.enum(SEARCH_BY_FIELDS),
  search_value: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_SEARCH_LENGTH)),
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
  status?: z.infer<typeof fieldSchemas.status>;
  sort_by: z.infer<typeof fieldSchemas.sort_by>;
  sort_order: z.infer<typeof fieldSchemas.sort_order>;
  skip: number;
  limit: PageSize;
}

export const LIST_PARAM_NAMES = Object.keys(fieldSchemas) as (keyof typeof fieldSchemas)[];

export interface ParsedListParams {
  params: ListParams;
  /** True when the URL held something invalid, repeated or redundant and should be replaced. */
  needsCorrection: boolean;
}

export function parseListParams(search: URLSearchParams): ParsedListParams {
  let needsCorrection = false;
  const pick = <K extends keyof typeof fieldSchemas>(name: K) => {
    const values = search.getAll(name);
    if (values.length === 0) return undefined;
    if (values.length > 1) needsCorrection = true;
    const parsed = fieldSchemas[name].safeParse(values[values.length - 1]);
    if (!parsed.success) needsCorrection = true;
    return parsed.success ? (parsed.data as z.infer<(typeof fieldSchemas)[K]>) : undefined;
  };

  let search_by = pick('search_by');
  let search_value = pick('search_value');
  if ((search_by === undefined) !== (search_value === undefined)) {
    // The API needs both or neither; half a search is dropped rather than sent as a 422.
    needsCorrection = true;
    search_by = undefined;
    search_value = undefined;
  }
  const params: ListParams = {
    ...(search_by && search_value ? { search_by, search_value } : {}),
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

/** The URL form: defaults are left out so that shared links stay short and stable. */
export function serializeListParams(params: ListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.search_by && params.search_value) {
    out.set('search_by', params.search_by);
    out.set('search_value', params.search_value);
  }
  if (params.status) out.set('status', params.status);
  if (params.sort_by !== LIST_DEFAULTS.sort_by) out.set('sort_by', params.sort_by);
  if (params.sort_order !== LIST_DEFAULTS.sort_order) out.set('sort_order', params.sort_order);
  if (params.skip !== LIST_DEFAULTS.skip) out.set('skip', String(params.skip));
  if (params.limit !== LIST_DEFAULTS.limit) out.set('limit', String(params.limit));
  return out;
}

/** The API form: every value explicit, since the upstream's defaults are not the list's. */
export function toApiQuery(params: ListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.search_by && params.search_value) {
    out.set('search_by', params.search_by);
    out.set('search_value', params.search_value);
  }
  if (params.status) out.set('status', params.status);
  out.set('sort_by', params.sort_by);
  out.set('sort_order', params.sort_order);
  out.set('skip', String(params.skip));
  out.set('limit', String(params.limit));
  return out;
}

export const DEFAULT_LIST_PARAMS: ListParams = { ...LIST_DEFAULTS };

/**
 * Why the API would refuse this list's search, in plain words; null when the list can be asked
 * for. A search known to fail is never sent.
 */
export function listSearchProblem(params: ListParams): string | null {
  if (!params.search_by || !params.search_value) return null;
  return searchValueProblem(params.search_by, params.search_value);
}
