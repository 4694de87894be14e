import type { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { MISSING } from './format';

type ParsePhone = typeof parsePhoneNumberFromString;

let parsePhone: ParsePhone | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/**
 * libphonenumber's metadata is about a third of the list's JavaScript, and no row needs it to
 * appear: it loads beside the first page of calls, and numbers are shown as given until then.
 */
export function loadPhoneFormatting(): Promise<void> {
  loading ??= import('libphonenumber-js/min').then((module) => {
    parsePhone = module.parsePhoneNumberFromString;
    for (const listener of listeners) listener();
  });
  return loading;
}

export function isPhoneFormattingReady(): boolean {
  return parsePhone !== null;
}

export function subscribePhoneFormatting(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * National format for the default country, international for others; the text as the caller
 * gave it when it is not a valid number (or before the formatter has loaded).
 */
export function formatPhone(raw: string | null | undefined, defaultCountry: 'US' = 'US'): string {
  if (raw == null || raw.trim() === '') return MISSING;
  const parsed = parsePhone?.(raw, defaultCountry);
  if (!parsed || !parsed.isValid()) return raw.trim();
  return parsed.country === defaultCountry ? parsed.formatNational() : parsed.formatInternational();
}
