import { useEffect, useRef } from 'react';
import type { PlayerControls } from './player-controls';

export interface ShortcutActions {
  controls: PlayerControls;
  onNextCall(): void;
  onPreviousCall(): void;
  onSearch(): void;
  onHelp(): void;
}

/**
 * The page's keyboard (listed in SHORTCUTS): space, ←/→ (shift: 15 s), [ and ] for speed, j/k
 * between calls, / to search and ? for help. Typing in a field, or a modifier, leaves keys alone.
 */
export function usePlayerShortcuts(actions: ShortcutActions) {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, select, textarea, [contenteditable="true"], dialog')) return;
      const { controls, ...call } = latest.current;
      // Space on a focused button or link presses it, as everywhere else.
      const onControl = !!target?.closest('button, a, summary');
      const keys: Record<string, (() => void) | undefined> = {
        ' ': onControl ? undefined : controls.toggle,
        ArrowLeft: () => controls.skip(event.shiftKey ? -15 : -5),
        ArrowRight: () => controls.skip(event.shiftKey ? 15 : 5),
        '[': () => controls.stepRate(-1),
        ']': () => controls.stepRate(1),
        j: call.onNextCall,
        k: call.onPreviousCall,
        '/': call.onSearch,
        '?': call.onHelp,
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
