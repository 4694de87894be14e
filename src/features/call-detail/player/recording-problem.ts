import { ApiError } from '@/lib/api-client';

/**
 * Why a recording cannot be played, from what the media element said and what the waveform
 * request learned. The media element only knows that loading failed; when the server said the
 * recording host could not be reached (a 502 or 504 in words), that is the reason to show.
 */
export function recordingProblem(mediaError: string | null, peaksError: Error | null): string {
  if (peaksError instanceof ApiError && peaksError.kind === 'upstream') return peaksError.message;
  return mediaError ?? peaksError?.message ?? 'Unknown error.';
}
