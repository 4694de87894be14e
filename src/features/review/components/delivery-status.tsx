import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CallDelivery, DeliveryState } from '@contract';
import { Button } from '@/components/ui/button';
import { reviewKeys } from '@/lib/query-keys';
import { retryDelivery } from '../api/review-writes';
import { DELIVERY_LABELS } from '../review-words';

const SIGNS: Record<DeliveryState, string> = {
  none: '·',
  saved: '●',
  pending: '…',
  sent: '✓',
  failed: '⚠',
};

/** Where the call's verdicts stand on the way to Trata, with a retry when it gave up. */
export function DeliveryStatus({ callId, delivery }: { callId: string; delivery: CallDelivery }) {
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: () => retryDelivery(callId),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewKeys.detail(callId) }),
  });
  if (delivery.state === 'none') return null;
  const failed = delivery.state === 'failed';
  return (
    <div
      role="status"
      aria-label="Delivery to Trata"
      className={
        failed
          ? 'rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900'
          : 'text-sm text-slate-700'
      }
    >
      <p>
        <span aria-hidden="true">{SIGNS[delivery.state]} </span>
        <span className="font-medium">{DELIVERY_LABELS[delivery.state]}</span>
        {delivery.reason ? <span>: {delivery.reason}</span> : null}
      </p>
      {failed ? (
        <div className="mt-1.5 flex flex-wrap items-center gap-2">
          <Button size="sm" onClick={() => retry.mutate()} disabled={retry.isPending}>
            {retry.isPending ? 'Retrying…' : 'Retry'}
          </Button>
          {retry.isError ? (
            <span role="alert">The retry could not be queued: {retry.error.message}</span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
