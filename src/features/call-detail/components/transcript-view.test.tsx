import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import * as highlight from '../transcript/highlight';
import { normalizeTranscript } from '../transcript/normalize';
import { TranscriptView } from './transcript-view';

vi.mock('../transcript/highlight', { spy: true });

const bubbles = normalizeTranscript(
  Array.from({ length: 40 }, (_, i) => ({
    speaker: i % 2 ? 'USER' : 'AI',
    message: `Line number ${i} <img src=x onerror=alert(1)>`,
    timestamp: `2026-01-01T00:${String(Math.floor((i * 5) / 60)).padStart(2, '0')}:${String((i * 5) % 60).padStart(2, '0')}`,
  })),
  { timestampStart: '2026-01-01T00:00:00' },
);

describe('TranscriptView', () => {
  it('re-renders only the old and the new bubble when the active bubble changes', () => {
    const props = {
      bubbles,
      agentName: 'Sophia',
      query: '',
      focusedMatchBubble: null,
      onSeek: () => undefined,
    };
    const { rerender } = render(<TranscriptView {...props} activeIndex={3} />);
    expect(bubbles).toHaveLength(40);
    const split = vi.mocked(highlight.splitHighlights);
    split.mockClear();
    rerender(<TranscriptView {...props} activeIndex={4} />);
    // One call per fragment of each re-rendered bubble: bubbles 3 and 4 have one fragment each.
    expect(split).toHaveBeenCalledTimes(2);
    const current = screen
      .getAllByRole('listitem')
      .filter((item) => item.getAttribute('aria-current') === 'true');
    expect(current).toHaveLength(1);
    expect(current[0]!.textContent).toContain('Line number 4');
  });

  it('renders markup in messages as text', () => {
    render(
      <TranscriptView
        bubbles={bubbles}
        agentName="Sophia"
        query="img"
        focusedMatchBubble={null}
        activeIndex={-1}
        onSeek={() => undefined}
      />,
    );
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByText('img').length).toBe(40);
  });
});
