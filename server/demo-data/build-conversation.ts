import type { Conversation, TranscriptMessage } from '../../contract';
import { buildAnalytics } from './analytics';
import { buildTranscript, pickTargetSeconds } from './build-transcript';
import { BUSINESSES, type Business, type BusinessKey, type Item } from './businesses';
import { pickCallStartMs, pickSlot } from './calendar';
import { pickCallerStyle, PLAIN_STYLE, type CallerStyle } from './caller-style';
import { applyMess, MESS_KINDS, MESSY_SHARE, type MessKind } from './messy';
import { createPerson, type Person } from './people';
import type { Random } from './prng';
import type { Journeys } from './prospects';
import {
  pickScenario,
  scenarioByKey,
  type CallContext,
  type CallKind,
  type Scenario,
} from './scenarios';
import { demoRecordingUrl } from './seed-example';
import {
  isLongCallAt,
  SPECIAL_IDS,
  specialKindAt,
  XSS_PAYLOAD,
  type SpecialKind,
} from './special-calls';
import { formatMicros } from './trata-time';

/** A demo conversation: its transcript is always the message array, never a reference. */
export type DemoConversation = Conversation & { transcriptText: TranscriptMessage[] };

/** A generated conversation with what it was made from, for tests and reports. */
export interface GeneratedCall {
  conversation: DemoConversation;
  business: BusinessKey;
  scenario: string;
  kind: CallKind;
  mess?: MessKind;
  special?: SpecialKind;
  long: boolean;
}

export interface GeneratorState {
  rng: Random;
  nowMs: number;
  recordingOrigin: string;
  journeys: Journeys;
}

const HOUR_MS = 3600_000;
/** What a business without products sells when a scenario needs an item. */
const GIFT_CARD: Item = { name: 'a gift card', price: '$50' };

function scenarioFor(
  special: SpecialKind | undefined,
  long: boolean,
  mess: MessKind | undefined,
  business: Business,
  rng: Random,
): Scenario {
  if (special === 'xss') return scenarioByKey('book-service');
  if (special === 'emptyTranscript' || mess === 'empty-transcript')
    return scenarioByKey('silent-line');
  if (long) return scenarioByKey('consultation');
  let scenario = pickScenario(rng, business);
  // A caller's fragments or unicode name only show where the caller says enough.
  if (mess === 'fragments' || mess === 'unicode')
    while (!scenario.givesDetails) scenario = pickScenario(rng, business);
  return scenario;
}

function styleFor(
  special: SpecialKind | undefined,
  mess: MessKind | undefined,
  rng: Random,
): CallerStyle {
  if (special === 'xss') return { ...PLAIN_STYLE, isolate: XSS_PAYLOAD };
  if (mess === 'fragments')
    return { ...PLAIN_STYLE, fragmentRate: 1, maxFragments: 3, minWordsToSplit: 4 };
  if (mess === 'unicode') return { ...PLAIN_STYLE, emojiRate: 0.5 };
  return pickCallerStyle(rng);
}

function businessOf(key: BusinessKey): Business {
  return BUSINESSES.find((business) => business.key === key)!;
}

function randomIp(rng: Random): string {
  const first = rng.pick([24, 34, 35, 67, 73, 98, 104, 142, 174, 184]);
  return `${first}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** The conversation at position `index` (1 and up; 0 is the seed's example). */
export function buildCall(index: number, state: GeneratorState): GeneratedCall {
  const { rng } = state;
  const special = specialKindAt(index);
  const long = special === 'long' || isLongCallAt(index);
  // A returning caller's call is plain: no mess, no special case, no hour-long call.
  const visit = special || long ? undefined : state.journeys.take(rng);
  const mess = !special && !visit && rng.chance(MESSY_SHARE) ? rng.pick(MESS_KINDS) : undefined;
  const business = visit ? businessOf(visit.prospect.business) : rng.pick(BUSINESSES);
  const startMs = visit?.startMs ?? pickCallStartMs(rng, state.nowMs);
  const journey =
    visit || special || long || mess ? undefined : state.journeys.plan(business, startMs, rng);
  const scenario =
    visit?.scenario ?? journey?.first ?? scenarioFor(special, long, mess, business, rng);
  const startUs = startMs * 1000 + rng.int(0, 999);

  let person: Person = visit?.prospect.person ?? createPerson(rng, mess === 'unicode');
  if (special === 'xss') person = { ...person, name: XSS_PAYLOAD, firstName: XSS_PAYLOAD };

  const ctx: CallContext = {
    business,
    person,
    service: rng.pick(business.services),
    item: business.items.length > 0 ? rng.pick(business.items) : GIFT_CARD,
    staff: rng.pick(business.staff),
    complaint: rng.pick(business.complaints),
    slot: pickSlot(rng, startMs),
  };
  const transcript = buildTranscript(
    {
      ctx,
      scenario,
      style: styleFor(special, mess, rng),
      startUs,
      targetSeconds: pickTargetSeconds(rng, long),
      long,
    },
    rng,
  );

  const endUs = startUs + transcript.durationUs;
  const createdUs = endUs + rng.int(2_000_000, 30_000_000);
  const archived = rng.chance(0.15);
  const updatedUs = archived
    ? Math.max(
        createdUs,
        Math.min(createdUs + rng.int(HOUR_MS, 5 * 24 * HOUR_MS) * 1000, state.nowMs * 1000),
      )
    : createdUs + 1;
  const epoch = Math.floor(startUs / 1_000_000);
  const id = special ? SPECIAL_IDS[special] : `con.${epoch}.${rng.alnum(8)}`;
  const prospectId =
    visit?.prospect.id ?? `pro.${Math.floor(createdUs / 1_000_000)}.${rng.alnum(8)}`;
  if (journey)
    state.journeys.schedule(
      journey,
      { id: prospectId, person, business: business.key },
      startMs,
      rng,
    );
  const phoneCall = rng.chance(0.7);
  const summary = scenario.summary(ctx);

  const conversation: DemoConversation = {
    id,
    orgId: business.orgId,
    prospectId,
    source: phoneCall ? person.phone.e164 : randomIp(rng),
    sourceType: phoneCall ? 'PHONE' : 'BROWSER',
    aiAgentId: business.aiAgentId,
    transcriptText: transcript.messages,
    transcriptSummary: summary,
    transcriptRecordingUrl: demoRecordingUrl(state.recordingOrigin, id),
    timestampStart: formatMicros(startUs),
    timestampEnd: formatMicros(endUs),
    conversationAnalytics: buildAnalytics(
      {
        ctx,
        scenario,
        summary,
        phoneCall,
        addressSaid: transcript.addressSaid,
      },
      rng,
    ),
    status: archived ? 'archived' : 'active',
    createdBy: 'trata-system',
    createdAt: formatMicros(createdUs),
    updatedBy: archived ? 'qa@callscope.demo' : 'trata-system',
    updatedAt: formatMicros(updatedUs),
  };
  // The analytics may shorten a name to its first word; this one must stay whole.
  if (special === 'xss' && conversation.conversationAnalytics)
    conversation.conversationAnalytics.name_of_caller = XSS_PAYLOAD;
  if (special === 'noRecording') conversation.transcriptRecordingUrl = null;
  if (special === 'emptyTranscript') conversation.transcriptText = [];
  if (mess) applyMess(conversation, mess, rng);
  return {
    conversation,
    business: business.key,
    scenario: scenario.key,
    kind: scenario.kind,
    mess,
    special,
    long,
  };
}
