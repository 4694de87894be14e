import type { InsightFigures } from '@contract';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat();

export const formatShare = (part: number, whole: number) =>
  whole === 0 ? '—' : percent.format(part / whole);
export const formatRatio = (value: number | null) => (value === null ? '—' : percent.format(value));
export const formatDecimal = (value: number | null) =>
  value === null ? '—' : decimal.format(value);
export const formatWhole = (value: number) => whole.format(value);

/** Slow AI answers per call, or null without calls. */
export const slowPerCall = (figures: Pick<InsightFigures, 'slowAnswers' | 'calls'>) =>
  figures.calls === 0 ? null : figures.slowAnswers / figures.calls;

/**
 * The change from the previous period in words: "+12% vs previous 7 days", "no change", or
 * "none before" when the previous period had nothing to compare with.
 */
export function describeChange(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return 'no comparison';
  if (previous === 0) return current === 0 ? 'no change' : 'none before';
  const change = (current - previous) / Math.abs(previous);
  if (Math.abs(change) < 0.0005) return 'no change';
  return `${change > 0 ? '+' : '−'}${percent.format(Math.abs(change))}`;
}
