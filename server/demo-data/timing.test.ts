import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTrataTimestamp } from '../../contract';
import { MAX_CALL_SECONDS, MIN_CALL_SECONDS } from './build-transcript';
import { durationSeconds, ms, sampleCalls, spokenOrder } from './testing/sample';
import { estimateSpeechSeconds } from './timing';
import { formatMicros } from './trata-time';

describe('formatMicros', () => {
  it("writes the same text as the contract's formatTrataTimestamp", () => {
    const micros = fc.integer({ min: 0, max: 4_102_444_800_000_000 }); // up to 2100
    fc.assert(
      fc.property(micros, (us) => formatMicros(us) === formatTrataTimestamp(us / 1000)),
      { numRuns: 5000 },
    );
    expect(formatMicros(1_731_301_581_049_339)).toBe('2024-11-11T05:06:21.049339');
  });
});

describe('the timeline of generated calls', () => {
  const calls = sampleCalls();
  const timed = calls.filter((call) => (call.conversation.transcriptText?.length ?? 0) > 0);
  const offsetsOf = (call: (typeof calls)[number]) => {
    const start = ms(call.conversation.timestampStart);
    return spokenOrder(call.conversation).map((m) => ({
      speaker: m.speaker,
      at: (ms(m.timestamp) - start) / 1000,
      seconds: estimateSpeechSeconds(m.message ?? ''),
    }));
  };

  it('lasts 20 s to 20 min, with the hour-long calls at 0.2%', () => {
    const long = calls.filter((call) => call.long);
    const rest = calls.filter((call) => !call.long);
    expect(long.length).toBe(4); // positions 4, 504, 1004 and 1504
    for (const call of long) {
      expect(durationSeconds(call.conversation)).toBeGreaterThanOrEqual(3600);
      expect(durationSeconds(call.conversation)).toBeLessThan(3700);
      expect(call.conversation.transcriptText!.length).toBeGreaterThan(200);
    }
    const seconds = rest.map((call) => durationSeconds(call.conversation));
    expect(Math.min(...seconds)).toBeGreaterThanOrEqual(MIN_CALL_SECONDS);
    expect(Math.max(...seconds)).toBeLessThanOrEqual(MAX_CALL_SECONDS);
    expect(seconds.filter((s) => s > 600).length).toBeGreaterThan(10);
    expect(seconds.filter((s) => s < 120).length).toBeGreaterThan(seconds.length / 2);
  });

  it('starts with the AI about 0.3 s in', () => {
    const first = timed.map((call) => offsetsOf(call)[0]!);
    expect(first.filter((m) => m.speaker !== 'AI' || m.at < 0.25 || m.at > 0.45)).toEqual([]);
  });

  it('gives every line the time to be said before the next begins, with plausible pauses', () => {
    const bad: unknown[] = [];
    for (const call of timed) {
      const lines = offsetsOf(call);
      for (let i = 1; i < lines.length; i++) {
        const previous = lines[i - 1]!;
        const line = lines[i]!;
        const pause = line.at - (previous.at + previous.seconds);
        const [min, max] =
          previous.speaker === 'USER' && line.speaker === 'AI'
            ? [0.6, 8]
            : previous.speaker === 'AI' && line.speaker === 'USER'
              ? [0.4, 1.5]
              : line.speaker === 'USER'
                ? [0.15, 0.8]
                : [2.5, 5];
        if (pause < min - 1e-5 || pause > max + 1e-5) bad.push([call.conversation.id, i, pause]);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has the AI answer mostly within 0.6–2 s, and sometimes after 3–8 s', () => {
    const latencies = timed.flatMap((call) => {
      const lines = offsetsOf(call);
      return lines.slice(1).flatMap((line, i) => {
        const previous = lines[i]!;
        return previous.speaker === 'USER' && line.speaker === 'AI'
          ? [line.at - previous.at - previous.seconds]
          : [];
      });
    });
    const quick = latencies.filter((s) => s >= 0.6 - 1e-5 && s <= 2 + 1e-5).length;
    const slow = latencies.filter((s) => s >= 3 - 1e-5 && s <= 8 + 1e-5).length;
    expect(quick + slow).toBe(latencies.length);
    expect(quick / latencies.length).toBeGreaterThan(0.9);
    expect(slow).toBeGreaterThan(100);
  });

  it('ends a few seconds after the last line, or at the 20-second or hour floor', () => {
    const bad = timed.filter((call) => {
      const last = offsetsOf(call).at(-1)!;
      const tail = durationSeconds(call.conversation) - (last.at + last.seconds);
      const floor = call.long ? 3600 : MIN_CALL_SECONDS;
      return tail < 1.5 - 1e-5 || (tail > 5 + 1e-5 && durationSeconds(call.conversation) !== floor);
    });
    expect(bad.map((call) => call.conversation.id)).toEqual([]);
  });

  it('has callers speak in fragments under 2 s apart, and phone numbers in two halves', () => {
    const fragmented = timed.filter((call) =>
      offsetsOf(call).some(
        (line, i, lines) =>
          i > 0 &&
          line.speaker === 'USER' &&
          lines[i - 1]!.speaker === 'USER' &&
          line.at - lines[i - 1]!.at - lines[i - 1]!.seconds < 2,
      ),
    );
    expect(fragmented.length).toBeGreaterThan(calls.length / 3);
    const split = timed.filter((call) => {
      const digits = call.conversation.transcriptText!.map((m) => m.message ?? '');
      return digits.some(
        (text, i) => /\d{3,}$/.test(text) && /^\d{3,}\.$/.test(digits[i + 1] ?? ''),
      );
    });
    expect(split.length).toBeGreaterThan(calls.length / 3);
  });
});
