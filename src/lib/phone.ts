import type { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { callerPhoneOf, type Conversation } from '@contract';
import { createBoundedCache } from './bounded-cache';
import { MISSING } from './format';

type ParsePhone = typeof parsePhoneNumberFromString;

let parsePhone: ParsePhone | null = null;
let loading: Promise<void> | null = null;
/** The formatter could not load (its file did not arrive): numbers stay as given. */
let unavailable = false;
const listeners = new Set<() => void>();

/**
 * libphonenumber's metadata is about a third of the list's JavaScript, and no row needs it to
 * appear: it loads beside the first page of calls, and numbers are shown as given until then.
 */
export function loadPhoneFormatting(): Promise<void> {
  loading ??= import('libphonenumber-js/min').then(
    (module) => {
      parsePhone = module.parsePhoneNumberFromString;
      for (const listener of listeners) listener();
    },
    () => {
      unavailable = true;
      for (const listener of listeners) listener();
    },
  );
  return loading;
}

/** Numbers will not change any more: formatted, or left as given when the formatter failed. */
export function isPhoneFormattingReady(): boolean {
  return parsePhone !== null || unavailable;
}

export function subscribePhoneFormatting(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * National format for the default country, international for others; the text as the caller
 * gave it when it is not a valid number (or before the formatter has loaded).
 */
export function formatPhone(raw: string | null | undefined): string {
  if (raw == null || raw.trim() === '') return MISSING;
  const parse = parsePhone;
  if (!parse) return raw.trim();
  // The same callers come back page after page; each number is formatted once.
  return formatted.getOrCreate(raw, () => {
    const parsed = parse(raw, DEFAULT_COUNTRY);
    if (!parsed || !parsed.isValid()) return raw.trim();
    return parsed.country === DEFAULT_COUNTRY
      ? parsed.formatNational()
      : parsed.formatInternational();
  });
}

const DEFAULT_COUNTRY = 'US';
const formatted = createBoundedCache<string, string>(5_000);

export interface CallerPhoneDisplay {
  /** "Phone" for the number the caller gave, "Caller ID" for the line the call came from. */
  label: 'Phone' | 'Caller ID';
  raw: string;
  text: string;
  origin: 'given' | 'caller-id';
}

/** The caller's number as the list and the call page show it, with what it is (see the contract). */
export function callerPhoneDisplay(
  conversation: Pick<Conversation, 'source' | 'sourceType' | 'conversationAnalytics'>,
): CallerPhoneDisplay | null {
  const phone = callerPhoneOf(conversation);
  if (!phone) return null;
  return {
    label: phone.origin === 'caller-id' ? 'Caller ID' : 'Phone',
    raw: phone.number,
    text: formatPhone(phone.number),
    origin: phone.origin,
  };
}
