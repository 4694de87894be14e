import { useRef, useSyncExternalStore, type RefObject } from 'react';
import { Button } from '@/components/ui/button';
import { formatClock, formatDurationInWords } from '@/lib/format';
import type { LatencySegment } from '../transcript/latency';
import type { PlaybackClock } from './playback-clock';
import { RATES, type PlayerControls, type PlayerState } from './use-wavesurfer';

interface PlayerPanelProps {
  waveformRef: RefObject<HTMLDivElement | null>;
  clock: PlaybackClock;
  duration: number;
  state: PlayerState;
  controls: PlayerControls;
  downloadUrl: string;
  latencies: readonly LatencySegment[];
  onCopyMoment(): void;
  onShowShortcuts(): void;
}

function useClockTime(clock: PlaybackClock): number {
  return useSyncExternalStore(clock.subscribe, clock.get, clock.get);
}

export function PlayerPanel(props: PlayerPanelProps) {
  const { state, controls, duration } = props;
  return (
    <section aria-label="Recording" className="rounded-lg border border-slate-200 bg-white p-3">
      <Waveform {...props} />
      <LatencyLane latencies={props.latencies} duration={duration} />
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button
          variant="ghost"
          size="sm"
          onClick={() => controls.skip(-15)}
          aria-label="Back 15 seconds"
        >
          −15
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => controls.skip(-5)}
          aria-label="Back 5 seconds"
        >
          −5
        </Button>
        <Button
          variant="primary"
          onClick={controls.toggle}
          disabled={!state.ready}
          aria-label={state.playing ? 'Pause' : 'Play'}
          className="w-20"
        >
          {state.playing ? '❚❚ Pause' : '▶ Play'}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => controls.skip(5)}
          aria-label="Forward 5 seconds"
        >
          +5
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => controls.skip(15)}
          aria-label="Forward 15 seconds"
        >
          +15
        </Button>
        <ClockDisplay clock={props.clock} duration={duration} />
        <label className="ml-auto flex items-center gap-1 text-sm text-slate-700">
          Speed
          <select
            value={state.rate}
            onChange={(event) => controls.setRate(Number(event.target.value))}
            className="h-8 rounded-md border border-slate-300 bg-white px-1"
          >
            {RATES.map((rate) => (
              <option key={rate} value={rate}>
                {rate}×
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1 text-sm text-slate-700">
          Volume
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={state.volume}
            onChange={(event) => controls.setVolume(Number(event.target.value))}
            className="w-20"
          />
        </label>
        <Button size="sm" onClick={props.onCopyMoment}>
          Copy link to this moment
        </Button>
        <a
          href={props.downloadUrl}
          download
          className="inline-flex h-8 items-center rounded-md border border-slate-300 px-2.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          Download
        </a>
        <Button
          size="sm"
          variant="ghost"
          onClick={props.onShowShortcuts}
          aria-label="Keyboard shortcuts"
        >
          ?
        </Button>
      </div>
    </section>
  );
}

function Waveform({ waveformRef, clock, duration, controls }: PlayerPanelProps) {
  const time = useClockTime(clock);
  const focusRef = useRef<HTMLDivElement>(null);
  return (
    <div
      ref={focusRef}
      role="slider"
      tabIndex={0}
      aria-label="Playback position"
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(time)}
      aria-valuetext={`${formatDurationInWords(time)} of ${formatDurationInWords(duration)}`}
      onKeyDown={(event) => {
        if (event.key === 'Home') controls.seek(0);
        else if (event.key === 'End') controls.seek(duration);
        else return;
        event.preventDefault();
      }}
      className="rounded-md focus-visible:ring-2 focus-visible:ring-indigo-600"
    >
      <div ref={waveformRef} className="min-h-[72px]" />
    </div>
  );
}

function ClockDisplay({ clock, duration }: { clock: PlaybackClock; duration: number }) {
  const time = useClockTime(clock);
  return (
    <span className="font-mono text-sm text-slate-700 tabular-nums" aria-label="Current time">
      {formatClock(time)} / {formatClock(duration)}
    </span>
  );
}

/** The AI's answer times under the waveform; long ones are marked with a sign and a word. */
function LatencyLane({
  latencies,
  duration,
}: {
  latencies: readonly LatencySegment[];
  duration: number;
}) {
  const long = latencies.filter((latency) => latency.long);
  return (
    <div className="mt-1">
      <div className="relative h-3 rounded bg-slate-100" aria-hidden="true">
        {duration > 0
          ? latencies.map((latency) => (
              <span
                key={latency.from}
                title={`AI answered after ${latency.seconds.toFixed(1)} s`}
                className={
                  latency.long
                    ? 'absolute top-0 h-3 rounded bg-amber-500'
                    : 'absolute top-1 h-1 rounded bg-slate-400'
                }
                style={{
                  left: `${(latency.from / duration) * 100}%`,
                  width: `${Math.max(0.3, ((latency.to - latency.from) / duration) * 100)}%`,
                }}
              />
            ))
          : null}
      </div>
      <p className="mt-1 text-xs text-slate-600">
        AI response time lane.{' '}
        {long.length ? (
          <span className="font-medium text-amber-800">
            ⚠ {long.length} slow {long.length === 1 ? 'answer' : 'answers'} (over 3 s):{' '}
            {long
              .map((latency) => `${formatClock(latency.to)} (${latency.seconds.toFixed(1)} s)`)
              .join(', ')}
          </span>
        ) : (
          'No slow answers.'
        )}
      </p>
    </div>
  );
}
