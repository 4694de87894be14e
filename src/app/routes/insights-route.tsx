import { InsightsPage } from '@/features/insights';

export function Component() {
  return <InsightsPage />;
}
