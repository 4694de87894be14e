import type * as z from 'zod/mini';
import type { ValidationIssue } from '../../contract';
import { validationProblem } from './fastapi-errors';

/** Parses a JSON request body as FastAPI would: a decode error or any schema problem is a 422. */
export function parseJsonBody<T>(raw: string | undefined, schema: z.ZodMiniType<T>): T {
  if (raw === undefined || raw.trim() === '') {
    throw validationProblem([
      { type: 'missing', loc: ['body'], msg: 'Field required', input: null },
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw validationProblem([
      {
        type: 'json_invalid',
        loc: ['body', 0],
        msg: 'JSON decode error',
        input: {},
        ctx: { error: error instanceof Error ? error.message : 'invalid JSON' },
      },
    ]);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw validationProblem(parsed.error.issues.flatMap((issue) => toFastApiIssues(issue, data)));
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['string_type', 'Input should be a valid string'],
  number: ['int_type', 'Input should be a valid integer'],
  int: ['int_type', 'Input should be a valid integer'],
  boolean: ['bool_type', 'Input should be a valid boolean'],
  array: ['list_type', 'Input should be a valid list'],
  object: ['model_type', 'Input should be a valid dictionary or object to extract fields from'],
};

function toFastApiIssues(issue: z.core.$ZodIssue, data: unknown): ValidationIssue[] {
  const loc = ['body', ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
  const input = valueAt(data, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        type: 'extra_forbidden',
        loc: [...loc, key],
        msg: 'Extra inputs are not permitted',
        input: valueAt(data, [...issue.path, key]),
      }));
    case 'invalid_type': {
      if (input === undefined)
        return [{ type: 'missing', loc, msg: 'Field required', input: null }];
      const [type, msg] = TYPE_NAMES[issue.expected] ?? ['type_error', issue.message];
      return [{ type, loc, msg, input }];
    }
    case 'too_big':
      return [
        issue.origin === 'string'
          ? {
              type: 'string_too_long',
              loc,
              msg: `String should have at most ${issue.maximum} characters`,
              input,
              ctx: { max_length: Number(issue.maximum) },
            }
          : issue.origin === 'array'
            ? {
                type: 'too_long',
                loc,
                msg: `List should have at most ${issue.maximum} items`,
                input: null,
                ctx: { max_length: Number(issue.maximum) },
              }
            : {
                type: 'less_than_equal',
                loc,
                msg: `Input should be less than or equal to ${issue.maximum}`,
                input,
                ctx: { le: Number(issue.maximum) },
              },
      ];
    case 'too_small':
      return [
        issue.origin === 'string'
          ? {
              type: 'string_too_short',
              loc,
              msg: `String should have at least ${issue.minimum} characters`,
              input,
              ctx: { min_length: Number(issue.minimum) },
            }
          : {
              type: 'greater_than_equal',
              loc,
              msg: `Input should be greater than or equal to ${issue.minimum}`,
              input,
              ctx: { ge: Number(issue.minimum) },
            },
      ];
    default:
      return [{ type: 'value_error', loc, msg: `Value error, ${issue.message}`, input }];
  }
}
