import { AsYouType, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { callerPhoneOf, SEARCH_VALUE_MIN, type Conversation } from '../../contract';

/** Numbers without a country code are read as this country's, as the dashboard shows them. */
const DEFAULT_COUNTRY = 'US';

const digitsOf = (text: string) => text.replace(/\D+/g, '');

/**
 * What a phone search looks in: every digit form of the caller's number (see `callerPhoneOf`:
 * the number given, or a phone call's caller ID), separated by spaces so no match spans two. A
 * valid number adds its international digits (country code and national significant number)
 * and its national digits (with a trunk prefix where the country dials one), so any way of
 * writing the number finds it. Computed once, when the row is written.
 */
export function phoneSearchText(
  conversation: Pick<Conversation, 'source' | 'sourceType' | 'conversationAnalytics'>,
): string {
  const raw = callerPhoneOf(conversation)?.number;
  if (!raw) return '';
  const forms = new Set([digitsOf(raw)]);
  const parsed = parsePhoneNumberFromString(raw, DEFAULT_COUNTRY);
  if (parsed?.isValid()) {
    forms.add(`${parsed.countryCallingCode}${parsed.nationalNumber}`);
    forms.add(digitsOf(parsed.formatNational()));
  }
  forms.delete('');
  return [...forms].join(' ');
}

/**
 * The digits a phone search looks for. A full number matches on its national significant number,
 * so "+1 303 357 1735", "(303) 357-1735" and "3033571735" are one search; a partial number that
 * starts with "+" drops its country code; anything else ("357-1735") matches on its digits.
 */
export function phoneSearchNeedle(value: string): string {
  const digits = digitsOf(value);
  const parsed = parsePhoneNumberFromString(value, DEFAULT_COUNTRY);
  let national = parsed?.isValid() ? parsed.nationalNumber : '';
  if (!national && value.trim().startsWith('+')) {
    const typing = new AsYouType();
    typing.input(value);
    national = typing.getNumber()?.nationalNumber ?? '';
  }
  return national.length >= SEARCH_VALUE_MIN ? national : digits;
}
