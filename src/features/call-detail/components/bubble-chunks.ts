import type { Bubble } from '../transcript/normalize';

/**
 * Bubbles per group. The browser lays out a box by walking all of its children, so one long
 * column of 5,000 bubbles costs milliseconds per change of highlight; in groups, a change walks
 * the groups and one group's bubbles.
 */
export const CHUNK_SIZE = 64;

export interface BubbleChunk {
  /** Index of the chunk's first bubble in the whole transcript. */
  first: number;
  bubbles: readonly Bubble[];
}

export function chunkBubbles(bubbles: readonly Bubble[]): BubbleChunk[] {
  const chunks: BubbleChunk[] = [];
  for (let first = 0; first < bubbles.length; first += CHUNK_SIZE) {
    chunks.push({ first, bubbles: bubbles.slice(first, first + CHUNK_SIZE) });
  }
  return chunks;
}

/** The element of bubble `index` in a list rendered from `chunkBubbles`, found without a search. */
export function bubbleElement(list: HTMLElement, index: number): HTMLElement | null {
  const chunk = list.children[Math.floor(index / CHUNK_SIZE)];
  const element = chunk?.children[index % CHUNK_SIZE];
  return element instanceof HTMLElement ? element : null;
}
