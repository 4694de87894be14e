import { useSyncExternalStore } from 'react';
import { getResolvedTheme, getThemeChoice, subscribeToTheme } from './theme-store';

export function useThemeChoice() {
  return useSyncExternalStore(subscribeToTheme, getThemeChoice);
}

/** The theme on screen: changes with the choice, and with the system's under "system". */
export function useResolvedTheme() {
  return useSyncExternalStore(subscribeToTheme, getResolvedTheme);
}
