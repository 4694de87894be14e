import {
  parseTrataTimestamp,
  transcriptMessages,
  type CallFacets,
  type Conversation,
} from '../../../contract';
import { phoneSearchText } from '../../db/phone-search';
import { referenceList, type ReferenceQuery } from '../../api/testing/reference-list';

/**
 * `/api/calls` written plainly from its description, for property tests: the new filters are
 * applied here, then the demo API's own reference sorts and pages.
 */
export interface ReferenceCallQuery extends ReferenceQuery {
  q?: string;
  sentiment?: string[];
  outcome?: string[];
  consent?: 'given' | 'missing';
  agent?: string[];
  source_type?: string;
  from?: string;
  to?: string;
}

type Facet = 'sentiment' | 'outcome' | 'consent' | 'agent';

function freeText(conversation: Conversation): string[] {
  const analytics = conversation.conversationAnalytics ?? {};
  const phone = analytics.phone_number_of_caller ?? '';
  return [
    analytics.name_of_caller ?? '',
    phone,
    phoneSearchText(conversation),
    analytics.email_address_of_caller ?? '',
    [analytics.summary, conversation.transcriptSummary].filter(Boolean).join('\n'),
    transcriptMessages(conversation)
      .map((message) => message.message ?? '')
      .join('\n'),
  ].map((text) => text.toLowerCase());
}

function keep(conversation: Conversation, query: ReferenceCallQuery, omit?: Facet): boolean {
  const analytics = conversation.conversationAnalytics ?? {};
  const start = parseTrataTimestamp(conversation.timestampStart);
  if (query.q !== undefined) {
    const needle = query.q.toLowerCase();
    if (!freeText(conversation).some((text) => text.includes(needle))) return false;
  }
  if (omit !== 'sentiment' && query.sentiment) {
    if (!query.sentiment.includes(analytics.sentiment_of_caller ?? '\u0000')) return false;
  }
  if (omit !== 'outcome' && query.outcome) {
    if (!query.outcome.includes(analytics.prospectStatus ?? '\u0000')) return false;
  }
  if (omit !== 'consent' && query.consent) {
    const given = analytics.is_audio_consent_given === true;
    if (given !== (query.consent === 'given')) return false;
  }
  if (omit !== 'agent' && query.agent) {
    if (!query.agent.includes(conversation.aiAgentId ?? '\u0000')) return false;
  }
  if (query.source_type !== undefined && conversation.sourceType !== query.source_type)
    return false;
  if (query.from !== undefined && (start === null || start < parseTrataTimestamp(query.from)!)) {
    return false;
  }
  if (query.to !== undefined && (start === null || start >= parseTrataTimestamp(query.to)!)) {
    return false;
  }
  return true;
}

export function referenceCalls(all: readonly Conversation[], query: ReferenceCallQuery) {
  return referenceList(
    all.filter((conversation) => keep(conversation, query)),
    query,
  );
}

export function referenceFacets(
  all: readonly Conversation[],
  query: ReferenceCallQuery,
): CallFacets {
  const under = (facet: Facet) =>
    referenceList(
      all.filter((conversation) => keep(conversation, query, facet)),
      { ...query, skip: 0, limit: Number.MAX_SAFE_INTEGER },
    ).items;
  const facets: CallFacets = {
    sentiment: {},
    outcome: {},
    consent: { given: 0, missing: 0 },
    agent: [],
  };
  const bump = (counts: Record<string, number>, key: string | null | undefined) => {
    if (key != null) counts[key] = (counts[key] ?? 0) + 1;
  };
  for (const c of under('sentiment'))
    bump(facets.sentiment, c.conversationAnalytics?.sentiment_of_caller);
  for (const c of under('outcome')) bump(facets.outcome, c.conversationAnalytics?.prospectStatus);
  for (const c of under('consent')) {
    facets.consent[
      c.conversationAnalytics?.is_audio_consent_given === true ? 'given' : 'missing'
    ]++;
  }
  const agents: Record<string, number> = {};
  for (const c of under('agent')) bump(agents, c.aiAgentId);
  facets.agent = Object.entries(agents).map(([id, count]) => ({ id, name: id, count }));
  return facets;
}
