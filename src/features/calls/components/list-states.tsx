import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiError } from '@/lib/api-client';

export function TableSkeleton({ rows }: { rows: number }) {
  return (
    <div
      className="rounded-lg border border-slate-200 bg-white p-3"
      role="status"
      aria-label="Loading calls"
    >
      {Array.from({ length: Math.min(rows, 12) }, (_, index) => (
        <div key={index} className="flex gap-4 py-2.5">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-4 w-16" />
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-20" />
          <Skeleton className="h-4 flex-1" />
        </div>
      ))}
    </div>
  );
}

function StateBox({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </div>
  );
}

/** A page number beyond the last page: nothing is wrong with the filters. */
export function PastEndState({
  total,
  limit,
  goTo,
}: {
  total: number | null;
  limit: number;
  goTo(skip: number): void;
}) {
  const lastSkip = total !== null && total > 0 ? Math.floor((total - 1) / limit) * limit : null;
  return (
    <StateBox title="This page is past the end of the list">
      <p className="mt-1 text-sm text-slate-600">
        {total === null
          ? 'There are fewer calls than this page needs.'
          : `There ${total === 1 ? 'is 1 call' : `are ${total.toLocaleString()} calls`}, fewer than this page needs.`}
      </p>
      <div className="mt-4 flex justify-center gap-2">
        {lastSkip !== null && lastSkip > 0 ? (
          <Button variant="primary" onClick={() => goTo(lastSkip)}>
            Go to the last page
          </Button>
        ) : null}
        <Button variant={lastSkip ? 'secondary' : 'primary'} onClick={() => goTo(0)}>
          Go to the first page
        </Button>
      </div>
    </StateBox>
  );
}

/** A search the API would refuse, explained instead of sent. */
export function SearchRuleNotice({
  problem,
  value,
  onClear,
}: {
  problem: string;
  value: string;
  onClear(): void;
}) {
  return (
    <StateBox title={`“${value}” is too short to search`}>
      <p className="mt-1 text-sm text-slate-600">
        {problem} Type more in the search box, or clear the search.
      </p>
      <Button className="mt-4" onClick={onClear}>
        Clear the search
      </Button>
    </StateBox>
  );
}

/** No filter and no call: a new account, or an upstream that has none yet. */
export function NoCallsYet() {
  return (
    <StateBox title="No calls yet">
      <p className="mt-1 text-sm text-slate-600">
        Calls appear here as your AI receptionists answer them; the list refreshes by itself.
      </p>
    </StateBox>
  );
}

export function EmptyState({ onClear }: { onClear(): void }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
      <h2 className="text-base font-semibold text-slate-900">No calls match</h2>
      <p className="mt-1 text-sm text-slate-600">
        Try another search, or clear the filters to see every call.
      </p>
      <Button className="mt-4" variant="primary" onClick={onClear}>
        Clear filters
      </Button>
    </div>
  );
}

/** The server's reason in words, with a retry where trying again can help. */
export function ErrorBanner({ error, onRetry }: { error: Error; onRetry(): void }) {
  const apiError = error instanceof ApiError ? error : null;
  const title =
    apiError?.kind === 'validation'
      ? 'The API refused these filters'
      : apiError?.kind === 'auth'
        ? 'Not signed in to the API'
        : apiError?.kind === 'session'
          ? 'Signed out of Callscope'
          : apiError?.kind === 'network'
            ? 'The server could not be reached'
            : 'The calls could not be loaded';
  const retryable = !apiError || ['network', 'upstream', 'server'].includes(apiError.kind);
  return (
    <div
      role="alert"
      className="flex items-start justify-between gap-4 rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900"
    >
      <div>
        <p className="font-semibold">{title}</p>
        <p className="mt-0.5">{error.message}</p>
      </div>
      {retryable ? (
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      ) : null}
    </div>
  );
}
