import { splitHighlights } from '../transcript/highlight';
import type { Bubble } from '../transcript/normalize';
import { estimateSpeechSeconds } from '@contract';

/** One occurrence of the query: in which bubble, which fragment, and which hit in that fragment. */
export interface SearchMatch {
  bubble: number;
  fragment: number;
  occurrence: number;
}

/**
 * Every occurrence of `query` in the transcript, in reading order. Fragments are searched one by
 * one, exactly as the bubbles highlight them, so "n of m" always agrees with what is marked.
 */
export function findMatches(bubbles: readonly Bubble[], query: string): SearchMatch[] {
  if (!query.trim()) return [];
  const matches: SearchMatch[] = [];
  bubbles.forEach((bubble, bubbleIndex) => {
    bubble.fragments.forEach((fragment, fragmentIndex) => {
      let occurrence = 0;
      for (const part of splitHighlights(fragment.text, query)) {
        if (part.match)
          matches.push({ bubble: bubbleIndex, fragment: fragmentIndex, occurrence: occurrence++ });
      }
    });
  });
  return matches;
}

/** The stretches of audio that hold a match, one per fragment, for the waveform's regions. */
export function matchRegions(
  bubbles: readonly Bubble[],
  matches: readonly SearchMatch[],
): { start: number; end: number }[] {
  const seen = new Set<string>();
  const regions: { start: number; end: number }[] = [];
  for (const match of matches) {
    const key = `${match.bubble}:${match.fragment}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fragment = bubbles[match.bubble]!.fragments[match.fragment]!;
    regions.push({
      start: fragment.offset,
      end: fragment.offset + estimateSpeechSeconds(fragment.text),
    });
  }
  return regions;
}

/** The key a bubble uses to mark its focused hit: "fragment:occurrence". */
export const matchKey = (match: SearchMatch) => `${match.fragment}:${match.occurrence}`;
