import type { ProspectStatus, Sentiment } from '../../../contract';
import type { Business, BusinessKey, Item } from '../businesses';
import type { Slot } from '../calendar';
import type { Person } from '../people';
import type { Random } from '../prng';
import type { Speaker } from '../timing';

/** Everything a scenario fills its lines with. */
export interface CallContext {
  business: Business;
  person: Person;
  service: string;
  item: Item;
  staff: string;
  complaint: string;
  slot: Slot;
}

export interface Turn {
  speaker: Speaker;
  text: string;
  /** The AI spoke again after waiting for a caller who said nothing. */
  afterSilence?: boolean;
}

/** What kind of call it is, beyond its prospect status: the cases a reviewer looks for. */
export type CallKind =
  'booking' | 'order' | 'enquiry' | 'handoff' | 'angry' | 'hang-up' | 'wrong-number' | 'spam';

export interface Scenario {
  key: string;
  kind: CallKind;
  weight: number;
  /** The businesses where this call makes sense; every business when absent. */
  fits?: readonly BusinessKey[];
  prospectStatus: ProspectStatus;
  sentiment: Sentiment;
  /**
   * Whether a longer call goes on with more questions from the caller. Hang-ups, spam, angry
   * callers and cancellations never do.
   */
  stretches: boolean;
  /** Whether the caller says their name and number, so the analytics can hold them. */
  givesDetails: boolean;
  /** The lines after the AI's greeting. */
  script(ctx: CallContext, rng: Random): Turn[];
  summary(ctx: CallContext): string;
  actionItems(ctx: CallContext): string[];
}
