import {
  LIMIT_DEFAULT,
  LIMIT_MAX,
  LIMIT_MIN,
  SEARCH_BY_FIELDS,
  SEARCH_VALUE_MIN,
  SORT_BY_FIELDS,
  SORT_ORDERS,
  type ValidationIssue,
} from '../../contract';
import type { ListQuery } from '../db/conversation-store';
import { expectedChoices, validationProblem } from './fastapi-errors';

/**
 * A search shorter than SEARCH_VALUE_MIN (digits, for a phone number) is a 422: the FTS5 trigram
 * index cannot answer a shorter substring, and every other way to answer one at a million rows is
 * a scan, while one or two letters match nearly every transcript anyway.
 */
/** Long enough for any real search; a 100 KB value is a 422, not a 100 KB FTS query. */
export const SEARCH_VALUE_MAX = 500;
const STATUS_MAX = 64;
const SKIP_MAX = Number.MAX_SAFE_INTEGER;

type RawQuery = Map<string, string[]>;

/**
 * Splits a raw query string, keeping repeats and noting values that are not valid UTF-8 (the
 * framework's parser would silently replace them).
 */
export function parseRawQuery(url: string): { values: RawQuery; issues: ValidationIssue[] } {
  const values: RawQuery = new Map();
  const issues: ValidationIssue[] = [];
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return { values, issues };
  for (const part of url.slice(queryStart + 1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    const name = safeDecode(rawName);
    const value = safeDecode(rawValue);
    if (name === null) continue;
    if (value === null) {
      issues.push({
        type: 'string_unicode',
        loc: ['query', name],
        msg: 'Input should be a valid string, unable to parse raw data as a unicode string',
        input: rawValue,
      });
      continue;
    }
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return { values, issues };
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

/** The list endpoint's seven parameters, with every problem reported at once as FastAPI does. */
export function validateListQuery(url: string): ListQuery {
  const { values, issues } = parseRawQuery(url);
  const single = (name: string): string | undefined => {
    const all = values.get(name);
    if (!all) return undefined;
    if (all.length > 1) {
      issues.push({
        type: 'multiple_values',
        loc: ['query', name],
        msg: 'Input should be given once, not repeated',
        input: all,
      });
      return undefined;
    }
    const value = all[0]!;
    if (value.includes('\u0000')) {
      issues.push({
        type: 'string_pattern_mismatch',
        loc: ['query', name],
        msg: 'Input should not contain NUL characters',
        input: value,
      });
      return undefined;
    }
    return value;
  };

  const searchBy = choice(issues, 'search_by', single('search_by'), SEARCH_BY_FIELDS);
  const searchValue = text(
    issues,
    'search_value',
    single('search_value'),
    SEARCH_VALUE_MIN,
    SEARCH_VALUE_MAX,
  );
  const status = text(issues, 'status', single('status'), 0, STATUS_MAX);
  const sortBy = choice(issues, 'sort_by', single('sort_by'), SORT_BY_FIELDS);
  const sortOrder = choice(issues, 'sort_order', single('sort_order'), SORT_ORDERS);
  const skip = integer(issues, 'skip', single('skip'), 0, SKIP_MAX);
  const limit = integer(issues, 'limit', single('limit'), LIMIT_MIN, LIMIT_MAX);

  const hasSearchBy = values.has('search_by');
  const hasSearchValue = values.has('search_value');
  if (hasSearchBy !== hasSearchValue) {
    const missing = hasSearchBy ? 'search_value' : 'search_by';
    issues.push({
      type: 'missing',
      loc: ['query', missing],
      msg: `Field required when ${hasSearchBy ? 'search_by' : 'search_value'} is given`,
      input: null,
    });
  }
  if (
    searchBy === 'phone_number_of_caller' &&
    searchValue !== undefined &&
    searchValue.replace(/\D/g, '').length < SEARCH_VALUE_MIN
  ) {
    issues.push({
      type: 'string_too_short',
      loc: ['query', 'search_value'],
      msg: `A phone search should have at least ${SEARCH_VALUE_MIN} digits`,
      input: searchValue,
      ctx: { min_length: SEARCH_VALUE_MIN },
    });
  }
  if (issues.length) throw validationProblem(issues);
  return {
    ...(searchBy && searchValue !== undefined
      ? { search_by: searchBy, search_value: searchValue }
      : {}),
    ...(status !== undefined ? { status } : {}),
    ...(sortBy ? { sort_by: sortBy } : {}),
    sort_order: sortOrder ?? 'asc',
    skip: skip ?? 0,
    limit: limit ?? LIMIT_DEFAULT,
  };
}

/** Paging alone, for the prospect route. */
export function validatePaging(url: string): { skip: number; limit: number } {
  const { values, issues } = parseRawQuery(url);
  const one = (name: string) => {
    const all = values.get(name);
    if (all && all.length > 1) {
      issues.push({
        type: 'multiple_values',
        loc: ['query', name],
        msg: 'Input should be given once, not repeated',
        input: all,
      });
      return undefined;
    }
    return all?.[0];
  };
  const skip = integer(issues, 'skip', one('skip'), 0, SKIP_MAX);
  const limit = integer(issues, 'limit', one('limit'), LIMIT_MIN, LIMIT_MAX);
  if (issues.length) throw validationProblem(issues);
  return { skip: skip ?? 0, limit: limit ?? LIMIT_DEFAULT };
}

function choice<T extends string>(
  issues: ValidationIssue[],
  name: string,
  value: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  const expected = expectedChoices(choices);
  issues.push({
    type: 'enum',
    loc: ['query', name],
    msg: `Input should be ${expected}`,
    input: value,
    ctx: { expected },
  });
  return undefined;
}

function text(
  issues: ValidationIssue[],
  name: string,
  value: string | undefined,
  min: number,
  max: number,
) {
  if (value === undefined) return undefined;
  const length = [...value].length;
  if (length < min) {
    const unit = min === 1 ? 'character' : 'characters';
    issues.push({
      type: 'string_too_short',
      loc: ['query', name],
      msg: `String should have at least ${min} ${unit}`,
      input: value,
      ctx: { min_length: min },
    });
    return undefined;
  }
  if (length > max) {
    issues.push({
      type: 'string_too_long',
      loc: ['query', name],
      msg: `String should have at most ${max} characters`,
      input: value.slice(0, 100),
      ctx: { max_length: max },
    });
    return undefined;
  }
  return value;
}

function integer(
  issues: ValidationIssue[],
  name: string,
  value: string | undefined,
  min: number,
  max: number,
) {
  if (value === undefined) return undefined;
  if (!/^\s*[+-]?\d+\s*$/.test(value)) {
    issues.push({
      type: 'int_parsing',
      loc: ['query', name],
      msg: 'Input should be a valid integer, unable to parse string as an integer',
      input: value,
    });
    return undefined;
  }
  const number = Number(value);
  if (number < min) {
    issues.push({
      type: 'greater_than_equal',
      loc: ['query', name],
      msg: `Input should be greater than or equal to ${min}`,
      input: value,
      ctx: { ge: min },
    });
    return undefined;
  }
  if (number > max) {
    issues.push({
      type: 'less_than_equal',
      loc: ['query', name],
      msg: `Input should be less than or equal to ${max}`,
      input: value,
      ctx: { le: max },
    });
    return undefined;
  }
  return number;
}
