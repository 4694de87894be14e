import { CallDetailPage } from '@/features/call-detail';

export function Component() {
  return <CallDetailPage />;
}
