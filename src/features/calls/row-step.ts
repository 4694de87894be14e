export type RowStep =
  { kind: 'row'; index: number } | { kind: 'page'; direction: 1 | -1 } | { kind: 'none' };

export interface RowStepEdges {
  /** A page before this one exists. */
  previousPage: boolean;
  /** A page after this one exists. */
  nextPage: boolean;
  /** Whether this key goes on to the neighbouring page at an edge (j and k do; arrows stop). */
  acrossPages: boolean;
}

/**
 * Where a step from row `current` of `count` goes: another row of the page, or, past its first
 * or last row, the page before or after (whose last or first row then takes the focus).
 */
export function rowStep(
  current: number,
  count: number,
  direction: 1 | -1,
  edges: RowStepEdges,
): RowStep {
  if (count === 0) return { kind: 'none' };
  const target = current + direction;
  if (target >= 0 && target < count) return { kind: 'row', index: target };
  if (!edges.acrossPages) return { kind: 'none' };
  if (direction === 1 && edges.nextPage) return { kind: 'page', direction };
  if (direction === -1 && edges.previousPage) return { kind: 'page', direction };
  return { kind: 'none' };
}
