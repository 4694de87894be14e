import { describe, expect, it } from 'vitest';
import { estimateSpeechSeconds } from '../demo-data/generate';
import { transcriptMessages } from '../../contract';
import {
  CALL_SAMPLE_RATE,
  callSeconds,
  MIX_CEILING,
  mixInto,
  renderCall,
  speechBudgetSeconds,
  utterancesOf,
} from './render-call';
import { speak, SPEECH_SAMPLE_RATE } from './speech-engine';
import { conversationOf, SHORT_CALL } from './testing/fixtures';
import { AGENT_VOICE, CALLER_VOICES, callerVoice, voiceFor } from './voices';

describe('utterancesOf', () => {
  it('sorts by time, drops exact duplicates and keeps offsets from the start', () => {
    const utterances = utterancesOf(SHORT_CALL);
    expect(utterances.map((u) => u.offsetSeconds)).toEqual([0.4, 5.2, 11, 16.5, 21.5, 26]);
    expect(utterances[1]).toEqual({
      offsetSeconds: 5.2,
      speaker: 'USER',
      text: 'Hi, I would like to book a cleaning.',
    });
  });

  it('keeps a repeated text said at another time, and skips lines without text or time', () => {
    const call = conversationOf(
      'con.1.REPEATS',
      [
        { at: 1, speaker: 'USER', text: 'Yes.' },
        { at: 3, speaker: 'USER', text: 'Yes.' },
        { at: 4, speaker: 'USER', text: '   ' },
      ],
      6,
    );
    transcriptMessages(call).push({ speaker: 'AI', message: 'No time', timestamp: 'yesterday' });
    expect(utterancesOf(call).map((u) => u.offsetSeconds)).toEqual([1, 3]);
  });

  it('measures the call from timestampStart to timestampEnd', () => {
    expect(callSeconds(SHORT_CALL)).toBe(30);
    expect(callSeconds({ ...SHORT_CALL, timestampEnd: null })).toBe(0);
  });
});

describe('speechBudgetSeconds', () => {
  const line = { offsetSeconds: 10, speaker: 'AI', text: 'One two three four five.' };
  const estimate = estimateSpeechSeconds(line.text);

  it('allows about the transcript’s own estimate when the next line is far away', () => {
    expect(speechBudgetSeconds(line, 60)).toBeCloseTo(estimate * 1.1 + 0.3);
  });

  it('never runs into the next line when the data leaves room for this one', () => {
    expect(speechBudgetSeconds(line, 10 + estimate + 0.05)).toBeCloseTo(estimate + 0.05);
  });

  it('lets the lines overlap where the data itself has them overlap', () => {
    expect(speechBudgetSeconds(line, 10.5)).toBeGreaterThan(estimate);
  });
});

describe('mixInto', () => {
  it('adds speech exactly where it fits and bends loud overlaps instead of wrapping', () => {
    const mix = new Int16Array(6);
    mixInto(mix, Float32Array.of(1000, -1000, 20_000, 30_000), 1);
    expect(Array.from(mix.subarray(0, 4))).toEqual([0, 1000, -1000, 20_000]);
    const alone = mix[4]!;
    expect(alone).toBeGreaterThan(24_000);
    expect(alone).toBeLessThan(30_000);
    mixInto(mix, Float32Array.of(20_000, -30_000, 30_000, 30_000), 2);
    expect(Array.from(mix.subarray(2, 4))).toEqual([19_000, -10_000]);
    expect(mix[4]).toBeGreaterThan(alone);
    expect(mix[4]).toBeLessThanOrEqual(MIX_CEILING);
    expect(mix[5]).toBe(alone);
  });

  it('clips speech that starts before the call or runs past its end', () => {
    const mix = new Int16Array(3);
    mixInto(mix, Float32Array.of(1, 2, 3, 4, 5), -1);
    expect(Array.from(mix)).toEqual([2, 3, 4]);
  });
});

describe('voices', () => {
  it('keeps one caller voice per conversation and varies it between conversations', () => {
    expect(callerVoice('con.1.A')).toBe(callerVoice('con.1.A'));
    const used = new Set(Array.from({ length: 60 }, (_, i) => callerVoice(`con.${i}.X`).voice));
    expect(used.size).toBeGreaterThanOrEqual(4);
    expect(voiceFor('AI', 'con.1.A')).toBe(AGENT_VOICE);
    expect(voiceFor('USER', 'con.1.A')).toBe(callerVoice('con.1.A'));
  });

  it('uses only voices eSpeak has (an unknown one would silently keep the last voice)', async () => {
    for (const voice of [AGENT_VOICE, ...CALLER_VOICES]) {
      const speech = await speak('Hello.', voice);
      expect(speech.length).toBeGreaterThan(1000);
    }
    await expect(speak('Hello.', { ...AGENT_VOICE, voice: 'en-gb+m1' })).rejects.toThrow();
  });
});

describe('renderCall', () => {
  it('lasts exactly the call and starts each line at its offset', async () => {
    const call = conversationOf(
      'con.1.ONSETS',
      [
        { at: 0.5, speaker: 'AI', text: 'Good morning.' },
        { at: 3.25, speaker: 'USER', text: 'Morning.' },
      ],
      5,
    );
    const pcm = await renderCall(call);
    expect(pcm.length).toBe(5 * CALL_SAMPLE_RATE);
    const onset = (from: number) => {
      let i = Math.round(from * CALL_SAMPLE_RATE);
      while (i < pcm.length && Math.abs(pcm[i]!) < 300) i++;
      return i / CALL_SAMPLE_RATE;
    };
    expect(onset(0) - 0.5).toBeGreaterThanOrEqual(0);
    expect(onset(0) - 0.5).toBeLessThan(0.01);
    expect(onset(3) - 3.25).toBeGreaterThanOrEqual(0);
    expect(onset(3) - 3.25).toBeLessThan(0.01);
  });
});

describe('a line far longer than its call', () => {
  // About 48 minutes of speech said whole: eSpeak took 40 s and 190 MB of samples for it.
  const HUGE = 'Hello there, this is a long line. '.repeat(2_000);

  it('is cut where eSpeak is told to stop', async () => {
    const cap = 3 * SPEECH_SAMPLE_RATE;
    const speech = await speak(HUGE, AGENT_VOICE, cap);
    expect(speech.length).toBeLessThanOrEqual(cap);
    expect(speech.length).toBeGreaterThan(cap / 2);
  });

  it('is spoken only as far as the call lasts, in bounded time', async () => {
    const call = conversationOf('con.1.HUGELINE', [{ at: 1, speaker: 'AI', text: HUGE }], 20);
    const started = performance.now();
    const pcm = await renderCall(call);
    expect(pcm.length).toBe(20 * CALL_SAMPLE_RATE);
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
