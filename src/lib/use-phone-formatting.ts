import { useEffect, useSyncExternalStore } from 'react';
import { isPhoneFormattingReady, loadPhoneFormatting, subscribePhoneFormatting } from './phone';

/** Re-renders the caller once phone numbers can be formatted; starts loading the formatter. */
export function usePhoneFormattingReady(): boolean {
  useEffect(() => void loadPhoneFormatting(), []);
  return useSyncExternalStore(subscribePhoneFormatting, isPhoneFormattingReady, () => false);
}
