import type { ConversationAnalytics } from '../../contract';
import type { Random } from './prng';
import type { CallContext, Scenario } from './scenarios';

export interface AnalyticsInput {
  ctx: CallContext;
  scenario: Scenario;
  summary: string;
  phoneCall: boolean;
  /** Whether the caller said their address on the call. */
  addressSaid: boolean;
}

/**
 * What Trata's analytics extract. Like the seed's, they are claims rather than facts: an email or
 * street address can appear that nobody said, and a name may be cut to the first name.
 */
export function buildAnalytics(input: AnalyticsInput, rng: Random): ConversationAnalytics {
  const { ctx, scenario, phoneCall } = input;
  const { person } = ctx;
  const details = scenario.givesDetails;
  return {
    summary: input.summary,
    action_items: scenario.actionItems(ctx),
    is_audio_consent_given: rng.chance(0.8),
    email_address_of_caller: rng.chance(details ? 0.6 : 0.05) ? person.email : null,
    name_of_caller: details ? (rng.chance(0.15) ? person.firstName : person.name) : null,
    phone_number_of_caller: details
      ? person.phone.written
      : phoneCall && rng.chance(0.5)
        ? person.phone.e164
        : null,
    address_of_caller: input.addressSaid || (details && rng.chance(0.25)) ? person.address : null,
    sentiment_of_caller: scenario.sentiment,
    prospectStatus: scenario.prospectStatus,
  };
}
