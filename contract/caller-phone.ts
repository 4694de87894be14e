import type { Conversation } from './conversation';

/**
 * Source types that mean the call came over the phone network. Trata documents only "BROWSER";
 * phone calls arrive as "PHONE" in the demo data, and an upstream may name them otherwise.
 */
const PHONE_SOURCE_TYPE = /^(phone|call|sip|pstn|tel|telephone|voice)(_|$)|phone/i;

export function isPhoneSourceType(sourceType: string | null | undefined): boolean {
  return typeof sourceType === 'string' && PHONE_SOURCE_TYPE.test(sourceType);
}

export interface CallerPhone {
  number: string;
  /** `given`: the number the caller gave; `caller-id`: the line the call came from. */
  origin: 'given' | 'caller-id';
}

/**
 * The caller's number: the one the analytics extracted, or else, on a phone call, the caller ID
 * the call came in on (`source`). Both the list and the search use this rule.
 */
export function callerPhoneOf(
  conversation: Pick<Conversation, 'source' | 'sourceType' | 'conversationAnalytics'>,
): CallerPhone | null {
  const given = conversation.conversationAnalytics?.phone_number_of_caller?.trim();
  if (given) return { number: given, origin: 'given' };
  const source = conversation.source?.trim();
  if (source && isPhoneSourceType(conversation.sourceType) && /\d/.test(source)) {
    return { number: source, origin: 'caller-id' };
  }
  return null;
}
