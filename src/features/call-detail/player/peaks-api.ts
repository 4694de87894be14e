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

export const peaksQueryOptions = (id: string) =>
  queryOptions({
    queryKey: conversationKeys.peaks(id),
    queryFn: ({ signal }) => fetchPeaks(id, signal),
    staleTime: Infinity,
    retry: false,
  });

/** wavesurfer draws one channel of amplitudes in -1..1; the server sends 8-bit min/max pairs. */
export function toWaveformChannel(peaks: Peaks): number[] {
  const out = new Array<number>(peaks.length);
  const scale = peaks.bits === 8 ? 128 : 32768;
  for (let i = 0; i < peaks.length; i++) {
    out[i] = Math.max(Math.abs(peaks.data[2 * i]!), Math.abs(peaks.data[2 * i + 1]!)) / scale;
  }
  return out;
}
