import type { TranscriptMessage } from '../../contract';
import { styleTurns, type CallerStyle } from './caller-style';
import type { Random } from './prng';
import { FollowUps } from './questions';
import type { CallContext, Scenario, Turn } from './scenarios';
import { estimateSpeechSeconds } from './timing';
import { Timeline } from './timeline';
import { ai, user } from './wording';

export const MIN_CALL_SECONDS = 20;
export const MAX_CALL_SECONDS = 20 * 60;
export const LONG_CALL_SECONDS = 60 * 60;
/** What a closing exchange costs on top of its speech: the pauses around each line. */
const PAUSE_ALLOWANCE_SECONDS = 1.2;

/** How long the call should run: most are short, some long, a few an hour. */
export function pickTargetSeconds(rng: Random, long: boolean): number {
  if (long) return LONG_CALL_SECONDS - 10;
  const roll = rng.next();
  if (roll < 0.7) return rng.between(MIN_CALL_SECONDS, 120);
  if (roll < 0.95) return rng.between(120, 360);
  // Room for one more question, the goodbye and the tail before the 20-minute ceiling.
  return rng.between(360, MAX_CALL_SECONDS - 60);
}

export interface TranscriptPlan {
  ctx: CallContext;
  scenario: Scenario;
  style: CallerStyle;
  startUs: number;
  targetSeconds: number;
  long: boolean;
}

export interface TimedTranscript {
  messages: TranscriptMessage[];
  durationUs: number;
  /** Whether the caller said their address, so the analytics may quote it. */
  addressSaid: boolean;
}

/** A caller who opens in their own language, and the AI that only speaks English. */
function nativeOpening(ctx: CallContext): Turn[] {
  const line = ctx.person.nativeLine;
  if (!line) return [];
  return [
    user(line),
    ai('I am sorry, I can only help in English at the moment. How can I help you?'),
    user('Oh, sorry. English is fine.'),
  ];
}

/**
 * The AI says what it has to say in one message per turn, as Trata records it, unless it waited
 * in between for a caller who said nothing.
 */
function joinAiLines(turns: readonly Turn[]): Turn[] {
  const out: Turn[] = [];
  for (const turn of turns) {
    const last = out.at(-1);
    if (last?.speaker === 'AI' && turn.speaker === 'AI' && !turn.afterSilence)
      out[out.length - 1] = { speaker: 'AI', text: `${last.text} ${turn.text}` };
    else out.push(turn);
  }
  return out;
}

/**
 * Where a caller can bring up more questions: the last point where the AI has just made a
 * statement (not asked a question) and the caller takes the floor. At the end if there is none.
 */
function followUpPoint(script: readonly Turn[]): number {
  for (let i = script.length - 1; i > 0; i--) {
    const before = script[i - 1]!;
    if (script[i]!.speaker === 'USER' && before.speaker === 'AI' && !before.text.endsWith('?'))
      return i;
  }
  return script.length;
}

function saysAddress(script: readonly Turn[], address: string): boolean {
  for (const turn of script) if (turn.text.includes(address)) return true;
  return false;
}

/**
 * The greeting, the scenario's lines and, for longer calls, more questions before the goodbye,
 * each placed on the timeline where it would be said.
 */
export function buildTranscript(plan: TranscriptPlan, rng: Random): TimedTranscript {
  const { ctx, scenario, style } = plan;
  const startMs = plan.startUs / 1000;
  const timeline = new Timeline(plan.startUs, rng);
  const script = joinAiLines([
    ai(rng.pick(ctx.business.greetings)),
    ...nativeOpening(ctx),
    ...scenario.script(ctx, rng),
  ]);

  if (!scenario.stretches) {
    timeline.say(styleTurns(script, style, rng));
  } else {
    const at = followUpPoint(script);
    const closing = script.slice(at);
    let closingSeconds = 0;
    for (const turn of closing)
      closingSeconds += estimateSpeechSeconds(turn.text) + PAUSE_ALLOWANCE_SECONDS;
    timeline.say(styleTurns(script.slice(0, at), style, rng));
    const followUps = new FollowUps(ctx, startMs, rng);
    while (timeline.seconds() + closingSeconds < plan.targetSeconds)
      timeline.say(styleTurns(followUps.next(), style, rng));
    timeline.say(styleTurns(closing, style, rng));
  }
  const minimum = plan.long ? LONG_CALL_SECONDS : MIN_CALL_SECONDS;
  return {
    messages: timeline.messages,
    durationUs: timeline.finish(minimum),
    addressSaid: saysAddress(script, ctx.person.address),
  };
}
