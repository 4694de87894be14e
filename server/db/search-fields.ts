import { SEARCH_VALUE_MIN, type SearchByField } from '../../contract';
import { phoneSearchNeedle } from './phone-search';
import { COUNTED_FIELDS, fold, type CountedField } from './row-mapping';

/**
 * How each `search_by` field is answered. All match a case-insensitive substring (phone numbers
 * on digits, see `phone-search.ts`), exactly as `testing/reference-list.ts` does.
 *
 * - `counted`: few distinct values (status, source type, sentiment, prospect status). The values
 *   containing the text are picked from `value_counts`, which also gives the exact total; rows are
 *   then found by equality.
 * - `fts`: an FTS5 trigram index gives candidate rows (every trigram of the text must occur), and
 *   `instr` on the folded column checks each candidate, so the result is exact.
 */
export type SearchField =
  | {
      kind: 'counted';
      field: CountedField;
      column: string;
      /** The equality index that finds the rows of a value (status: its own per sort). */
      index?: string;
    }
  | {
      kind: 'fts';
      table: 'fts_short' | 'fts_transcript' | 'fts_summary';
      /** The folded column checked with `instr`, qualified by its table alias. */
      column: string;
      /** Column filter inside a multi-column FTS table. */
      ftsColumn?: string;
    };

const short = (column: string): SearchField => ({
  kind: 'fts',
  table: 'fts_short',
  column: `c.${column}`,
  ftsColumn: column,
});

export const SEARCH_FIELDS: Record<SearchByField, SearchField> = {
  id: short('id_l'),
  prospectId: short('prospect_l'),
  aiAgentId: short('agent_l'),
  name_of_caller: short('name_l'),
  phone_number_of_caller: short('phone_d'),
  email_address_of_caller: short('email_l'),
  status: { kind: 'counted', field: 'status', column: COUNTED_FIELDS.status },
  sourceType: {
    kind: 'counted',
    field: 'sourceType',
    column: COUNTED_FIELDS.sourceType,
    index: 'conv_source_type',
  },
  sentiment_of_caller: {
    kind: 'counted',
    field: 'sentiment_of_caller',
    column: COUNTED_FIELDS.sentiment_of_caller,
    index: 'conv_sort_sentiment',
  },
  prospectStatus: {
    kind: 'counted',
    field: 'prospectStatus',
    column: COUNTED_FIELDS.prospectStatus,
    index: 'conv_sort_prospect_status',
  },
  transcript: { kind: 'fts', table: 'fts_transcript', column: 't.transcript_l' },
  summary: { kind: 'fts', table: 'fts_summary', column: 't.summary_l' },
};

/** The text as stored: folded, or for phone numbers the digits `phoneSearchNeedle` picks. */
export function searchNeedle(field: SearchByField, value: string): string {
  return field === 'phone_number_of_caller' ? phoneSearchNeedle(value) : fold(value);
}

/** A trigram index cannot answer fewer than 3 characters; the API refuses such values. */
export const MIN_NEEDLE_LENGTH = SEARCH_VALUE_MIN;

/**
 * The FTS5 query: every distinct trigram of the needle, each a quoted one-token string (so no
 * character of the user's text is FTS syntax), all required.
 */
export function trigramQuery(needle: string, ftsColumn?: string): string {
  const chars = [...needle];
  if (chars.length < MIN_NEEDLE_LENGTH) {
    throw new RangeError(`A search needs at least ${MIN_NEEDLE_LENGTH} characters`);
  }
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) trigrams.add(chars.slice(i, i + 3).join(''));
  const terms = [...trigrams].map((trigram) => `"${trigram.replaceAll('"', '""')}"`).join(' AND ');
  return ftsColumn ? `${ftsColumn} : (${terms})` : terms;
}
