import { validationIssueSchema, type ValidationIssue } from '../../../contract';
import type { ApiAnswer } from '../client';
import { ensure, excerpt, type Check, type Level } from '../check';

interface Expected {
  type: string;
  loc: string[];
  msg?: string;
  input?: string;
  ctx?: Record<string, unknown>;
}

/** The 422 issues of an answer, failing unless it is FastAPI's shape. */
function issuesOf(answer: ApiAnswer, what: string): ValidationIssue[] {
  ensure(
    answer.status === 422,
    `${what}: expected 422, got ${answer.status} (${excerpt(answer.text)})`,
  );
  const detail = (answer.json as { detail?: unknown } | undefined)?.detail;
  ensure(Array.isArray(detail), `${what}: expected {"detail": [ … ]}, got ${excerpt(answer.text)}`);
  return detail.map((item, index) => {
    const parsed = validationIssueSchema.safeParse(item);
    ensure(
      parsed.success,
      `${what}: issue ${index} lacks type, loc or msg: ${excerpt(JSON.stringify(item))}`,
    );
    return parsed.data;
  });
}

function findIssue(issues: ValidationIssue[], expected: Expected, what: string): string {
  const issue = issues.find((item) => JSON.stringify(item.loc) === JSON.stringify(expected.loc));
  ensure(
    issue,
    `${what}: no issue at loc ${JSON.stringify(expected.loc)} in ${excerpt(JSON.stringify(issues))}`,
  );
  ensure(issue.type === expected.type, `${what}: type ${issue.type}, expected ${expected.type}`);
  if (expected.msg !== undefined)
    ensure(issue.msg === expected.msg, `${what}: msg "${issue.msg}", expected "${expected.msg}"`);
  if (expected.input !== undefined)
    ensure(
      issue.input === expected.input,
      `${what}: input ${JSON.stringify(issue.input)}, expected the raw text "${expected.input}"`,
    );
  for (const [key, value] of Object.entries(expected.ctx ?? {})) {
    ensure(
      issue.ctx?.[key] === value,
      `${what}: ctx.${key} is ${JSON.stringify(issue.ctx?.[key])}, expected ${JSON.stringify(value)}`,
    );
  }
  return `${what}: ${issue.type} at ${issue.loc.join('.')}`;
}

function invalidQuery(level: Level, title: string, query: string, expected: Expected[]): Check {
  return {
    area: 'errors',
    level,
    title,
    async run({ client }) {
      const answer = await client.get(`/v1/conversations?${query}`);
      const issues = issuesOf(answer, query);
      return expected.map((item) => findIssue(issues, item, query));
    },
  };
}

const LIMIT = ['query', 'limit'];
const SKIP = ['query', 'skip'];

export const errorChecks: Check[] = [
  invalidQuery('contract', 'limit above 100 is a 422 less_than_equal', 'limit=200', [
    {
      type: 'less_than_equal',
      loc: LIMIT,
      msg: 'Input should be less than or equal to 100',
      input: '200',
      ctx: { le: 100 },
    },
  ]),
  invalidQuery('contract', 'limit below 1 is a 422 greater_than_equal', 'limit=0', [
    {
      type: 'greater_than_equal',
      loc: LIMIT,
      msg: 'Input should be greater than or equal to 1',
      input: '0',
      ctx: { ge: 1 },
    },
  ]),
  invalidQuery('contract', 'a limit that is not a number is a 422 int_parsing', 'limit=ten', [
    {
      type: 'int_parsing',
      loc: LIMIT,
      msg: 'Input should be a valid integer, unable to parse string as an integer',
      input: 'ten',
    },
  ]),
  invalidQuery('contract', 'a negative skip is a 422 greater_than_equal', 'skip=-1', [
    { type: 'greater_than_equal', loc: SKIP, input: '-1', ctx: { ge: 0 } },
  ]),
  invalidQuery('contract', 'sort_order other than asc/desc is a 422 enum', 'sort_order=up', [
    {
      type: 'enum',
      loc: ['query', 'sort_order'],
      msg: "Input should be 'asc' or 'desc'",
      input: 'up',
    },
  ]),
  invalidQuery('contract', 'a 422 lists every problem at once', 'limit=0&skip=-1', [
    { type: 'greater_than_equal', loc: LIMIT },
    { type: 'greater_than_equal', loc: SKIP },
  ]),
  invalidQuery(
    'project',
    'an unknown search_by field is a 422',
    'search_by=no_such_field&search_value=abc',
    [{ type: 'enum', loc: ['query', 'search_by'] }],
  ),
  invalidQuery('project', 'an unknown sort_by field is a 422', 'sort_by=no_such_field', [
    { type: 'enum', loc: ['query', 'sort_by'] },
  ]),
  {
    area: 'errors',
    level: 'project',
    title: 'search_by without search_value is a 422',
    async run({ client }) {
      const issues = issuesOf(await client.get('/v1/conversations?search_by=id'), 'search_by=id');
      ensure(
        issues.some((issue) => issue.loc.includes('search_value')),
        `no issue names search_value: ${excerpt(JSON.stringify(issues))}`,
      );
    },
  },
];
