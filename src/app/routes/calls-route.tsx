import { CallsPage } from '@/features/calls';
import { ExportButton } from '@/features/export';
import { whenIdle } from '@/lib/when-idle';

// Most visits to the list go on to open a call: that page's code (the player among it) loads
// once the first rows are on screen and the browser is idle, so a click on a row waits for data
// alone, and the list's own first load never shares the network or the CPU with it.
const loadCallDetailRoute = () => whenIdle(() => void import('./call-detail-route'));

export function Component() {
  return (
    <CallsPage
      onRowsShown={loadCallDetailRoute}
      viewAction={(view) => <ExportButton listQuery={view.listQuery} columns={view.columns} />}
    />
  );
}
