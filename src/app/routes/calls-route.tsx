import { CallsPage } from '@/features/calls';

export function Component() {
  return <CallsPage />;
}
