import { describe, expect, it } from 'vitest';
import type { Bubble } from '../transcript/normalize';
import { bubbleElement, CHUNK_SIZE, chunkBubbles } from './bubble-chunks';

const bubbles = (count: number): Bubble[] =>
  Array.from({ length: count }, (_, i) => ({
    key: `b${i}`,
    speaker: 'AI',
    speakerName: 'AI',
    offset: i,
    fragments: [{ text: `line ${i}`, offset: i }],
    text: `line ${i}`,
  }));

describe('chunkBubbles', () => {
  it('keeps every bubble once, in order, with the index of each chunk’s first', () => {
    const all = bubbles(2 * CHUNK_SIZE + 5);
    const chunks = chunkBubbles(all);
    expect(chunks.map((chunk) => chunk.first)).toEqual([0, CHUNK_SIZE, 2 * CHUNK_SIZE]);
    expect(chunks.flatMap((chunk) => chunk.bubbles)).toEqual(all);
    expect(chunkBubbles([])).toEqual([]);
  });

  it('finds the element of any bubble in the rendered groups', () => {
    const list = document.createElement('div');
    for (const chunk of chunkBubbles(bubbles(CHUNK_SIZE + 3))) {
      const group = document.createElement('div');
      for (const bubble of chunk.bubbles) {
        const element = document.createElement('div');
        element.dataset.bubble = bubble.key;
        group.append(element);
      }
      list.append(group);
    }
    for (const index of [0, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 2]) {
      expect(bubbleElement(list, index)?.dataset.bubble).toBe(`b${index}`);
    }
    expect(bubbleElement(list, CHUNK_SIZE + 3)).toBeNull();
  });
});
