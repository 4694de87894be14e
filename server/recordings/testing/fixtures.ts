import { formatTrataTimestamp, type Conversation, type TranscriptMessage } from '../../../contract';

const START_MS = Date.UTC(2026, 10, 20, 9, 30, 0);

export interface Line {
  at: number;
  speaker: 'AI' | 'USER';
  text: string;
}

/** A conversation whose lines start at the given offsets (seconds), in Trata's zoneless format. */
export function conversationOf(
  id: string,
  lines: readonly Line[],
  seconds: number,
  recordingUrl: string | null = `http://storage.invalid/${id}.mp3`,
): Conversation {
  const stamp = (offset: number) => formatTrataTimestamp(START_MS + offset * 1000);
  const transcriptText: TranscriptMessage[] = lines.map((line, index) => ({
    speaker: line.speaker,
    message: line.text,
    timestamp: stamp(line.at),
    message_id: line.speaker === 'AI' ? `dia.${index}` : line.text,
  }));
  return {
    id,
    timestampStart: stamp(0),
    timestampEnd: stamp(seconds),
    transcriptText,
    transcriptRecordingUrl: recordingUrl,
  };
}

/**
 * 30 seconds with both speakers, three silences over 2 s, a repeated message (as real data has) and the
 * lines out of order, as Trata sends them.
 */
export const SHORT_CALL = conversationOf(
  'con.1763631000.SHORTCAL',
  [
    { at: 0.4, speaker: 'AI', text: 'Hello, thanks for calling Bright Dental. How can I help?' },
    { at: 5.2, speaker: 'USER', text: 'Hi, I would like to book a cleaning.' },
    { at: 16.5, speaker: 'USER', text: 'Is Tuesday morning free?' },
    { at: 11.0, speaker: 'AI', text: 'Of course. Which day suits you best?' },
    { at: 5.2, speaker: 'USER', text: 'Hi, I would like to book a cleaning.' },
    { at: 21.5, speaker: 'AI', text: 'Tuesday at nine is free. Shall I book it?' },
    { at: 26.0, speaker: 'USER', text: 'Yes please.' },
  ],
  30,
);

export const NO_RECORDING_CALL = conversationOf(
  'con.1763631000.NORECORD',
  [{ at: 0.5, speaker: 'AI', text: 'Hello.' }],
  5,
  null,
);
