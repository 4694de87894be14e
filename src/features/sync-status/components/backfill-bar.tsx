import type { BackfillProgress } from '../describe-sync';

/**
 * A thin bar beside the count. Without a total (Trata sends none) it has no value, so assistive
 * technology reads it as busy, and the count in words says how far it got.
 */
export function BackfillBar({ progress }: { progress: BackfillProgress }) {
  const { value, max, valueText } = progress;
  const percent = max ? Math.round((value / max) * 100) : null;
  return (
    <div
      role="progressbar"
      aria-label="Calls indexed from Trata"
      aria-valuemin={0}
      aria-valuemax={max ?? undefined}
      aria-valuenow={max ? value : undefined}
      aria-valuetext={`${valueText} calls`}
      className="h-1.5 w-24 overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className={
          percent === null
            ? 'h-full w-1/3 rounded-full bg-sky-600 motion-safe:animate-pulse'
            : 'h-full rounded-full bg-sky-600 transition-[width] duration-500'
        }
        style={percent === null ? undefined : { width: `${percent}%` }}
      />
    </div>
  );
}
