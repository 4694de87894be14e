import { formatTrataTimestamp, type TranscriptMessage } from '../../contract';
import type { Business } from './businesses';
import type { Random } from './prng';
import type { Turn } from './scenarios';
import { estimateSpeechSeconds } from './timing';

export interface TimedCall {
  messages: TranscriptMessage[];
  durationSeconds: number;
}

/**
 * Stretches a script towards a target length with the business's questions and answers, the way
 * long calls really go on.
 */
export function padToLength(
  turns: Turn[],
  business: Business,
  targetSeconds: number,
  rng: Random,
): Turn[] {
  const speechOf = (list: Turn[]) =>
    list.reduce((sum, turn) => sum + estimateSpeechSeconds(turn.text) + 1.2, 0);
  let total = speechOf(turns);
  if (total >= targetSeconds) return turns;
  const closing = turns.slice(-2);
  const body = turns.slice(0, -2);
  const extra: Turn[] = [];
  while (total < targetSeconds) {
    const [question, answer] = rng.pick(business.faq);
    const follow = rng.pick([
      'And one more thing.',
      'Okay, I see.',
      'Hmm, interesting.',
      'Right, got it.',
    ]);
    const pair: Turn[] = [
      { speaker: 'USER', text: `${follow} ${question}` },
      { speaker: 'AI', text: answer },
    ];
    extra.push(...pair);
    total += speechOf(pair);
  }
  return [...body, ...extra, ...closing];
}

/**
 * Places each line on the call's timeline: a line lasts as long as it takes to say, then a pause
 * follows. The AI usually answers within two seconds, sometimes much later.
 */
export function timeCall(
  turns: Turn[],
  startMs: number,
  minimumSeconds: number,
  rng: Random,
  aiIdPrefix: number,
): TimedCall {
  const messages: TranscriptMessage[] = [];
  let cursor = 0.25 + rng.next() * 0.2;
  let previous: Turn | undefined;
  for (const turn of turns) {
    if (previous) {
      if (previous.speaker === turn.speaker) cursor += 0.15 + rng.next() * 0.45;
      else if (turn.speaker === 'AI')
        cursor += rng.chance(0.08) ? 3 + rng.next() * 5 : 0.6 + rng.next() * 1.4;
      else cursor += 0.4 + rng.next() * 1.1;
    }
    const seconds = round3(cursor);
    messages.push({
      speaker: turn.speaker,
      message: turn.text,
      timestamp: formatTrataTimestamp(startMs + seconds * 1000),
      message_id:
        turn.speaker === 'AI'
          ? `dia.${aiIdPrefix + Math.floor(seconds)}.${rng.alnum(8)}`
          : turn.text,
    });
    cursor += estimateSpeechSeconds(turn.text);
    previous = turn;
  }
  const durationSeconds = round3(Math.max(minimumSeconds, cursor + 1.5 + rng.next() * 4));
  return { messages, durationSeconds };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
