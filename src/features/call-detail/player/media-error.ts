/** Why the audio cannot play, in words a reviewer can act on. */
export function describeMediaError(error: unknown): string {
  if (typeof MediaError !== 'undefined' && error instanceof MediaError) {
    switch (error.code) {
      case MediaError.MEDIA_ERR_NETWORK:
        return 'The connection failed while the recording was loading.';
      case MediaError.MEDIA_ERR_DECODE:
        return 'The recording file is damaged and cannot be decoded.';
      case MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED:
        return 'The recording could not be loaded: the file is missing, or not audio this browser can play.';
      default:
        return 'Loading the recording was interrupted.';
    }
  }
  const message = error instanceof Error ? error.message : '';
  return `The recording could not be played${message ? ` (${message})` : ''}.`;
}
