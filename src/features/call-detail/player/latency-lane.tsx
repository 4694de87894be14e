import { formatClock } from '@/lib/format';
import { LONG_LATENCY_SECONDS, type LatencySegment } from '../transcript/latency';

const LISTED = 6;

/**
 * The AI's response times under the waveform. A slow answer is marked with a sign and listed in
 * words, never by colour alone; each one jumps to that moment.
 */
export function LatencyLane({
  latencies,
  duration,
  onJump,
}: {
  latencies: readonly LatencySegment[];
  duration: number;
  onJump(seconds: number): void;
}) {
  const slow = latencies.filter((latency) => latency.long);
  return (
    <div className="mt-1.5">
      <div className="relative h-2.5 rounded-sm bg-slate-100" aria-hidden="true">
        {duration > 0
          ? latencies.map((latency) => (
              <span
                key={latency.from}
                title={`The AI answered after ${latency.seconds.toFixed(1)} s`}
                className={
                  latency.long
                    ? 'absolute top-0 h-2.5 rounded-sm bg-rose-500'
                    : 'absolute top-[3px] h-1 rounded-sm bg-slate-400'
                }
                style={{
                  left: `${(latency.from / duration) * 100}%`,
                  width: `max(2px, ${((latency.to - latency.from) / duration) * 100}%)`,
                }}
              />
            ))
          : null}
      </div>
      <p className="mt-1 text-xs text-slate-600">
        <span className="font-medium text-slate-700">AI response time</span>{' '}
        {latencies.length === 0 ? (
          'No caller turn was answered by the AI.'
        ) : slow.length === 0 ? (
          `No slow answers: the AI always answered within ${LONG_LATENCY_SECONDS} s.`
        ) : (
          <span className="text-rose-800">
            <span aria-hidden="true">⚠ </span>
            {slow.length} slow {slow.length === 1 ? 'answer' : 'answers'} (over{' '}
            {LONG_LATENCY_SECONDS} s):{' '}
            {slow.slice(0, LISTED).map((latency, index) => (
              <span key={latency.from}>
                {index > 0 ? ', ' : null}
                <button
                  type="button"
                  onClick={() => onJump(latency.from)}
                  className="font-medium underline decoration-rose-400 hover:decoration-rose-700"
                  aria-label={`Slow answer at ${formatClock(latency.to)}, ${latency.seconds.toFixed(1)} seconds: play from the end of the caller's turn`}
                >
                  {formatClock(latency.to)} ({latency.seconds.toFixed(1)} s)
                </button>
              </span>
            ))}
            {slow.length > LISTED ? ` and ${slow.length - LISTED} more` : null}
          </span>
        )}
      </p>
    </div>
  );
}
