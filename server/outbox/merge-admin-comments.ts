import { reviewerOfEntry } from './verdict-entry';

/**
 * The `adminComments` array to write, from the array Trata has now (`theirs`, read just before)
 * and Callscope's verdicts by reviewer (`ours`). Each of our reviewers ends with exactly one
 * entry: theirs is replaced where it stood (a duplicate is dropped), or ours is appended. Every
 * other entry, foreign or of a reviewer we are not writing, is kept as it is and where it is,
 * even when it does not fit the contract: it is not ours to judge.
 */
export function mergeAdminComments<T>(
  theirs: readonly unknown[],
  ours: ReadonlyMap<string, T>,
): unknown[] {
  const merged: unknown[] = [];
  const placed = new Set<string>();
  for (const entry of theirs) {
    const reviewer = reviewerOfEntry(entry);
    if (reviewer === null || !ours.has(reviewer)) {
      merged.push(entry);
    } else if (!placed.has(reviewer)) {
      merged.push(ours.get(reviewer));
      placed.add(reviewer);
    }
  }
  for (const [reviewer, entry] of ours) {
    if (!placed.has(reviewer)) merged.push(entry);
  }
  return merged;
}
