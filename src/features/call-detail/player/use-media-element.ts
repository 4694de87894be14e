import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { describeMediaError } from './media-error';
import { stopAudio, takeAudio } from './preloaded-audio';
import type { PlayerState } from './use-wavesurfer';

/**
 * The call's audio element, loading as soon as the call is known: in parallel with the peaks,
 * not after them. It is never in the DOM; wavesurfer drives it.
 */
export function useMediaElement(
  url: string | null,
  setState: Dispatch<SetStateAction<PlayerState>>,
): HTMLAudioElement | null {
  const [media, setMedia] = useState<HTMLAudioElement | null>(null);
  useEffect(() => {
    if (!url) return;
    // Usually started already by the router's loader, while this page's code was loading.
    const audio = takeAudio(url);
    const onCanPlay = () =>
      setState((current) =>
        current.audio === 'loading' ? { ...current, audio: 'playable' } : current,
      );
    const onError = () =>
      setState((current) => ({
        ...current,
        audio: 'error',
        error: describeMediaError(audio.error),
      }));
    audio.addEventListener('canplay', onCanPlay);
    audio.addEventListener('error', onError);
    if (audio.error) onError();
    else if (audio.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) onCanPlay();
    setMedia(audio);
    return () => {
      audio.removeEventListener('canplay', onCanPlay);
      audio.removeEventListener('error', onError);
      stopAudio(audio);
      setMedia(null);
      setState((current) => ({ ...current, audio: 'loading', error: null }));
    };
  }, [url, setState]);
  return media;
}
