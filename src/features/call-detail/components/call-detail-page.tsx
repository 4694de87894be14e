import { Link, useParams } from 'react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiError } from '@/lib/api-client';
import { useConversation } from '../use-conversation';
import { useCallKeys } from '../navigation/use-call-keys';
import { useListSearch } from '../navigation/use-list-search';
import { useReviewNextKey } from '../navigation/use-review-next-key';
import { useNeighbours, type Neighbours } from '../use-neighbours';
import { CallHeader } from './call-header';
import { CallWorkspace } from './call-workspace';

/** `/calls/:id`: one call, its recording, transcript and analytics. */
export function CallDetailPage() {
  const { id = '' } = useParams();
  const query = useConversation(id);
  const listSearch = useListSearch(id, query.data);
  const neighbours = useNeighbours(id, listSearch);
  // Here rather than in the workspace: j and k keep working while the next call loads.
  const walking = useCallKeys(id, listSearch);
  const queue = useReviewNextKey(id, listSearch);
  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading call" className="flex flex-col gap-4">
        <Skeleton className="h-7 w-64" />
        <Skeleton className="h-28 w-full" />
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  if (query.isError) {
    return <CallError error={query.error} id={id} neighbours={neighbours} retry={query.refetch} />;
  }
  return (
    // Busy from a j/k press until the call it leads to is shown.
    <div data-call-page aria-busy={walking} className="flex flex-col gap-4">
      <CallHeader conversation={query.data} neighbours={neighbours} queue={queue} />
      {/* A new call gets a fresh player, transcript and search. */}
      <CallWorkspace key={query.data.id} conversation={query.data} />
    </div>
  );
}

function CallError({
  error,
  id,
  neighbours,
  retry,
}: {
  error: Error;
  id: string;
  neighbours: Neighbours;
  retry(): unknown;
}) {
  const notFound = error instanceof ApiError && error.kind === 'not-found';
  return (
    <div
      role="alert"
      className="mx-auto mt-8 max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-xs"
    >
      <h1 className="text-lg font-semibold text-slate-900">
        {notFound ? 'Call not found' : 'This call could not be loaded'}
      </h1>
      <p className="mt-2 text-sm break-words text-slate-600">
        {notFound ? `There is no call with the id “${id}”.` : error.message}
      </p>
      <div className="mt-5 flex justify-center gap-4 text-sm">
        {notFound ? null : (
          <button type="button" className="text-indigo-700 underline" onClick={() => void retry()}>
            Try again
          </button>
        )}
        <Link to={neighbours.listHref} className="text-indigo-700 underline">
          Back to all calls
        </Link>
      </div>
    </div>
  );
}
