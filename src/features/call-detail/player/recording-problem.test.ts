import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { recordingProblem } from './recording-problem';

const MEDIA =
  'The recording could not be loaded: the file is missing, or not audio this browser can play.';

describe('recordingProblem', () => {
  it("gives the server's words when the recording host could not be reached", () => {
    const unreachable = new ApiError(
      'upstream',
      502,
      'The recording host 127.0.0.1 could not be reached (ECONNREFUSED).',
    );
    expect(recordingProblem(MEDIA, unreachable)).toBe(
      'The recording host 127.0.0.1 could not be reached (ECONNREFUSED).',
    );
  });

  it("keeps the media element's words for a missing file, and has a reason without either", () => {
    const missing = new ApiError('not-found', 404, 'The recording file is missing.');
    expect(recordingProblem(MEDIA, missing)).toBe(MEDIA);
    expect(recordingProblem(null, missing)).toBe('The recording file is missing.');
    expect(recordingProblem(null, null)).toBe('Unknown error.');
  });
});
