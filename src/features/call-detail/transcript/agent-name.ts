import type { Bubble } from './normalize';

const INTRODUCTION = /\b(?:I am|I'm|this is|my name is)\s+([A-Z][a-z]+)\b/;

/** The AI introduces itself ("I am Sophia", "this is Emma"); its name, when it does. */
export function agentNameFrom(bubbles: readonly Bubble[]): string | null {
  for (const bubble of bubbles.slice(0, 6)) {
    if (bubble.speaker !== 'AI') continue;
    const name = INTRODUCTION.exec(bubble.text)?.[1];
    if (name) return name;
  }
  return null;
}
