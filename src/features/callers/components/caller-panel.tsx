import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Conversation } from '@contract';
import { callerCallsQueryOptions } from '../api/get-caller-calls';
import { prospectQueryOptions } from '@/lib/prospects-api';
import { allCallsHref, buildHistory } from '../history';
import { CallHistoryList } from './call-history-list';
import { PanelCard } from '@/components/ui/panel-card';
import { ProspectDetails } from './prospect-details';

/** Who is calling and how often they called before: the prospect's record and their calls. */
export function CallerPanel({ conversation }: { conversation: Conversation }) {
  const prospectId = conversation.prospectId;
  if (!prospectId) return null;
  return <CallerPanelFor prospectId={prospectId} currentId={conversation.id} />;
}

function CallerPanelFor({ prospectId, currentId }: { prospectId: string; currentId: string }) {
  const prospect = useQuery(prospectQueryOptions(prospectId));
  const calls = useQuery(callerCallsQueryOptions(prospectId));
  const history = useMemo(() => buildHistory(calls.data ?? [], currentId), [calls.data, currentId]);
  return (
    <>
      <PanelCard title="Caller record">
        {prospect.isPending ? (
          <p role="status" className="text-sm text-slate-500">
            Loading the caller record…
          </p>
        ) : prospect.isError ? (
          <p role="alert" className="text-sm text-red-800">
            Could not load the caller record: {prospect.error.message}
          </p>
        ) : prospect.data === null ? (
          <p className="text-sm text-slate-600">The API has no record of this caller.</p>
        ) : (
          <ProspectDetails
            prospect={prospect.data}
            firstContactMs={history.firstContactMs}
            lastContactMs={history.lastContactMs}
          />
        )}
      </PanelCard>
      <PanelCard title="Calls from this caller">
        {calls.isPending ? (
          <p role="status" className="text-sm text-slate-500">
            Loading the caller’s calls…
          </p>
        ) : calls.isError ? (
          <p role="alert" className="text-sm text-red-800">
            Could not load the caller’s calls: {calls.error.message}
          </p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-600">
              {history.entries.length === 1
                ? 'This is their only call.'
                : `${history.entries.length} calls`}
            </p>
            <CallHistoryList entries={history.entries} />
          </>
        )}
        <Link
          to={allCallsHref(prospectId)}
          className="mt-3 inline-block text-sm font-medium text-indigo-700 underline decoration-indigo-300 hover:decoration-indigo-700"
        >
          All calls from this caller
        </Link>
      </PanelCard>
    </>
  );
}
