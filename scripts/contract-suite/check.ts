import type { SuiteClient } from './client';

export type Area = 'auth' | 'shapes' | 'parameters' | 'paging' | 'errors' | 'writes';
/**
 * `contract`: documented by Trata; a failure fails the run.
 * `project`: Callscope's own decisions where Trata is silent; a difference is reported, since the
 * dashboard copes without them.
 */
export type Level = 'contract' | 'project';
export type Outcome = 'pass' | 'fail' | 'differs' | 'skip';

export interface CheckResult {
  area: Area;
  level: Level;
  title: string;
  outcome: Outcome;
  notes: string[];
}

export interface Check {
  area: Area;
  level: Level;
  title: string;
  /** Returns notes; throws `CheckFailed` to fail, `CheckSkipped` to skip. */
  run(context: SuiteContext): Promise<string[] | void>;
}

/** What the first requests learned, for the checks that need real ids. */
export interface SuiteContext {
  client: SuiteClient;
  sample: SampleConversation[];
  total: number | null;
}

export interface SampleConversation {
  id: string;
  prospectId: string | null;
  status: string | null;
  name: string | null;
  adminComments: unknown;
}

export class CheckFailed extends Error {
  constructor(readonly notes: string[]) {
    super(notes[0] ?? 'failed');
  }
}

export class CheckSkipped extends Error {}

export function fail(...notes: string[]): never {
  throw new CheckFailed(notes);
}

export function skip(reason: string): never {
  throw new CheckSkipped(reason);
}

/** `expect`-style helper: fails the check with `note` unless `condition` holds. */
export function ensure(condition: unknown, note: string): asserts condition {
  if (!condition) fail(note);
}

/** A short, single-line excerpt of a body for a report. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat || '(empty body)';
}
