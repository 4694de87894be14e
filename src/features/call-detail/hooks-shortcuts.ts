import { useEffect } from 'react';
import { RATES, type PlayerControls, type PlayerState } from './player/use-wavesurfer';

interface ShortcutActions {
  controls: PlayerControls;
  state: PlayerState;
  onNext(): void;
  onPrevious(): void;
  onSearch(): void;
  onHelp(): void;
}

/** The player's keyboard: space, arrows (shift for 15 s), [ and ] for speed, j/k, / and ?. */
export function usePlayerShortcuts(actions: ShortcutActions) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, select, textarea, [contenteditable="true"], dialog')) return;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const { controls, state } = actions;
      const rateIndex = RATES.indexOf(state.rate as (typeof RATES)[number]);
      switch (event.key) {
        case ' ':
          if (target.closest('button, a')) return;
          controls.toggle();
          break;
        case 'ArrowLeft':
          controls.skip(event.shiftKey ? -15 : -5);
          break;
        case 'ArrowRight':
          controls.skip(event.shiftKey ? 15 : 5);
          break;
        case '[':
          controls.setRate(RATES[Math.max(0, rateIndex - 1)]!);
          break;
        case ']':
          controls.setRate(RATES[Math.min(RATES.length - 1, rateIndex + 1)]!);
          break;
        case 'j':
          actions.onNext();
          break;
        case 'k':
          actions.onPrevious();
          break;
        case '/':
          actions.onSearch();
          break;
        case '?':
          actions.onHelp();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [actions]);
}
