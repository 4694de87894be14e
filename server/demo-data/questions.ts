import { pickSlot } from './calendar';
import type { Random } from './prng';
import type { Item, Qa } from './businesses';
import type { CallContext, Turn } from './scenarios';
import { ai, capitalize, user } from './wording';

const LEAD_INS = ['', '', 'And ', 'Okay. ', 'One more thing. ', 'Also, ', 'Hmm. ', 'Oh, and '];
const ACKNOWLEDGEMENTS = ['', '', '', 'Good question. ', 'Sure. ', 'Of course. '];
const REPEATS = ['Sorry, can you say that again?', 'Wait, I missed that.', 'Sorry, one more time?'];

function leadIn(question: string, rng: Random): string {
  const lead = rng.pick(LEAD_INS);
  if (lead === '' || lead.endsWith('. ')) return `${lead}${question}`;
  const keepCapital = /^I\b/.test(question);
  return `${lead}${keepCapital ? question : question.charAt(0).toLowerCase() + question.slice(1)}`;
}

/** Takes a random element out of `pool`, or undefined when it is empty. */
function draw<T>(pool: T[], rng: Random): T | undefined {
  if (pool.length === 0) return undefined;
  const at = Math.floor(rng.next() * pool.length);
  const item = pool[at]!;
  pool[at] = pool[pool.length - 1]!;
  pool.pop();
  return item;
}

/**
 * The caller's further questions and the AI's answers: what longer calls go on with and hour-long
 * consultations loop through. Each FAQ, price and staff question comes up once; after that the
 * caller asks about other dates, or asks the AI to repeat something.
 */
export class FollowUps {
  private readonly faq: Qa[];
  private readonly items: Item[];
  private readonly services: string[];
  private askedHours = false;

  constructor(
    private readonly ctx: CallContext,
    private readonly startMs: number,
    private readonly rng: Random,
  ) {
    this.faq = [...ctx.business.faq];
    this.items = [...ctx.business.items];
    this.services = [...ctx.business.services];
  }

  next(): Turn[] {
    const { rng } = this;
    const [question, answer, asIs] = this.pair();
    return [
      user(asIs ? question : leadIn(question, rng)),
      ai(`${rng.pick(ACKNOWLEDGEMENTS)}${answer}`),
    ];
  }

  /** A question and its answer; the third value says the question needs no lead-in. */
  private pair(): readonly [string, string, boolean?] {
    const { rng } = this;
    const { business } = this.ctx;
    const roll = rng.next();
    if (roll < 0.5) {
      const pair = draw(this.faq, rng);
      if (pair) return pair;
    } else if (roll < 0.62) {
      const item = draw(this.items, rng);
      if (item) return [`How much is ${item.name}?`, `${capitalize(item.name)} is ${item.price}.`];
    } else if (roll < 0.72) {
      const service = draw(this.services, rng);
      if (service)
        return [
          `Who would take care of ${service}?`,
          `That would usually be ${rng.pick(business.staff)}, and everyone on the team is very experienced.`,
        ];
    } else if (roll < 0.76 && !this.askedHours) {
      this.askedHours = true;
      return ['When are you open, again?', rng.pick(business.hours)];
    } else if (roll < 0.86) {
      const [question, answer] = rng.pick(business.faq);
      return [`${rng.pick(REPEATS)} ${question}`, answer, true];
    }
    const slot = pickSlot(rng, this.startMs);
    return rng.chance(0.5)
      ? [
          `What about ${slot.day}? Is anything open?`,
          `${capitalize(slot.day)} I have ${slot.time} and ${slot.otherTime}.`,
        ]
      : [
          `Could you do ${slot.day} at ${slot.time}?`,
          `Let me check. ${capitalize(slot.day)} at ${slot.time} is taken, but ${slot.otherTime} is free.`,
        ];
  }
}
