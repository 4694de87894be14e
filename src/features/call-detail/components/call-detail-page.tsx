import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { conversationQueryOptions } from '@/lib/conversations-api';

/** Placeholder detail page; the detail issue replaces it. */
export function CallDetailPage() {
  const { id = '' } = useParams();
  const { data, error, isPending } = useQuery(conversationQueryOptions(id));
  if (isPending) return <p>Loading call…</p>;
  if (error) return <p role="alert">{error.message}</p>;
  return (
    <h1 className="text-xl font-semibold">
      {data.conversationAnalytics?.name_of_caller ?? 'Call'}
    </h1>
  );
}
