import { describe, expect, it } from 'vitest';
import { findEvidence } from './evidence';
import { normalizeTranscript } from './normalize';

function transcript(...lines: [speaker: string, text: string, second: number][]) {
  return normalizeTranscript(
    lines.map(([speaker, message, second]) => ({
      speaker,
      message,
      timestamp: `2026-01-01T00:${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}`,
    })),
    { timestampStart: '2026-01-01T00:00:00' },
  );
}

describe('findEvidence', () => {
  const bubbles = transcript(
    ['AI', 'Can I have your email, Maria Lopez?', 0],
    ['USER', 'Sure, it is m dot lopez at example dot com.', 10],
    ['AI', 'And your address?', 20],
    ['USER', 'It is 42 Elm Street, Springfield.', 30],
    ['AI', 'Your number is 555 0100 1234, right?', 40],
    ['USER', 'Yes. My name is Maria.', 50],
  );

  it('matches an email the caller spelled out', () => {
    expect(findEvidence(bubbles, 'email', 'M.Lopez@example.com')).toBe(1);
  });

  it('matches the start of an address, ignoring punctuation', () => {
    expect(findEvidence(bubbles, 'address', '42 Elm Street, Apt 3, Springfield, IL')).toBe(3);
  });

  it('matches a name by its first word when the full name was never said', () => {
    expect(findEvidence(bubbles, 'name', 'Maria Lopez')).toBe(5);
  });

  it('only counts what the caller said, never the AI', () => {
    expect(findEvidence(bubbles, 'phone', '555-0100-1234')).toBeNull();
  });

  it('needs whole words, not a piece of another word', () => {
    const names = transcript(['USER', 'I am calling about Marianne.', 1]);
    expect(findEvidence(names, 'name', 'Maria')).toBeNull();
  });

  it('returns null for missing or too-short values', () => {
    expect(findEvidence(bubbles, 'email', null)).toBeNull();
    expect(findEvidence(bubbles, 'phone', '123')).toBeNull();
    expect(findEvidence(bubbles, 'name', '  ')).toBeNull();
  });
});
