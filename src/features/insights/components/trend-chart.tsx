import { useMemo } from 'react';
import { Link } from 'react-router';
import type { InsightSeriesPoint } from '@contract';
import { type ChartColor } from '../charts/chart-colors';
import { StackedBars, type ChartSeries } from '../charts/stacked-bars';
import { formatDecimal, formatWhole } from '../figures';

export interface TrendKey {
  key: string;
  label: string;
  icon?: string;
  color: ChartColor;
  count(point: InsightSeriesPoint): number;
  href(point: InsightSeriesPoint): string;
}

interface TrendChartProps {
  id: string;
  title: string;
  points: InsightSeriesPoint[];
  keys: TrendKey[];
  unit: 'hour' | 'day' | 'month';
  formatPoint(point: InsightSeriesPoint): string;
  totalHref(point: InsightSeriesPoint): string;
  onExport?(): void;
}

/**
 * One stacked trend: its legend (colour, shape and name), the chart, and the same numbers as a
 * table whose every count links to its calls.
 */
export function TrendChart(props: TrendChartProps) {
  const { id, title, points, keys, unit, formatPoint, totalHref, onExport } = props;
  const xs = useMemo(() => points.map((p) => Date.parse(p.start) / 1000), [points]);
  const series = useMemo<ChartSeries[]>(
    () =>
      keys.map((key) => ({
        key: key.key,
        label: key.label,
        color: key.color,
        values: points.map(key.count),
        href: (i) => key.href(points[i]!),
      })),
    [keys, points],
  );
  const totals = keys.map((key) => points.reduce((sum, p) => sum + key.count(p), 0));
  const label = `${title}: ${keys
    .map((key, i) => `${key.label} ${formatWhole(totals[i]!)}`)
    .join(', ')}. The table below has the count of each ${unit}.`;
  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {onExport && (
          <button
            type="button"
            onClick={onExport}
            className="rounded border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-50"
          >
            Export CSV<span className="sr-only">: {title}</span>
          </button>
        )}
      </div>
      <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        {keys.map((key) => (
          <li key={key.key} className="inline-flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block size-3 rounded-sm"
              style={{ background: `var(${key.color.variable}, ${key.color.fallback})` }}
            />
            {key.icon && <span aria-hidden="true">{key.icon}</span>}
            {key.label}
          </li>
        ))}
      </ul>
      <StackedBars xs={xs} series={series} label={label} unit={unit} />
      <figcaption className="sr-only">{label}</figcaption>
      <div className="mt-3 max-h-64 overflow-auto rounded border border-slate-100">
        <table className="w-full text-right text-xs tabular-nums">
          <caption className="sr-only">{title}, as a table</caption>
          <thead className="sticky top-0 bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-1 text-left font-semibold">
                {unit === 'hour' ? 'Hour' : unit === 'month' ? 'Month' : 'Day'}
              </th>
              {keys.map((key) => (
                <th key={key.key} scope="col" className="px-2 py-1 font-semibold">
                  {key.label}
                </th>
              ))}
              <th scope="col" className="px-2 py-1 font-semibold">
                Calls
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {points.map((point) => (
              <tr key={point.start}>
                <th scope="row" className="px-2 py-1 text-left font-normal text-slate-700">
                  {formatPoint(point)}
                </th>
                {keys.map((key) => (
                  <td key={key.key} className="px-2 py-1">
                    <CountLink
                      count={key.count(point)}
                      href={key.href(point)}
                      label={`${key.label}, ${formatPoint(point)}`}
                    />
                  </td>
                ))}
                <td className="px-2 py-1 font-medium">
                  <CountLink
                    count={point.calls}
                    href={totalHref(point)}
                    label={`All calls, ${formatPoint(point)}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A count that opens its calls; zero has no calls to open. */
/** A mean rating linking to the calls it is taken over (plain text when no filter lists them). */
export function RatingLink({
  rating,
  href,
  label,
}: {
  rating: number;
  href: string | null;
  label: string;
}) {
  if (href === null) return <>{formatDecimal(rating)}</>;
  return (
    <Link
      to={href}
      aria-label={`Mean rating ${formatDecimal(rating)}: ${label}`}
      className="text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700"
    >
      {formatDecimal(rating)}
    </Link>
  );
}

export function CountLink({ count, href, label }: { count: number; href: string; label: string }) {
  if (count === 0) return <span className="text-slate-400">0</span>;
  return (
    <Link
      to={href}
      aria-label={`${formatWhole(count)} calls: ${label}`}
      className="text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700"
    >
      {formatWhole(count)}
    </Link>
  );
}
