import { THEME_CHOICES, type ThemeChoice } from '@/lib/theme/theme-choice';
import { setThemeChoice } from '@/lib/theme/theme-store';
import { useThemeChoice } from '@/lib/theme/use-theme';

const LABELS: Record<ThemeChoice, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

/** Light, dark, or the system's theme; remembered in this browser. */
export function ThemeToggle() {
  const choice = useThemeChoice();
  return (
    <label className="flex items-center gap-1.5 text-sm text-slate-700">
      <span className="max-sm:sr-only">Theme</span>
      <select
        value={choice}
        onChange={(event) => setThemeChoice(event.target.value as ThemeChoice)}
        className="h-9 rounded-md border border-slate-300 bg-white px-2 text-slate-800"
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
