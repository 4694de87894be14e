import { lazy, Suspense } from 'react';
import { CallsPage } from '@/features/calls';
import { Button } from '@/components/ui/button';
import { whenIdle } from '@/lib/when-idle';

// Most visits to the list go on to open a call: that page's code (the player among it) loads
// once the first rows are on screen and the browser is idle, so a click on a row waits for data
// alone, and the list's own first load never shares the network or the CPU with it.
const loadCallDetailRoute = () => whenIdle(() => void import('./call-detail-route'));

// The export's code is not needed to show the list: it loads beside it, behind a button of the
// same size, so the list's first JS stays within its budget and nothing moves when it arrives.
const ExportButton = lazy(() =>
  import('@/features/export').then((module) => ({ default: module.ExportButton })),
);

export function Component() {
  return (
    <CallsPage
      onRowsShown={loadCallDetailRoute}
      viewAction={(view) => (
        <Suspense
          fallback={
            // The same shape as the button's own (an empty status line, the gap, the button).
            <div className="flex items-center gap-2">
              <span />
              <Button disabled>Export CSV</Button>
            </div>
          }
        >
          <ExportButton listQuery={view.listQuery} columns={view.columns} />
        </Suspense>
      )}
    />
  );
}
