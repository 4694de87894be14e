import { MISSING } from '@/lib/format';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A call's date as the history shows it, in the browser's language and zone. */
export function formatCallDate(epochMs: number | null): string {
  return epochMs === null ? MISSING : dateTime.format(epochMs);
}
