import { useEffect } from 'react';
import { formatRelative } from '@/lib/format';
import { formatPhone, loadPhoneFormatting } from '@/lib/phone';

let warmed = false;

/**
 * The first relative time of a page loads the browser's locale data, and the first phone number
 * loads and sets up libphonenumber's metadata: together tens of milliseconds. Paying that while
 * the first page of calls is still on the network keeps it off the time to the first rows.
 */
export function warmFormatters(): void {
  if (warmed) return;
  warmed = true;
  formatRelative(Date.now() - 60_000);
  void loadPhoneFormatting().then(() => formatPhone('+14155550100'));
}

/** Warms up after the first request has gone out (the list query subscribes in an earlier effect). */
export function useWarmFormatters() {
  useEffect(warmFormatters, []);
}
