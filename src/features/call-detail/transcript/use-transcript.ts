import { useMemo } from 'react';
import { transcriptMessages, type Conversation } from '@contract';
import { findActiveIndex } from './active-bubble';
import { createActiveStore } from './active-store';
import { agentNameFrom } from './agent-name';
import { responseLatencies } from './latency';
import { normalizeTranscript } from './normalize';

/** Everything the page derives from one call's transcript, computed once per call. */
export function useTranscript(conversation: Conversation, startAt: number) {
  return useMemo(() => {
    const bubbles = normalizeTranscript(transcriptMessages(conversation), conversation);
    const offsets = bubbles.map((bubble) => bubble.offset);
    return {
      bubbles,
      offsets,
      latencies: responseLatencies(bubbles),
      agentName: agentNameFrom(bubbles) ?? 'AI agent',
      activeStore: createActiveStore(startAt > 0 ? findActiveIndex(offsets, startAt) : -1),
    };
    // startAt only places the first highlight; later seeks move the store itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conversation]);
}
