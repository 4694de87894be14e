import { formatCount } from '@/lib/format-count';

/** How many calls the filters match, as the index counts them; nothing while unknown. */
export function MatchCount({ total }: { total: number | null }) {
  if (total === null) return null;
  return (
    <p className="text-sm text-slate-600 tabular-nums">
      {formatCount(total)} {total === 1 ? 'call' : 'calls'}
    </p>
  );
}
