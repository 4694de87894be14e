import { useEffect } from 'react';
import { CallsPage } from '@/features/calls';
import { whenIdle } from '@/lib/when-idle';

// Most visits to the list go on to open a call: that page's code (the player among it) loads
// once the list is idle, so a click on a row waits for data alone.
const loadCallDetailRoute = () => import('./call-detail-route');

export function Component() {
  useEffect(() => whenIdle(() => void loadCallDetailRoute()), []);
  return <CallsPage />;
}
