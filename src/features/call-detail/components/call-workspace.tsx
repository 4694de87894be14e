import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { secondsBetween, type Conversation } from '@contract';
import { InsightsPanel } from '../insights/insights-panel';
import { usePlayerShortcuts } from '../hooks-shortcuts';
import { useCallSearch } from '../hooks-call-search';
import { peaksQueryOptions, recordingUrl } from '../player/peaks-api';
import { PlayerPanel } from '../player/player-panel';
import { ShortcutsDialog } from '../player/shortcuts-dialog';
import { useWavesurfer } from '../player/use-wavesurfer';
import { findActiveIndex } from '../transcript/active-bubble';
import { responseLatencies } from '../transcript/latency';
import { normalizeTranscript } from '../transcript/normalize';
import { estimateSpeechSeconds } from '../transcript/speech-time';
import type { Neighbours } from './call-header';
import { CallSearch } from './call-search';
import { TranscriptView } from './transcript-view';

export function CallWorkspace({
  conversation,
  neighbours,
}: {
  conversation: Conversation;
  neighbours: Neighbours;
}) {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const startAt = Math.max(0, Number(searchParams.get('t')) || 0);
  const bubbles = useMemo(
    () => normalizeTranscript(conversation.transcriptText, conversation),
    [conversation],
  );
  const offsets = useMemo(() => bubbles.map((bubble) => bubble.offset), [bubbles]);
  const latencies = useMemo(() => responseLatencies(bubbles), [bubbles]);
  const agentName = agentNameFrom(bubbles) ?? 'AI agent';
  const hasRecording = !!conversation.transcriptRecordingUrl;
  const peaks = useQuery({ ...peaksQueryOptions(conversation.id), enabled: hasRecording });
  const source = useMemo(
    () => (peaks.data ? { url: recordingUrl(conversation.id), peaks: peaks.data } : null),
    [peaks.data, conversation.id],
  );
  const waveformRef = useRef<HTMLDivElement>(null);
  const { clock, state, controls } = useWavesurfer(waveformRef, source, startAt);
  const [activeIndex, setActiveIndex] = useState(() => findActiveIndex(offsets, startAt));
  const [helpOpen, setHelpOpen] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);
  const search = useCallSearch(bubbles);
  const duration =
    peaks.data?.duration ??
    secondsBetween(conversation.timestampStart, conversation.timestampEnd) ??
    0;

  // State changes only when the active bubble changes, not on every timeupdate.
  useEffect(
    () => clock.subscribe(() => setActiveIndex(findActiveIndex(offsets, clock.get()))),
    [clock, offsets],
  );

  useEffect(() => {
    const hits = [...new Set(search.matches)].map((index) => ({
      start: bubbles[index]!.offset,
      end: bubbles[index]!.offset + estimateSpeechSeconds(bubbles[index]!.text),
    }));
    controls.markRegions(state.ready ? hits : []);
  }, [search.matches, bubbles, controls, state.ready]);

  const seekAndPlay = useCallback(
    (seconds: number) => controls.seek(seconds, { play: true }),
    [controls],
  );
  const shortcutActions = useMemo(
    () => ({
      controls,
      state,
      onNext: () =>
        neighbours.next &&
        navigate(`/calls/${encodeURIComponent(neighbours.next)}`, {
          state: { listSearch: neighbours.listSearch },
        }),
      onPrevious: () =>
        neighbours.previous &&
        navigate(`/calls/${encodeURIComponent(neighbours.previous)}`, {
          state: { listSearch: neighbours.listSearch },
        }),
      onSearch: () => searchInput.current?.focus(),
      onHelp: () => setHelpOpen(true),
    }),
    [controls, state, neighbours, navigate],
  );
  usePlayerShortcuts(shortcutActions);

  const copyMoment = () => {
    const url = new URL(window.location.href);
    url.searchParams.set('t', String(Math.floor(clock.get())));
    void navigator.clipboard?.writeText(url.toString()).catch(() => undefined);
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="flex min-w-0 flex-col gap-3">
        {!hasRecording ? (
          <p
            role="status"
            className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700"
          >
            This call has no recording. The transcript below is complete and searchable.
          </p>
        ) : peaks.isError || state.error ? (
          <p
            role="status"
            className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          >
            The recording is not available: {state.error ?? peaks.error?.message}. The transcript
            below is complete and searchable.
          </p>
        ) : (
          <PlayerPanel
            waveformRef={waveformRef}
            clock={clock}
            duration={duration}
            state={state}
            controls={controls}
            downloadUrl={recordingUrl(conversation.id)}
            latencies={latencies}
            onCopyMoment={copyMoment}
            onShowShortcuts={() => setHelpOpen(true)}
          />
        )}
        <CallSearch
          inputRef={searchInput}
          query={search.query}
          onQuery={search.setQuery}
          total={search.matches.length}
          focused={search.focused}
          onNext={() => {
            const bubble = search.next();
            if (bubble !== null) controls.seek(bubbles[bubble]!.offset);
          }}
        />
        <TranscriptView
          bubbles={bubbles}
          agentName={agentName}
          activeIndex={activeIndex}
          query={search.query}
          focusedMatchBubble={search.focused >= 0 ? search.matches[search.focused]! : null}
          onSeek={seekAndPlay}
        />
      </div>
      <InsightsPanel
        conversation={conversation}
        bubbles={bubbles}
        onJumpToBubble={(index) => seekAndPlay(bubbles[index]!.offset)}
      />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

/** The agent introduces itself ("I am Sophia", "this is Emma"); use that name when it does. */
function agentNameFrom(bubbles: ReturnType<typeof normalizeTranscript>): string | null {
  const first = bubbles.find((bubble) => bubble.speaker === 'AI');
  const match = first?.text.match(/\b(?:I am|I'm|this is)\s+([A-Z][a-z]+)/);
  return match?.[1] ?? null;
}
