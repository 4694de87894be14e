import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { describeMediaError } from './media-error';
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
    const audio = new Audio();
    audio.preload = 'auto';
    audio.preservesPitch = true;
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
    audio.src = new URL(url, window.location.href).href;
    setMedia(audio);
    return () => {
      audio.removeEventListener('canplay', onCanPlay);
      audio.removeEventListener('error', onError);
      audio.pause();
      // Drops the connection and the buffer at once, instead of when the element is collected.
      audio.removeAttribute('src');
      audio.load();
      setMedia(null);
      setState((current) => ({ ...current, audio: 'loading', error: null }));
    };
  }, [url, setState]);
  return media;
}
