import { createBoundedCache } from '@/lib/bounded-cache';

/**
 * Audio elements started before the detail page has rendered (from the router's loader), so the
 * recording's first bytes are on their way while the page's code loads. Only the last few are
 * kept; the others are stopped.
 */
const preloaded = createBoundedCache<string, HTMLAudioElement>(3, (audio) => stopAudio(audio));

function createAudio(url: string): HTMLAudioElement {
  const audio = new Audio();
  audio.preload = 'auto';
  audio.preservesPitch = true;
  audio.src = new URL(url, window.location.href).href;
  return audio;
}

export function preloadAudio(url: string): void {
  if (preloaded.has(url)) return;
  preloaded.set(url, createAudio(url));
}

/** The element started for this URL, handed over once, or a new one. */
export function takeAudio(url: string): HTMLAudioElement {
  return preloaded.take(url) ?? createAudio(url);
}

/** Drops the connection and the buffer at once, instead of when the element is collected. */
export function stopAudio(audio: HTMLAudioElement): void {
  audio.pause();
  audio.removeAttribute('src');
  audio.load();
}
