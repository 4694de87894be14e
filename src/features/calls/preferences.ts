import * as z from 'zod/mini';

/** Column visibility and row density: a person's own taste, kept in this browser. */
const STORAGE_KEY = 'callscope.list.preferences.v1';

export const DENSITIES = ['comfortable', 'compact'] as const;

const preferencesSchema = z.object({
  hiddenColumns: z._default(z.array(z.string()).check(z.maxLength(50)), []),
  density: z._default(z.enum(DENSITIES), 'comfortable'),
});
export type ListPreferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_PREFERENCES: ListPreferences = { hiddenColumns: [], density: 'comfortable' };

export function readPreferences(storage: Pick<Storage, 'getItem'> = localStorage): ListPreferences {
  try {
    const parsed = preferencesSchema.safeParse(JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

export function writePreferences(
  preferences: ListPreferences,
  storage: Pick<Storage, 'setItem'> = localStorage,
) {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // A full or blocked storage only loses the preference, never the page.
  }
}
