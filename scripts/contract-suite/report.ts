import type { Area, CheckResult, Outcome } from './check';
import type { SuiteReport } from './run-suite';

const AREAS: Record<Area, string> = {
  auth: 'Auth',
  shapes: 'Shapes',
  parameters: 'Parameters',
  paging: 'Paging',
  errors: 'Errors (422 shapes)',
  writes: 'Writes',
};
const LABEL: Record<Outcome, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  differs: 'DIFF',
  skip: 'SKIP',
};

/** The report a person reads: one line per check, notes indented beneath, a summary last. */
export function formatReport(report: SuiteReport): string {
  const lines = [
    `Trata API conformance: ${report.baseUrl} (${report.allowWrites ? 'reads and writes' : 'read-only'})`,
    "Checks the documented contract (FAIL) and Callscope's own decisions where Trata is silent (DIFF).",
  ];
  for (const area of Object.keys(AREAS) as Area[]) {
    const results = report.results.filter((result) => result.area === area);
    if (results.length === 0) continue;
    lines.push('', AREAS[area]);
    for (const result of results) lines.push(...formatResult(result));
  }
  const count = (outcome: Outcome) =>
    report.results.filter((result) => result.outcome === outcome).length;
  lines.push(
    '',
    `${count('pass')} passed, ${count('fail')} failed, ${count('differs')} differ from Callscope's decisions, ${count('skip')} skipped.`,
    report.ok
      ? 'The API conforms to the documented contract.'
      : 'The API does NOT conform to the documented contract.',
  );
  return lines.join('\n');
}

function formatResult(result: CheckResult): string[] {
  const tag = result.level === 'project' ? ' [project decision]' : '';
  return [
    `  ${LABEL[result.outcome]}  ${result.title}${tag}`,
    ...result.notes.map((note) => `        ${note}`),
  ];
}
