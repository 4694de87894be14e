import { useCallback, useState } from 'react';
import { readPreferences, writePreferences, type ListPreferences } from '../preferences';

export function usePreferences() {
  const [preferences, setPreferences] = useState<ListPreferences>(() => readPreferences());
  const change = useCallback((patch: Partial<ListPreferences>) => {
    setPreferences((current) => {
      const next = { ...current, ...patch };
      writePreferences(next);
      return next;
    });
  }, []);
  return { preferences, change };
}
