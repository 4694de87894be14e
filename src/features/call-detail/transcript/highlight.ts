export interface TextPart {
  text: string;
  match: boolean;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits `text` into plain and matching parts (case-insensitive). The parts become React text
 * nodes: nothing here is ever HTML.
 */
export function splitHighlights(text: string, query: string): TextPart[] {
  const needle = query.trim();
  if (!needle) return [{ text, match: false }];
  const parts: TextPart[] = [];
  const pattern = new RegExp(escapeRegExp(needle), 'gi');
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const at = found.index;
    if (at > last) parts.push({ text: text.slice(last, at), match: false });
    parts.push({ text: found[0], match: true });
    last = at + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts.length ? parts : [{ text, match: false }];
}

export function countMatches(text: string, query: string): number {
  return splitHighlights(text, query).filter((part) => part.match).length;
}
