import type { Bubble } from './normalize';

export type EvidenceField = 'name' | 'phone' | 'email' | 'address';

/**
 * Where the caller said an extracted value, as a bubble index, or null when the transcript never
 * says it: the analytics' fields are claims, not facts.
 */
export function findEvidence(
  bubbles: readonly Bubble[],
  field: EvidenceField,
  value: string | null | undefined,
): number | null {
  if (!value || !value.trim()) return null;
  const callerBubbles = bubbles
    .map((bubble, index) => ({ bubble, index }))
    .filter(({ bubble }) => bubble.speaker !== 'AI');
  switch (field) {
    case 'phone':
      return findDigits(callerBubbles, value);
    case 'email':
      return findText(callerBubbles, normalizeEmail(value), normalizeEmail);
    case 'name':
      return (
        findText(callerBubbles, value.toLowerCase(), (text) => text.toLowerCase()) ??
        findText(callerBubbles, value.split(/\s+/)[0]!.toLowerCase(), (text) => text.toLowerCase())
      );
    case 'address':
      return findText(
        callerBubbles,
        normalizeAddress(value).split(' ').slice(0, 3).join(' '),
        normalizeAddress,
      );
  }
}

type Candidate = { bubble: Bubble; index: number };

function findText(
  candidates: Candidate[],
  needle: string,
  normalize: (text: string) => string,
): number | null {
  if (needle.length < 2) return null;
  const pattern = new RegExp(
    `(^|[^\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`,
    'u',
  );
  return candidates.find(({ bubble }) => pattern.test(normalize(bubble.text)))?.index ?? null;
}

/**
 * Digits are matched across the caller's consecutive fragments, since a number is often said in
 * pieces ("96260", then "12778.").
 */
function findDigits(candidates: Candidate[], value: string): number | null {
  const wanted = value.replace(/\D/g, '');
  if (wanted.length < 5) return null;
  let digits = '';
  const owner: number[] = [];
  for (const { bubble, index } of candidates) {
    for (const fragment of bubble.fragments) {
      for (const char of fragment.text.replace(/\D/g, '')) {
        digits += char;
        owner.push(index);
      }
    }
  }
  // Callers often leave out the country code; the last ten digits are enough to recognise it.
  const tail = wanted.length > 10 ? wanted.slice(-10) : wanted;
  const at = digits.indexOf(tail);
  return at < 0 ? null : owner[at]!;
}

function normalizeEmail(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+at\s+/g, '@')
    .replace(/\s+dot\s+/g, '.')
    .replace(/\s+/g, ' ');
}

function normalizeAddress(text: string): string {
  return text.toLowerCase().replace(/[,.#]/g, ' ').replace(/\s+/g, ' ').trim();
}
