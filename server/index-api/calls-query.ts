import {
  CONSENT_VALUES,
  parseTrataTimestamp,
  PROSPECT_STATUSES,
  SEARCH_VALUE_MIN,
  SENTIMENTS,
  type ConsentValue,
  type ValidationIssue,
} from '../../contract';
import { expectedChoices, HttpProblem, validationProblem } from '../api/fastapi-errors';
import { parseRawQuery, SEARCH_VALUE_MAX, validateListQuery } from '../api/query-validation';
import type { CallQuery } from '../store/types';

/** More values than any filter has (agents included) is a mistake, not a query. */
export const MAX_REPEATS = 100;
const TEXT_MAX = 200;
// Control characters have no place in a search, and the index separates fields with one.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * `/api/calls` parameters: the contract's seven, validated exactly as the demo API does, plus the
 * combinable filters. Every problem comes back at once, in FastAPI's 422 shape.
 */
export function validateCallQuery(url: string): CallQuery {
  const issues: ValidationIssue[] = [];
  let base: ReturnType<typeof validateListQuery> | undefined;
  try {
    base = validateListQuery(url);
  } catch (error) {
    if (!(error instanceof HttpProblem) || typeof error.body.detail === 'string') throw error;
    issues.push(...error.body.detail);
  }
  const { values } = parseRawQuery(url);
  const issue = (
    name: string,
    type: string,
    msg: string,
    input: unknown,
    ctx?: Record<string, unknown>,
  ) => issues.push({ type, loc: ['query', name], msg, input, ...(ctx ? { ctx } : {}) });
  const shown = (value: string) => (value.length > 100 ? value.slice(0, 100) : value);

  const many = (name: string): string[] | undefined => {
    const all = values.get(name);
    if (!all) return undefined;
    if (all.length > MAX_REPEATS) {
      issue(name, 'too_long', `List should have at most ${MAX_REPEATS} items`, all.slice(0, 10), {
        max_length: MAX_REPEATS,
      });
      return undefined;
    }
    return [...new Set(all)];
  };
  const one = (name: string): string | undefined => {
    const all = values.get(name);
    if (!all) return undefined;
    if (all.length > 1) {
      issue(name, 'multiple_values', 'Input should be given once, not repeated', all.slice(0, 10));
      return undefined;
    }
    return all[0];
  };
  const choices = <T extends string>(
    name: string,
    list: string[] | undefined,
    allowed: readonly T[],
  ) => {
    if (!list) return undefined;
    const bad = list.filter((value) => !(allowed as readonly string[]).includes(value));
    for (const value of bad.slice(0, 10)) {
      const expected = expectedChoices(allowed);
      issue(name, 'enum', `Input should be ${expected}`, shown(value), { expected });
    }
    return bad.length ? undefined : (list as T[]);
  };
  const text = (name: string, value: string | undefined, min: number, max: number) => {
    if (value === undefined) return undefined;
    const length = [...value].length;
    if (CONTROL.test(value)) {
      issue(
        name,
        'string_pattern_mismatch',
        'Input should not contain control characters',
        shown(value),
      );
    } else if (length < min) {
      issue(name, 'string_too_short', `String should have at least ${min} characters`, value, {
        min_length: min,
      });
    } else if (length > max) {
      issue(name, 'string_too_long', `String should have at most ${max} characters`, shown(value), {
        max_length: max,
      });
    } else return value;
    return undefined;
  };
  const instant = (name: string) => {
    const value = one(name);
    if (value === undefined) return undefined;
    const ms = value.length <= 64 ? parseTrataTimestamp(value) : null;
    if (ms === null) {
      issue(
        name,
        'datetime_parsing',
        'Input should be a valid ISO 8601 date-time, for example 2024-11-11T05:06:21Z',
        shown(value),
      );
      return undefined;
    }
    return ms;
  };

  const q = text('q', one('q'), SEARCH_VALUE_MIN, SEARCH_VALUE_MAX);
  const sentiment = choices('sentiment', many('sentiment'), SENTIMENTS);
  const outcome = choices('outcome', many('outcome'), PROSPECT_STATUSES);
  const consentValue = one('consent');
  const consentList = choices(
    'consent',
    consentValue === undefined ? undefined : [consentValue],
    CONSENT_VALUES,
  );
  const agentValues = many('agent');
  const agent = agentValues?.every((value) => text('agent', value, 1, TEXT_MAX) !== undefined)
    ? agentValues
    : undefined;
  const sourceType = text('source_type', one('source_type'), 1, TEXT_MAX);
  const prospect = text('prospect', one('prospect'), 1, TEXT_MAX);
  const from = instant('from');
  const to = instant('to');
  if (from !== undefined && to !== undefined && from >= to) {
    issue('to', 'greater_than', 'to should be later than from', values.get('to')?.[0], {
      gt: values.get('from')?.[0],
    });
  }
  if (issues.length || !base) throw validationProblem(issues);
  const consent: ConsentValue | undefined = consentList?.[0];
  return {
    ...base,
    ...(q !== undefined ? { q } : {}),
    ...(sentiment ? { sentiment } : {}),
    ...(outcome ? { outcome } : {}),
    ...(consent ? { consent } : {}),
    ...(agent ? { agent } : {}),
    ...(sourceType !== undefined ? { source_type: sourceType } : {}),
    ...(prospect !== undefined ? { prospect } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}
