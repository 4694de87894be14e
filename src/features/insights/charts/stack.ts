/**
 * Running totals for a stacked bar chart: row `k` holds the sum of the first `k + 1` series, so
 * each segment is drawn from 0 up to its running total, the taller behind the shorter.
 */
export function stackSeries(series: number[][]): number[][] {
  const stacked: number[][] = [];
  series.forEach((values, k) => {
    stacked.push(values.map((value, i) => value + (k === 0 ? 0 : stacked[k - 1]![i]!)));
  });
  return stacked;
}

/** Which series' segment holds the height `value` at point `i` of stacked rows, or null. */
export function segmentAt(stacked: number[][], i: number, value: number): number | null {
  for (let k = 0; k < stacked.length; k++) {
    const top = stacked[k]![i]!;
    const bottom = k === 0 ? 0 : stacked[k - 1]![i]!;
    if (value >= bottom && value < top) return k;
  }
  return null;
}
