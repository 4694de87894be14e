import { formatTrataTimestamp, type Conversation } from '../../contract';
import { BUSINESSES } from './businesses';
import { padToLength, timeCall } from './build-call';
import { applyMess, MESS_KINDS } from './messy';
import { createPerson, pickSlot, type Person } from './people';
import { createRandom, type Random } from './prng';
import { SCENARIOS, type Scenario } from './scenarios';
import seedExample from './seed-example.json' with { type: 'json' };
import { applySpecial, SPECIAL_IDS, specialKindAt } from './special-calls';

export { estimateSpeechSeconds } from './timing';
export {
  EMPTY_TRANSCRIPT_EXAMPLE_ID,
  LONG_CALL_EXAMPLE_ID,
  NO_RECORDING_EXAMPLE_ID,
  SEED_EXAMPLE_ID,
  XSS_EXAMPLE_ID,
  XSS_PAYLOAD,
} from './special-calls';

export const DEMO_SEED = 20_241_111;
const DAY_MS = 24 * 3600 * 1000;
const MESSY_SHARE = 0.05;

export interface GenerateOptions {
  count: number;
  seed?: number;
  now?: Date;
  /** Origin of the demo API, which also serves the recordings. */
  recordingOrigin: string;
}

export function demoRecordingUrl(origin: string, id: string): string {
  return `${origin}/recordings/${encodeURIComponent(id)}.mp3`;
}

const totalWeight = SCENARIOS.reduce((sum, scenario) => sum + scenario.weight, 0);

function pickScenario(rng: Random): Scenario {
  let roll = rng.next() * totalWeight;
  for (const scenario of SCENARIOS) {
    roll -= scenario.weight;
    if (roll < 0) return scenario;
  }
  return SCENARIOS[0]!;
}

/** Target call length: most calls are short, some long, a very few an hour. */
function pickTargetSeconds(rng: Random, scenario: Scenario, long: boolean): number {
  if (long) return 3600 + rng.int(0, 240);
  if (scenario.short) return 20 + rng.int(0, 20);
  const roll = rng.next();
  if (roll < 0.7) return 20 + rng.int(0, 100);
  if (roll < 0.95) return 120 + rng.int(0, 240);
  if (roll < 0.998) return 360 + rng.int(0, 780);
  return 3600;
}

/**
 * The demo's conversations, deterministic for a given seed, count and `now`. The seed's own
 * example comes first, exactly as the user gave it plus an id.
 */
export function* generateConversations(options: GenerateOptions): Generator<Conversation> {
  const rng = createRandom(options.seed ?? DEMO_SEED);
  const nowMs = (options.now ?? new Date()).getTime();
  const prospects: { id: string; person: Person }[] = [];
  for (let index = 0; index < options.count; index++) {
    if (index === 0) {
      yield seedConversation(options.recordingOrigin);
      continue;
    }
    yield buildConversation(index, rng, nowMs, prospects, options.recordingOrigin);
  }
}

function seedConversation(origin: string): Conversation {
  const copy = structuredClone(seedExample) as unknown as Conversation;
  const id = SPECIAL_IDS.seed;
  return { ...copy, id, transcriptRecordingUrl: demoRecordingUrl(origin, id) };
}

function buildConversation(
  index: number,
  rng: Random,
  nowMs: number,
  prospects: { id: string; person: Person }[],
  origin: string,
): Conversation {
  const special = specialKindAt(index);
  const business = rng.pick(BUSINESSES);
  const scenario =
    special === 'long' ? SCENARIOS.find((s) => s.key === 'consultation')! : pickScenario(rng);
  const repeat = prospects.length > 20 && rng.chance(0.12) ? rng.pick(prospects) : undefined;
  const person = repeat?.person ?? createPerson(rng, rng.chance(0.03));
  const startMs = Math.floor(nowMs - rng.next() * 90 * DAY_MS);
  const epoch = Math.floor(startMs / 1000);
  const prospectId = repeat?.id ?? `pro.${epoch}.${rng.alnum(8)}`;
  if (!repeat) prospects.push({ id: prospectId, person });
  if (prospects.length > 500) prospects.shift();

  const slot = pickSlot(rng);
  const ctx = { business, ...person, service: rng.pick(business.services), ...slot };
  const target = pickTargetSeconds(rng, scenario, special === 'long');
  const script = [
    { speaker: 'AI' as const, text: rng.pick(business.greetings) },
    ...scenario.turns(ctx, rng),
  ];
  const turns = scenario.short ? script : padToLength(script, business, target, rng);
  const call = timeCall(turns, startMs, Math.min(target, 20), rng, epoch);
  const endMs = startMs + call.durationSeconds * 1000;
  const createdMs = endMs + rng.int(2_000, 30_000);
  const archived = rng.chance(0.15);
  const id = special ? SPECIAL_IDS[special] : `con.${epoch}.${rng.alnum(8)}`;
  const phoneCall = rng.chance(0.7);
  const saidDetails = scenario.givesDetails;

  const conversation: Conversation = {
    id,
    orgId: business.orgId,
    prospectId,
    source: phoneCall
      ? person.e164
      : `${rng.int(11, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    sourceType: phoneCall ? 'PHONE' : 'BROWSER',
    aiAgentId: business.aiAgentId,
    transcriptText: call.messages,
    transcriptSummary: scenario.summary(ctx),
    transcriptRecordingUrl: demoRecordingUrl(origin, id),
    timestampStart: formatTrataTimestamp(startMs),
    timestampEnd: formatTrataTimestamp(endMs),
    conversationAnalytics: {
      summary: scenario.summary(ctx),
      action_items: scenario.actionItems(ctx),
      is_audio_consent_given: rng.chance(0.8),
      // Extracted fields are claims: sometimes the AI "extracts" details nobody said.
      email_address_of_caller: saidDetails || rng.chance(0.1) ? person.email : null,
      name_of_caller: saidDetails ? person.name : null,
      phone_number_of_caller: saidDetails
        ? person.phone
        : phoneCall && rng.chance(0.5)
          ? person.e164
          : null,
      address_of_caller: saidDetails && rng.chance(0.4) ? person.address : null,
      sentiment_of_caller: scenario.sentiment,
      prospectStatus: scenario.prospectStatus,
    },
    status: archived ? 'archived' : 'active',
    createdBy: 'trata-system',
    createdAt: formatTrataTimestamp(createdMs),
    updatedBy: archived ? 'ops@callscope.demo' : 'trata-system',
    updatedAt: formatTrataTimestamp(
      archived ? createdMs + rng.int(3_600_000, 5 * DAY_MS) : createdMs + 1,
    ),
  };
  if (special) applySpecial(conversation, special);
  else if (rng.chance(MESSY_SHARE)) applyMess(conversation, rng.pick(MESS_KINDS), rng);
  return conversation;
}
