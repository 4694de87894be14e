import {
  CheckFailed,
  CheckSkipped,
  type Check,
  type CheckResult,
  type SampleConversation,
  type SuiteContext,
} from './check';
import { createSuiteClient, type SuiteClient } from './client';
import { authChecks } from './checks/auth';
import { documentedBodyChecks } from './checks/documented-bodies';
import { errorChecks } from './checks/errors';
import { analyticsField, idOf } from './checks/list-helpers';
import { pagingChecks } from './checks/paging';
import { parameterChecks } from './checks/parameters';
import { prospectChecks } from './checks/prospects';
import { shapeChecks } from './checks/shapes';
import { writeChecks } from './checks/writes';

export const ALL_CHECKS: readonly Check[] = [
  ...authChecks,
  ...shapeChecks,
  ...prospectChecks,
  ...parameterChecks,
  ...pagingChecks,
  ...errorChecks,
  ...writeChecks,
  ...documentedBodyChecks,
];

export interface SuiteOptions {
  baseUrl: string;
  token: string;
  allowWrites: boolean;
  timeoutMs?: number;
}

export interface SuiteReport {
  baseUrl: string;
  allowWrites: boolean;
  results: CheckResult[];
  /** False when any documented (contract) check failed. */
  ok: boolean;
  /** Every request sent, for the record (and the read-only test). */
  sent: SuiteClient['sent'];
}

/** Runs every check against one API and reports each, never stopping at the first failure. */
export async function runContractSuite(options: SuiteOptions): Promise<SuiteReport> {
  const client = createSuiteClient(options);
  const context = await learn(client);
  const results: CheckResult[] = [];
  for (const check of ALL_CHECKS) results.push(await runCheck(check, context));
  return {
    baseUrl: options.baseUrl,
    allowWrites: options.allowWrites,
    results,
    ok: results.every((result) => result.outcome !== 'fail'),
    sent: client.sent,
  };
}

async function runCheck(check: Check, context: SuiteContext): Promise<CheckResult> {
  const base = { area: check.area, level: check.level, title: check.title };
  try {
    const notes = (await check.run(context)) ?? [];
    return { ...base, outcome: 'pass', notes };
  } catch (error) {
    if (error instanceof CheckSkipped) return { ...base, outcome: 'skip', notes: [error.message] };
    const notes =
      error instanceof CheckFailed
        ? error.notes.flatMap((note) => note.split('\n'))
        : [`the request failed: ${error instanceof Error ? error.message : String(error)}`];
    return { ...base, outcome: check.level === 'contract' ? 'fail' : 'differs', notes };
  }
}

/** The first page, for ids and values the other checks look up. */
async function learn(client: SuiteClient): Promise<SuiteContext> {
  try {
    const answer = await client.get('/v1/conversations?limit=100');
    const items = Array.isArray(answer.json) ? answer.json : [];
    const total = answer.headers.get('x-total-count');
    const sample: SampleConversation[] = items.flatMap((item: unknown) => {
      const id = idOf(item);
      if (id === null) return [];
      const record = item as { prospectId?: unknown; status?: unknown; adminComments?: unknown };
      return [
        {
          id,
          prospectId: typeof record.prospectId === 'string' ? record.prospectId : null,
          status: typeof record.status === 'string' ? record.status : null,
          name: analyticsField(item, 'name_of_caller'),
          adminComments: record.adminComments ?? [],
        },
      ];
    });
    return { client, sample, total: total !== null && /^\d+$/.test(total) ? Number(total) : null };
  } catch {
    return { client, sample: [], total: null };
  }
}
