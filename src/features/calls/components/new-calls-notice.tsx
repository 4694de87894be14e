import { Button } from '@/components/ui/button';

/**
 * New calls found by a refresh, behind a button instead of in the table, so no row moves under
 * the pointer. The region is always there, so screen readers announce its content politely.
 */
export function NewCallsNotice({ count, onReveal }: { count: number; onReveal(): void }) {
  return (
    <div aria-live="polite">
      {count > 0 ? (
        <Button size="sm" variant="primary" onClick={onReveal}>
          {count === 1 ? '1 new call' : `${count} new calls`}
        </Button>
      ) : null}
    </div>
  );
}
