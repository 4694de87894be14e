/**
 * The index of the bubble playing at `time`: the last one that starts at or before it, found by
 * binary search over the sorted offsets. -1 before the first bubble.
 */
export function findActiveIndex(offsets: readonly number[], time: number): number {
  let low = 0;
  let high = offsets.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (offsets[middle]! <= time) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
