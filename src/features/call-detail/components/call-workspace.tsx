import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { recordingFileName, secondsBetween, type Conversation } from '@contract';
import { useCallReviewSlot, type CallMoments } from '@/components/call-review-slot';
import { InsightsPanel } from '../insights/insights-panel';
import { parseStartAt } from '../player/moment-link';
import { peaksQueryOptions, recordingUrl, waveformProgress } from '../player/peaks-api';
import { recordingProblem } from '../player/recording-problem';
import { PlayerPanel } from '../player/player-panel';
import { ShortcutsDialog } from '../player/shortcuts-dialog';
import { useCopyMoment } from '../player/use-copy-moment';
import { usePlayerShortcuts } from '../player/use-player-shortcuts';
import { useSkipSilence } from '../player/use-skip-silence';
import { useWavesurfer } from '../player/use-wavesurfer';
import { CallSearchBox } from '../search/call-search-box';
import { matchRegions } from '../search/find-matches';
import { useCallSearch } from '../search/use-call-search';
import { findActiveIndex } from '../transcript/active-bubble';
import { markersByBubble } from '../transcript/moment-markers';
import { useTranscript } from '../transcript/use-transcript';
import { ConsentWarning } from './consent-warning';
import { RecordingNotice } from './recording-notice';
import { TranscriptView } from './transcript-view';

export function CallWorkspace({ conversation }: { conversation: Conversation }) {
  const [searchParams] = useSearchParams();
  const [startAt] = useState(() => parseStartAt(searchParams.get('t')));
  const { bubbles, offsets, latencies, agentName, activeStore } = useTranscript(
    conversation,
    startAt,
  );
  const hasRecording = !!conversation.transcriptRecordingUrl;
  const peaks = useQuery({ ...peaksQueryOptions(conversation.id), enabled: hasRecording });
  const waveformRef = useRef<HTMLDivElement>(null);
  const duration =
    peaks.data?.duration ??
    secondsBetween(conversation.timestampStart, conversation.timestampEnd) ??
    0;
  const { clock, state, controls } = useWavesurfer(
    waveformRef,
    { url: hasRecording ? recordingUrl(conversation.id) : null, peaks: peaks.data, duration },
    startAt,
  );
  // The store changes only when the active bubble does, not on every tick of the clock.
  useEffect(
    () => clock.subscribe(() => activeStore.set(findActiveIndex(offsets, clock.get()))),
    [clock, activeStore, offsets],
  );

  const search = useCallSearch(bubbles);
  const searchInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    controls.markRegions(state.ready ? matchRegions(bubbles, search.matches) : []);
  }, [controls, state.ready, bubbles, search.matches]);

  const skipSilence = useSkipSilence({
    clock,
    controls,
    playing: state.playing,
    peaks: peaks.data,
    latencies,
  });
  const [helpOpen, setHelpOpen] = useState(false);
  usePlayerShortcuts({
    controls,
    onSkipSilence: skipSilence.toggle,
    onSearch: () => searchInput.current?.focus(),
    onHelp: () => setHelpOpen(true),
  });

  const playable = hasRecording && !peaks.isError && !state.error;
  const seekAndPlay = useCallback(
    (seconds: number) => controls.seek(seconds, { play: true }),
    [controls],
  );
  const [reveal, setReveal] = useState<{ bubble: number; nonce: number } | null>(null);
  const jumpToBubble = useCallback(
    (index: number) => {
      if (playable) seekAndPlay(bubbles[index]!.offset);
      setReveal((current) => ({ bubble: index, nonce: (current?.nonce ?? 0) + 1 }));
    },
    [playable, seekAndPlay, bubbles],
  );
  const moment = useCopyMoment(clock);

  const review = useCallReviewSlot();
  const markers = review.useMarkers(conversation.id);
  const bubbleMarkers = useMemo(() => markersByBubble(markers, offsets), [markers, offsets]);
  const moments = useMemo<CallMoments>(
    () => ({ now: clock.get, seek: (seconds) => controls.seek(seconds), duration, playable }),
    [clock, controls, duration, playable],
  );

  return (
    // Side by side from a tablet's width on; on a phone the analytics follow the transcript,
    // and the column's box gives way (contents) so the sticky player's container is the whole
    // page's: inside the column it was pushed off the screen once the transcript ended.
    <div className="flex flex-col gap-3 md:grid md:grid-cols-[minmax(0,1fr)_17rem] md:items-start md:gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="flex min-w-0 flex-col gap-3 max-md:contents">
        {conversation.conversationAnalytics?.is_audio_consent_given === false ? (
          <ConsentWarning />
        ) : null}
        {playable ? (
          <PlayerPanel
            waveformRef={waveformRef}
            clock={clock}
            duration={duration}
            state={state}
            controls={controls}
            downloadUrl={recordingUrl(conversation.id)}
            downloadName={recordingFileName(conversation)}
            waveformProgress={waveformProgress(peaks.data)}
            latencies={latencies}
            onCopyMoment={moment.copy}
            copied={moment.copied}
            onShowShortcuts={() => setHelpOpen(true)}
            skipSilence={skipSilence}
            markers={markers}
          />
        ) : (
          <RecordingNotice
            reason={hasRecording ? recordingProblem(state.error, peaks.error) : null}
          />
        )}
        <CallSearchBox
          inputRef={searchInput}
          query={search.query}
          onQuery={search.setQuery}
          total={search.matches.length}
          focused={search.focused}
          onStep={(direction) => {
            const match = search.step(direction);
            if (match) controls.seek(bubbles[match.bubble]!.fragments[match.fragment]!.offset);
          }}
        />
        <TranscriptView
          bubbles={bubbles}
          activeStore={activeStore}
          agentName={agentName}
          callerName={conversation.conversationAnalytics?.name_of_caller ?? null}
          storedElsewhere={typeof conversation.transcriptText === 'string'}
          query={search.highlighted}
          focusedMatch={search.focusedMatch}
          reveal={reveal}
          onSeek={playable ? seekAndPlay : null}
          markers={bubbleMarkers}
        />
      </div>
      <InsightsPanel
        conversation={conversation}
        bubbles={bubbles}
        onJump={jumpToBubble}
        moments={moments}
      />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
