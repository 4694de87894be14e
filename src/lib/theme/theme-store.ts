import {
  applyThemeChoice,
  readThemeChoice,
  resolveTheme,
  writeThemeChoice,
  type ResolvedTheme,
  type ThemeChoice,
} from './theme-choice';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();
let choice: ThemeChoice | undefined;

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

function notify() {
  for (const listener of listeners) listener();
}

export function getThemeChoice(): ThemeChoice {
  return (choice ??= readThemeChoice());
}

export function getResolvedTheme(): ResolvedTheme {
  return resolveTheme(getThemeChoice(), systemPrefersDark());
}

export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  writeThemeChoice(next);
  applyThemeChoice(next, document.documentElement);
  notify();
}

/** Called on a change of choice, and of the system's theme (which matters under "system"). */
export function subscribeToTheme(listener: () => void): () => void {
  listeners.add(listener);
  const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  media?.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    media?.removeEventListener('change', listener);
  };
}
