import type { Random } from './prng';
import type { Turn } from './scenarios';

/** How one caller talks, decided once per call. */
export interface CallerStyle {
  /** Share of longer turns said in two or three fragments, like the seed's caller. */
  fragmentRate: number;
  maxFragments: 2 | 3;
  /** Lines shorter than this many words are said in one go. */
  minWordsToSplit: number;
  /** Share of turns that start with "Um," or "So,". */
  fillerRate: number;
  /** Share of turns that end with an emoji (chat-like transcripts from the browser widget). */
  emojiRate: number;
  /** Text said as a message of its own wherever it occurs (the XSS payload). */
  isolate?: string;
}

/** A caller who says each line whole; `styleTurns` leaves their lines as they are. */
export const PLAIN_STYLE: CallerStyle = {
  fragmentRate: 0,
  maxFragments: 2,
  minWordsToSplit: 6,
  fillerRate: 0,
  emojiRate: 0,
};

export function pickCallerStyle(rng: Random): CallerStyle {
  const fragmentRate = rng.chance(0.3) ? 0.35 : 0;
  const fillerRate = rng.chance(0.4) ? 0.15 : 0;
  if (fragmentRate === 0 && fillerRate === 0) return PLAIN_STYLE;
  return { ...PLAIN_STYLE, fragmentRate, fillerRate };
}

const FILLERS = ['Um, ', 'Uh, ', 'So, ', 'Yeah, ', 'Okay, '];
const EMOJI = ['🙂', '👍', '🙏', '😅', '🎉', '❤️'];
/** Lines that already open with a filler or a link word, or not with a plain word. */
const LEADS_ALREADY =
  /^(?![A-Z][a-z])|^(And|Also|Okay|Oh|Hmm|One|So|Um|Uh|Yeah|Yes|No|Sorry|Wait)\b/;

/** The caller's turns as the transcript records them: fragments, fillers and emoji. */
export function styleTurns(
  turns: readonly Turn[],
  style: CallerStyle,
  rng: Random,
): readonly Turn[] {
  if (style === PLAIN_STYLE) return turns;
  const out: Turn[] = [];
  for (const turn of turns) {
    if (turn.speaker !== 'USER') {
      out.push(turn);
      continue;
    }
    let text = turn.text;
    if (style.fillerRate > 0 && rng.chance(style.fillerRate) && !LEADS_ALREADY.test(text))
      text = `${rng.pick(FILLERS)}${text.charAt(0).toLowerCase()}${text.slice(1)}`;
    if (style.emojiRate > 0 && /[.!?]$/.test(text) && rng.chance(style.emojiRate))
      text = `${text} ${rng.pick(EMOJI)}`;
    const pieces =
      style.isolate && text.includes(style.isolate)
        ? isolate(text, style.isolate)
        : style.fragmentRate > 0 && rng.chance(style.fragmentRate)
          ? fragment(text, rng.int(2, style.maxFragments), style.minWordsToSplit, rng)
          : [text];
    if (pieces.length === 1 && pieces[0] === turn.text) out.push(turn);
    else for (const piece of pieces) out.push({ speaker: 'USER', text: piece });
  }
  return out;
}

/** The text around each occurrence of `part`, and `part` itself once, as separate messages. */
function isolate(text: string, part: string): string[] {
  const pieces: string[] = [];
  let rest = text;
  for (let at = rest.indexOf(part); at >= 0; at = rest.indexOf(part)) {
    pieces.push(rest.slice(0, at).trim());
    if (!pieces.includes(part)) pieces.push(part);
    rest = rest.slice(at + part.length).trim();
  }
  pieces.push(rest);
  return pieces.filter((piece) => /[\p{L}\p{N}]/u.test(piece));
}

const ascending = (a: number, b: number) => a - b;

/** Cuts a line where a speaker would pause: after a comma if there is one, else mid-phrase. */
function fragment(text: string, pieces: number, minWords: number, rng: Random): string[] {
  const spaces: number[] = [];
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) spaces.push(at);
  // A cut goes at a space, leaving at least two words on each side.
  if (spaces.length + 1 < Math.max(minWords, pieces * 2)) return [text];
  const cuts = new Set<number>();
  for (let i = 1; i < spaces.length - 1; i++) {
    if (text[spaces[i]! - 1] !== ',') continue;
    cuts.add(spaces[i]!);
    break;
  }
  while (cuts.size < pieces - 1) cuts.add(spaces[rng.int(1, Math.max(1, spaces.length - 2))]!);
  const out: string[] = [];
  let from = 0;
  for (const cut of [...cuts].sort(ascending)) {
    out.push(text.slice(from, cut));
    from = cut + 1;
  }
  out.push(text.slice(from));
  return out;
}
