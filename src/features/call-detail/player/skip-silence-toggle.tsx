import { Button } from '@/components/ui/button';
import { formatDuration } from '@/lib/format';
import type { SkipSilence } from './use-skip-silence';

/** The toggle, pressed or not, and what it does to this call, said as a status. */
export function SkipSilenceToggle({ skip }: { skip: SkipSilence }) {
  const count = skip.spans.length;
  const words = skip.enabled
    ? count === 0
      ? 'Skip silence on: no long pause in this call'
      : `Skip silence on: ${count} ${count === 1 ? 'pause' : 'pauses'}, ${formatDuration(skip.saved)} saved`
    : skip.toggled
      ? 'Skip silence off'
      : '';
  return (
    <>
      <Button
        size="sm"
        variant="chip"
        aria-pressed={skip.enabled}
        aria-keyshortcuts="s"
        onClick={skip.toggle}
      >
        Skip silence
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {words}
      </span>
    </>
  );
}
