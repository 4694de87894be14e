import { useState, type RefObject } from 'react';
import type { MomentMarker } from '@/components/call-review-slot';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/cn';
import { formatClock, formatDurationClock } from '@/lib/format';
import type { LatencySegment } from '../transcript/latency';
import { LatencyLane } from './latency-lane';
import { MarkerLayer } from './marker-layer';
import type { PlaybackClock } from './playback-clock';
import { RATES, type PlayerControls } from './player-controls';
import type { PlayerState } from './use-wavesurfer';
import { SkipSilenceToggle } from './skip-silence-toggle';
import { useClockSeconds } from './use-clock-seconds';
import type { SkipSilence } from './use-skip-silence';
import { WaveformSlider } from './waveform-slider';

interface PlayerPanelProps {
  waveformRef: RefObject<HTMLDivElement | null>;
  clock: PlaybackClock;
  duration: number;
  state: PlayerState;
  controls: PlayerControls;
  downloadUrl: string;
  /** The file name a download is saved under: caller, date and call id. */
  downloadName: string;
  /** How much of the waveform exists (0–1) while it is made; null once it is whole. */
  waveformProgress: number | null;
  latencies: readonly LatencySegment[];
  onCopyMoment(): void;
  copied: boolean;
  onShowShortcuts(): void;
  skipSilence: SkipSilence;
  /** Comments anchored to moments, drawn over the waveform. */
  markers: readonly MomentMarker[];
}

/**
 * The player. Below a desktop's width it sticks to the top of the screen while the transcript
 * scrolls under it; on a phone it is compact (±15 s, play, time, speed), the rest behind "More".
 */
export function PlayerPanel(props: PlayerPanelProps) {
  const { state, controls, duration, clock } = props;
  const [more, setMore] = useState(false);
  // Shown on a phone only after "More"; always from a tablet's width on.
  const extra = cn(!more && 'max-sm:hidden');
  const skip = (seconds: number, label: string, className?: string) => (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => controls.skip(seconds)}
      aria-label={label}
      className={cn('max-sm:h-11 max-sm:min-w-11', className)}
    >
      {seconds > 0 ? `+${seconds}` : `−${-seconds}`}
    </Button>
  );
  return (
    <section
      aria-label="Recording"
      data-audio-state={state.audio}
      className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs max-lg:sticky max-lg:top-0 max-lg:z-20 max-lg:shadow-md max-sm:-mx-1 max-sm:p-2"
    >
      {/* Room above the waveform for comment markers, kept even before they arrive. */}
      <div className="relative mt-3">
        <WaveformSlider
          waveformRef={props.waveformRef}
          clock={clock}
          duration={duration}
          controls={controls}
        />
        <MarkerLayer
          markers={props.markers}
          duration={duration}
          onSeek={(seconds) => controls.seek(seconds)}
        />
        {/* Over the waveform, each in a place of its own, not in the row of controls: a line
            that came and went there rewrapped the row and moved the transcript below. */}
        {state.audio === 'loading' ? (
          <span
            role="status"
            className="pointer-events-none absolute bottom-1 left-1 rounded bg-white/90 px-1.5 text-xs text-slate-600"
          >
            Loading audio…
          </span>
        ) : null}
        {props.waveformProgress === null ? null : (
          <WaveformProgress fraction={props.waveformProgress} />
        )}
      </div>
      <div className={extra}>
        <LatencyLane
          latencies={props.latencies}
          duration={duration}
          onJump={(seconds) => controls.seek(seconds, { play: true })}
        />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-1.5 gap-y-2 max-sm:mt-2">
        {skip(-15, 'Back 15 seconds')}
        {skip(-5, 'Back 5 seconds', extra)}
        <Button
          variant="primary"
          onClick={controls.toggle}
          disabled={!state.ready || state.audio !== 'playable'}
          aria-label={state.playing ? 'Pause' : 'Play'}
          className="w-24 max-sm:h-11"
        >
          <span aria-hidden="true">{state.playing ? '❚❚' : '▶'}</span>
          {state.playing ? 'Pause' : 'Play'}
        </Button>
        {skip(5, 'Forward 5 seconds', extra)}
        {skip(15, 'Forward 15 seconds')}
        <ClockDisplay clock={clock} duration={duration} />
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <SkipSilenceToggle skip={props.skipSilence} />
          <label className="flex items-center gap-1.5 text-sm text-slate-700">
            <span className="max-sm:sr-only">Speed</span>
            <select
              value={state.rate}
              onChange={(event) => controls.setRate(Number(event.target.value))}
              className="h-8 rounded-md border border-slate-300 bg-white px-1.5 max-sm:h-11"
            >
              {RATES.map((rate) => (
                <option key={rate} value={rate}>
                  {rate}×
                </option>
              ))}
            </select>
          </label>
          <Button
            size="sm"
            variant="ghost"
            className="h-11 sm:hidden"
            aria-expanded={more}
            onClick={() => setMore((was) => !was)}
          >
            {more ? 'Less' : 'More'}
          </Button>
          <label className={cn('flex items-center gap-1.5 text-sm text-slate-700', extra)}>
            Volume
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={state.volume}
              aria-valuetext={`${Math.round(state.volume * 100)}%`}
              onChange={(event) => controls.setVolume(Number(event.target.value))}
              className="w-20 accent-indigo-600"
            />
          </label>
          <Button size="sm" onClick={props.onCopyMoment} className={extra}>
            {props.copied ? 'Link copied' : 'Copy link to this moment'}
          </Button>
          <a
            href={props.downloadUrl}
            download={props.downloadName}
            className={cn(
              'inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-800 hover:bg-slate-50',
              extra,
            )}
          >
            Download
          </a>
          <Button
            size="icon"
            variant="ghost"
            onClick={props.onShowShortcuts}
            aria-label="Keyboard shortcuts"
            aria-keyshortcuts="?"
            className={extra}
          >
            ?
          </Button>
        </div>
      </div>
    </section>
  );
}

/** The waveform is drawn as the recording is made; until it is whole, say how far it got. */
function WaveformProgress({ fraction }: { fraction: number }) {
  const percent = Math.round(fraction * 100);
  const words =
    percent === 0 ? 'Preparing the waveform…' : `Drawing the waveform: ${percent}% of the call`;
  return (
    <span
      role="progressbar"
      aria-label="Waveform"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={words}
      className="pointer-events-none absolute right-1 bottom-1 rounded bg-white/90 px-1.5 text-xs text-slate-600"
    >
      {words}
    </span>
  );
}

function ClockDisplay({ clock, duration }: { clock: PlaybackClock; duration: number }) {
  const time = useClockSeconds(clock);
  return (
    <span
      className="ml-1 font-mono text-sm text-slate-700 tabular-nums"
      role="timer"
      aria-label="Current time"
    >
      {formatClock(time)} / {formatDurationClock(duration)}
    </span>
  );
}
