import type { CallQuery } from '../store/types';
import { localTimeFormat } from './export-columns';

/** The words of a view that name its export: its filters, in the order the list shows them. */
export function exportViewWords(query: CallQuery, agentName: (id: string) => string): string[] {
  const words: string[] = [];
  if (query.q !== undefined) words.push(query.q);
  if (query.search_value !== undefined) words.push(query.search_value);
  if (query.from !== undefined)
    words.push(`from ${new Date(query.from).toISOString().slice(0, 10)}`);
  if (query.to !== undefined) words.push(`to ${new Date(query.to).toISOString().slice(0, 10)}`);
  words.push(...(query.sentiment ?? []), ...(query.outcome ?? []));
  if (query.consent !== undefined) words.push(`consent ${query.consent}`);
  words.push(...(query.agent ?? []).map(agentName));
  if (query.source_type !== undefined) words.push(query.source_type);
  if (query.status !== undefined) words.push(query.status);
  if (query.review) {
    words.push(
      ...query.review.states,
      ...(query.review.rated ? ['rated'] : []),
      ...(query.review.reviewer !== null ? ['mine'] : []),
    );
  }
  if (query.prospect !== undefined) words.push(`caller ${query.prospect}`);
  return words;
}

/** Today's date (`2026-12-02`) in `timeZone`. */
export function exportDate(timeZone: string, now = Date.now()): string {
  return localTimeFormat(timeZone).format(now).slice(0, 10);
}
