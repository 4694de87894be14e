import type { Peaks } from '@contract';

/** A stretch of the recording, in seconds. */
export interface Span {
  start: number;
  end: number;
}

export interface SilenceOptions {
  /** Quieter than this share of the call's loud level counts as silence (0.1 is −20 dB). */
  ratio: number;
  /** Only pauses at least this long are skipped. */
  minSeconds: number;
  /** Kept at each edge of a pause, so no word is clipped and a turn still sounds like one. */
  keepSeconds: number;
}

export const SILENCE_DEFAULTS: SilenceOptions = { ratio: 0.1, minSeconds: 1.5, keepSeconds: 0.25 };

/** The level the threshold is relative to: loud speech, not a click or the quietest word. */
const REFERENCE_PERCENTILE = 0.95;

/** Each point's loudness, 0–1. */
function levels(peaks: Peaks): Float32Array {
  const scale = peaks.bits === 8 ? 128 : 32768;
  const out = new Float32Array(peaks.length);
  for (let i = 0; i < peaks.length; i++) {
    out[i] = Math.max(Math.abs(peaks.data[2 * i]!), Math.abs(peaks.data[2 * i + 1]!)) / scale;
  }
  return out;
}

/**
 * The pauses to jump over: runs of points quieter than `ratio` of the call's loud level that
 * last `minSeconds` or more, less `keepSeconds` at each edge. The threshold follows the call's
 * own level, so a quiet line is judged against itself. A pause that overlaps one of `keep`
 * (the AI's slow answers, which a reviewer must hear) is left whole.
 */
export function silentSpans(
  peaks: Peaks,
  keep: readonly Span[] = [],
  options: SilenceOptions = SILENCE_DEFAULTS,
): Span[] {
  const level = levels(peaks);
  if (level.length === 0) return [];
  const sorted = Float32Array.from(level).sort();
  const reference =
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * REFERENCE_PERCENTILE))]!;
  if (reference === 0) return [];
  const threshold = reference * options.ratio;
  const perPoint = peaks.samples_per_pixel / peaks.sample_rate;
  const spans: Span[] = [];
  const close = (from: number, to: number) => {
    const start = from * perPoint;
    const end = Math.min(to * perPoint, peaks.duration || Number.POSITIVE_INFINITY);
    if (end - start < options.minSeconds) return;
    const span = { start: start + options.keepSeconds, end: end - options.keepSeconds };
    if (keep.some((one) => one.start < span.end && one.end > span.start)) return;
    spans.push(span);
  };
  let runStart = -1;
  for (let i = 0; i < level.length; i++) {
    if (level[i]! < threshold) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      close(runStart, i);
      runStart = -1;
    }
  }
  // While the waveform still grows, its last points are the edge of what exists, not a pause.
  if (runStart >= 0 && peaks.complete !== false) close(runStart, level.length);
  return spans;
}

/**
 * Where playback at `time` should jump to: the end of the pause it is in, or null. `spans`
 * are sorted and apart, so a binary search finds the one at most.
 */
export function skipTarget(spans: readonly Span[], time: number): number | null {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle]!;
    if (time < span.start) high = middle - 1;
    else if (time >= span.end) low = middle + 1;
    else return span.end;
  }
  return null;
}

/** How many seconds of listening the spans save. */
export function savedSeconds(spans: readonly Span[]): number {
  return spans.reduce((total, span) => total + (span.end - span.start), 0);
}
