import type { MomentMarker } from '@/components/call-review-slot';
import { formatClock } from '@/lib/format';
import { markerPercent } from '../transcript/moment-markers';

/**
 * Comments anchored to moments, as flags along the top of the waveform. A layer of its own, so
 * the search's marks (wavesurfer regions) are untouched; each flag is a button that seeks.
 */
export function MarkerLayer({
  markers,
  duration,
  onSeek,
}: {
  markers: readonly MomentMarker[];
  duration: number;
  onSeek(seconds: number): void;
}) {
  if (markers.length === 0 || !(duration > 0)) return null;
  return (
    <ul aria-label="Comment markers" className="pointer-events-none absolute inset-x-0 top-0 h-0">
      {markers.map((marker) => (
        <li
          key={marker.id}
          className="absolute top-0 -translate-x-1/2"
          style={{ left: `${markerPercent(marker.seconds, duration)}%` }}
        >
          <button
            type="button"
            data-marker-seconds={marker.seconds}
            onClick={() => onSeek(marker.seconds)}
            aria-label={`${marker.label} (play from ${formatClock(marker.seconds)})`}
            title={marker.label}
            className="pointer-events-auto -mt-2.5 flex size-5 items-center justify-center rounded-full border border-violet-800 bg-violet-600 text-[0.65rem] leading-none text-white shadow-sm hover:bg-violet-700 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-violet-800"
          >
            <span aria-hidden="true">✎</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
