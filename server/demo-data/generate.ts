import { buildCall, type DemoConversation, type GeneratedCall } from './build-conversation';
import { createRandom } from './prng';
import { createJourneys } from './prospects';
import { seedConversation } from './seed-example';

export { estimateSpeechSeconds } from './timing';
export { demoRecordingUrl } from './seed-example';
export {
  EMPTY_TRANSCRIPT_EXAMPLE_ID,
  LONG_CALL_EXAMPLE_ID,
  NO_RECORDING_EXAMPLE_ID,
  SEED_EXAMPLE_ID,
  XSS_EXAMPLE_ID,
  XSS_PAYLOAD,
} from './special-calls';

/** The default seed: the seed example's date, 2024-11-11. */
export const DEMO_SEED = 20_241_111;

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** The end of the 90 days the calls spread over; the current time when absent. */
  now?: Date;
  /** Origin of the demo API, which also serves the recordings. */
  recordingOrigin: string;
}

/**
 * Every generated call with what it was made from. The seed's example (index 0) is not
 * generated, so it is not included here.
 */
export function* generateCalls(options: GenerateOptions): Generator<GeneratedCall> {
  const nowMs = (options.now ?? new Date()).getTime();
  const state = {
    rng: createRandom(options.seed ?? DEMO_SEED),
    nowMs,
    recordingOrigin: options.recordingOrigin,
    journeys: createJourneys(nowMs),
  };
  for (let index = 1; index < options.count; index++) yield buildCall(index, state);
}

/**
 * The demo's conversations, streamed: the same options give the same conversations. The seed's
 * own example comes first, exactly as the user gave it plus an id.
 */
export function* generateConversations(options: GenerateOptions): Generator<DemoConversation> {
  if (options.count < 1) return;
  yield seedConversation(options.recordingOrigin);
  for (const call of generateCalls(options)) yield call.conversation;
}
