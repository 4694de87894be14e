import { SEARCH_BY_FIELDS, SORT_BY_FIELDS } from '../contract';

/** One row of the latency table: what it asks and the p95 goal it is held to. */
export interface LatencyCase {
  name: string;
  query: string;
  goal: number;
}

export interface LatencyResult extends LatencyCase {
  /** The first request: for a search, this one computes its match set. */
  cold: number;
  p50: number;
  p95: number;
  p99: number;
  /** The size of one answer's body: a page of long calls weighs far more than 0.5 MB. */
  bytes: number;
}

const INDEXED_GOAL = 5;
const SEARCH_GOAL = 30;
const DEEP_SKIP_GOAL = 80;

/** A value that occurs in many demo conversations, per field, and one that occurs in none. */
const COMMON: Record<(typeof SEARCH_BY_FIELDS)[number], string> = {
  id: 'con.179',
  prospectId: 'pro.179',
  aiAgentId: 'aia.1727',
  status: 'activ',
  sourceType: 'PHON',
  name_of_caller: 'Smith',
  phone_number_of_caller: '415',
  email_address_of_caller: 'gmail',
  sentiment_of_caller: 'positiv',
  prospectStatus: 'SERVICE',
  transcript: 'appointment',
  summary: 'booked',
};

export function latencyCases(count: number): LatencyCase[] {
  const cases: LatencyCase[] = [{ name: 'default list page', query: '', goal: INDEXED_GOAL }];
  for (const field of SORT_BY_FIELDS) {
    for (const order of ['asc', 'desc']) {
      cases.push({
        name: `sort ${field} ${order}`,
        query: `sort_by=${field}&sort_order=${order}`,
        goal: INDEXED_GOAL,
      });
    }
  }
  cases.push({ name: 'status=archived', query: 'status=archived', goal: INDEXED_GOAL });
  for (const field of SEARCH_BY_FIELDS) {
    const common = COMMON[field];
    const none = field === 'phone_number_of_caller' ? '0000000' : 'zqxjv';
    for (const [label, value] of [
      [`"${common}"`, common],
      ['no match', none],
    ] as const) {
      cases.push({
        name: `search ${field} ${label}`,
        query: `search_by=${field}&search_value=${encodeURIComponent(value)}`,
        goal: SEARCH_GOAL,
      });
    }
  }
  for (const skip of [0, 10_000, 500_000, count - 100]) {
    cases.push({
      name: `skip=${skip.toLocaleString('en')}`,
      query: `skip=${skip}`,
      goal: skip > count / 2 ? DEEP_SKIP_GOAL : INDEXED_GOAL,
    });
  }
  return cases;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timedGet(
  origin: string,
  token: string,
  query: string,
): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`${origin}/v1/conversations?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${query}: HTTP ${response.status}`);
  return { ms: performance.now() - started, bytes: body.byteLength };
}

/** A page no row of the table asks for, so every row's cold request is still its first. */
const WARM_UP_QUERY = 'sort_by=updatedAt&sort_order=desc&skip=7';
const WARM_UP_REQUESTS = 30;

/**
 * Warms the fresh process (JIT, connection pool) before the first row, which would otherwise
 * measure start-up rather than its query. Not measured.
 */
export async function warmUpProcess(origin: string, token: string): Promise<void> {
  for (let i = 0; i < WARM_UP_REQUESTS; i++) await timedGet(origin, token, WARM_UP_QUERY);
}

/** Sequential requests over loopback: one cold, three warm-ups, then `runs` measured. */
export async function measureCase(
  origin: string,
  token: string,
  testCase: LatencyCase,
  runs: number,
): Promise<LatencyResult> {
  const cold = await timedGet(origin, token, testCase.query);
  for (let i = 0; i < 3; i++) await timedGet(origin, token, testCase.query);
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) timings.push((await timedGet(origin, token, testCase.query)).ms);
  timings.sort((a, b) => a - b);
  return {
    ...testCase,
    cold: cold.ms,
    bytes: cold.bytes,
    p50: percentile(timings, 50),
    p95: percentile(timings, 95),
    p99: percentile(timings, 99),
  };
}

export function latencyRow(result: LatencyResult): string {
  const ms = (value: number) => value.toFixed(1);
  const verdict = result.p95 <= result.goal ? 'yes' : '**no**';
  const kb = Math.round(result.bytes / 1024).toLocaleString('en');
  return `| ${result.name} | ${kb} | ${ms(result.p50)} | ${ms(result.p95)} | ${ms(result.p99)} | ${ms(result.cold)} | ≤ ${result.goal} | ${verdict} |`;
}
