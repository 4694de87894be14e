import { useEffect, useRef } from 'react';
import { isLeftAlone, spaceToggles } from '../shortcut-target';
import type { PlayerControls } from './player-controls';

export interface ShortcutActions {
  controls: PlayerControls;
  onSearch(): void;
  onHelp(): void;
  onSkipSilence(): void;
}

/**
 * The player's keyboard (listed in SHORTCUTS): space, ←/→ (shift: 15 s), [ and ] for speed, s
 * to skip silence, / to search and ? for help; j/k between calls belong to the page. Space plays and pauses even
 * on a focused button or bubble (Enter still presses those), since clicking a bubble to seek
 * leaves focus on it. Typing in a field, or a modifier, leaves keys alone.
 */
export function usePlayerShortcuts(actions: ShortcutActions) {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { controls, onSearch, onHelp, onSkipSilence } = latest.current;
      if (event.key === ' ' && spaceToggles(event)) {
        event.preventDefault();
        controls.toggle();
        return;
      }
      if (isLeftAlone(event)) return;
      const keys: Record<string, (() => void) | undefined> = {
        ArrowLeft: () => controls.skip(event.shiftKey ? -15 : -5),
        ArrowRight: () => controls.skip(event.shiftKey ? 15 : 5),
        '[': () => controls.stepRate(-1),
        ']': () => controls.stepRate(1),
        s: onSkipSilence,
        '/': onSearch,
        '?': onHelp,
      };
      const run = keys[event.key];
      if (!run) return;
      run();
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
