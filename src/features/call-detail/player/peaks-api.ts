import { queryOptions } from '@tanstack/react-query';
import { peaksSchema, type Peaks } from '@contract';
import { ApiError, apiRequest } from '@/lib/api-client';
import { conversationKeys } from '@/lib/query-keys';

export const recordingUrl = (id: string) =>
  `/api/conversations/${encodeURIComponent(id)}/recording`;

export async function fetchPeaks(id: string, signal?: AbortSignal): Promise<Peaks> {
  const { data } = await apiRequest(`/api/conversations/${encodeURIComponent(id)}/peaks`, {
    signal,
  });
  const parsed = peaksSchema.safeParse(data);
  if (!parsed.success) throw new ApiError('upstream', 200, 'The waveform data could not be read.');
  return parsed.data;
}

/** How often the waveform of a recording still being made is asked for again. */
export const GROWING_PEAKS_POLL_MS = 500;

export const peaksQueryOptions = (id: string) =>
  queryOptions({
    queryKey: conversationKeys.peaks(id),
    queryFn: ({ signal }) => fetchPeaks(id, signal),
    staleTime: Infinity,
    retry: false,
    // A recording still being made has a waveform that grows: ask again until it is whole.
    refetchInterval: (query) =>
      query.state.data?.complete === false ? GROWING_PEAKS_POLL_MS : false,
  });

/** Points of the whole recording, also while only its start has peaks. */
function fullLength(peaks: Peaks): number {
  const whole = Math.ceil((peaks.duration * peaks.sample_rate) / peaks.samples_per_pixel);
  return Math.max(peaks.length, Number.isFinite(whole) ? whole : 0);
}

/**
 * wavesurfer draws one channel of amplitudes in -1..1; the server sends 8-bit min/max pairs.
 * Peaks still growing are padded with silence to the whole call, so the part that exists is
 * drawn where it belongs and the rest fills in as it is made.
 */
export function toWaveformChannel(peaks: Peaks): number[] {
  const out = new Array<number>(fullLength(peaks)).fill(0);
  const scale = peaks.bits === 8 ? 128 : 32768;
  for (let i = 0; i < peaks.length; i++) {
    out[i] = Math.max(Math.abs(peaks.data[2 * i]!), Math.abs(peaks.data[2 * i + 1]!)) / scale;
  }
  return out;
}

/**
 * How much of the waveform exists, 0–1, or null once it is whole. Before the first answer it
 * is 0: the recording is being looked up or started.
 */
export function waveformProgress(peaks: Peaks | undefined): number | null {
  if (!peaks) return 0;
  if (peaks.complete !== false) return null;
  const total = fullLength(peaks);
  return total > 0 ? Math.min(1, peaks.length / total) : 0;
}
