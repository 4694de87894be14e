export type CallStep = 'next' | 'previous';

/** A stretch of the list's order, and whether the list goes on beyond either end of it. */
export interface CallOrder {
  ids: readonly string[];
  moreBefore: boolean;
  moreAfter: boolean;
}

export interface Walked {
  /** Where the steps taken so far lead. */
  id: string;
  /** Steps that go past the known stretch while the list goes on: load more order, then walk on. */
  unresolved: CallStep[];
}

/**
 * Where a sequence of j/k presses lands, starting from `from`. At a true end of the list a step
 * stays put, as a button that is disabled would; a call that is not in the order goes nowhere.
 */
export function walkCalls(order: CallOrder, from: string, steps: readonly CallStep[]): Walked {
  let index = order.ids.indexOf(from);
  if (index < 0) return { id: from, unresolved: [] };
  for (let taken = 0; taken < steps.length; taken++) {
    const next = index + (steps[taken] === 'next' ? 1 : -1);
    if (next >= 0 && next < order.ids.length) {
      index = next;
      continue;
    }
    const more = next < 0 ? order.moreBefore : order.moreAfter;
    if (more) return { id: order.ids[index]!, unresolved: steps.slice(taken) };
  }
  return { id: order.ids[index]!, unresolved: [] };
}
