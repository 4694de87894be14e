import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiError } from '@/lib/api-client';
import { conversationQueryOptions } from '@/lib/conversations-api';
import { CallHeader } from './call-header';
import { CallWorkspace } from './call-workspace';
import { useNeighbours } from '../hooks-neighbours';

export function CallDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery(conversationQueryOptions(id));
  const neighbours = useNeighbours(id);
  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading call" className="flex flex-col gap-3">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.kind === 'not-found';
    return (
      <div
        role="alert"
        className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center"
      >
        <h1 className="text-lg font-semibold">
          {notFound ? 'Call not found' : 'This call could not be loaded'}
        </h1>
        <p className="mt-2 text-sm text-slate-600">
          {notFound ? `There is no call with the id ${id}.` : query.error.message}
        </p>
        <div className="mt-4 flex justify-center gap-3">
          {notFound ? null : (
            <button
              type="button"
              className="text-indigo-700 underline"
              onClick={() => void query.refetch()}
            >
              Retry
            </button>
          )}
          <Link to={neighbours.listHref} className="text-indigo-700 underline">
            Back to all calls
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <CallHeader conversation={query.data} neighbours={neighbours} />
      <CallWorkspace key={query.data.id} conversation={query.data} neighbours={neighbours} />
    </div>
  );
}
