import { describe, expect, it } from 'vitest';
import { agentNameFrom } from './agent-name';
import { LONG_LATENCY_SECONDS, responseLatencies } from './latency';
import { normalizeTranscript } from './normalize';

const bubbles = normalizeTranscript(
  [
    {
      speaker: 'AI',
      message: 'Hello, this is Emma from the clinic.',
      timestamp: '2026-01-01T00:00:00',
    },
    // Five words: about 2 s to say, so the turn ends near 12 s; the AI answers at 13 s.
    { speaker: 'USER', message: 'I need a new appointment.', timestamp: '2026-01-01T00:00:10' },
    { speaker: 'AI', message: 'Sure.', timestamp: '2026-01-01T00:00:13' },
    // Two words end near 20.8 s; the answer comes at 30 s: a slow answer.
    { speaker: 'USER', message: 'Tomorrow morning?', timestamp: '2026-01-01T00:00:20' },
    { speaker: 'AI', message: 'Let me check.', timestamp: '2026-01-01T00:00:30' },
  ],
  { timestampStart: '2026-01-01T00:00:00' },
);

describe('responseLatencies', () => {
  it("measures from the estimated end of the caller's turn to the AI's answer", () => {
    const latencies = responseLatencies(bubbles);
    expect(latencies).toHaveLength(2);
    expect(latencies[0]).toMatchObject({ to: 13, long: false });
    expect(latencies[0]!.seconds).toBeCloseTo(1, 5);
    expect(latencies[1]).toMatchObject({ to: 30, long: true });
    expect(latencies[1]!.seconds).toBeCloseTo(9.2, 5);
    expect(latencies[1]!.seconds).toBeGreaterThan(LONG_LATENCY_SECONDS);
  });

  it('skips an answer that starts before the turn could have ended', () => {
    const overlap = normalizeTranscript(
      [
        {
          speaker: 'USER',
          message: 'one two three four five six seven',
          timestamp: '2026-01-01T00:00:00',
        },
        { speaker: 'AI', message: 'Yes?', timestamp: '2026-01-01T00:00:01' },
      ],
      { timestampStart: '2026-01-01T00:00:00' },
    );
    expect(responseLatencies(overlap)).toEqual([]);
  });
});

describe('agentNameFrom', () => {
  it('takes the name the AI introduces itself with', () => {
    expect(agentNameFrom(bubbles)).toBe('Emma');
    expect(agentNameFrom(bubbles.slice(1, 2))).toBeNull();
  });
});
