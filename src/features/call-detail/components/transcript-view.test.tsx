import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { findMatches } from '../search/find-matches';
import { createActiveStore } from '../transcript/active-store';
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

const few = bubbles.slice(0, 6);

function renderView(overrides: Partial<ComponentProps<typeof TranscriptView>> = {}) {
  const activeStore = createActiveStore(3);
  const onSeek = vi.fn();
  const props = {
    bubbles,
    activeStore,
    agentName: 'Sophia',
    callerName: 'Hari',
    query: '',
    focusedMatch: null,
    reveal: null,
    onSeek,
    ...overrides,
  };
  return { ...render(<TranscriptView {...props} />), activeStore, onSeek };
}

const current = () =>
  screen.getAllByRole('listitem').filter((item) => item.getAttribute('aria-current') === 'true');

describe('TranscriptView', () => {
  it('re-renders only the old and the new bubble when the active bubble changes', () => {
    const { activeStore } = renderView();
    expect(bubbles).toHaveLength(40);
    const split = vi.mocked(highlight.splitHighlights);
    split.mockClear();
    act(() => activeStore.set(4));
    // One call per fragment of each bubble that rendered: bubbles 3 and 4, one fragment each.
    expect(split).toHaveBeenCalledTimes(2);
    expect(current()).toHaveLength(1);
    expect(current()[0]!.textContent).toContain('Line number 4');
    split.mockClear();
    act(() => activeStore.set(4));
    expect(split).not.toHaveBeenCalled();
    act(() => activeStore.set(-1));
    expect(split).toHaveBeenCalledTimes(1);
    expect(current()).toHaveLength(0);
  });

  it('names the speakers and seeks from a time or a fragment', () => {
    const { onSeek } = renderView({ bubbles: few });
    const items = screen.getAllByRole('listitem');
    expect(within(items[0]!).getByText('Sophia (AI)')).toBeTruthy();
    expect(within(items[1]!).getByText('Hari (caller)')).toBeTruthy();
    fireEvent.click(within(items[2]!).getByRole('button', { name: 'Play from 0:10' }));
    expect(onSeek).toHaveBeenLastCalledWith(10);
    fireEvent.click(within(items[3]!).getByText(/Line number 3/));
    expect(onSeek).toHaveBeenLastCalledWith(15);
  });

  it('makes each bubble one stop: its time is the only button, its text is text', () => {
    renderView({ bubbles: few });
    for (const [index, item] of screen.getAllByRole('listitem').entries()) {
      const buttons = within(item).getAllByRole('button');
      expect(buttons).toHaveLength(1);
      expect(buttons[0]!.getAttribute('aria-label')).toBe(
        `Play from 0:${index * 5 ? String(index * 5).padStart(2, '0') : '00'}`,
      );
      expect(buttons[0]!.textContent).not.toContain('Line number');
    }
  });

  it('renders markup in messages as text, and marks search hits as text nodes', () => {
    renderView({ query: 'img', focusedMatch: findMatches(bubbles, 'img')[2]! });
    expect(document.querySelector('img')).toBeNull();
    const marks = document.querySelectorAll('mark');
    expect(marks).toHaveLength(40);
    expect([...marks].every((mark) => mark.textContent === 'img')).toBe(true);
    const focused = document.querySelectorAll('mark[data-current-match]');
    expect(focused).toHaveLength(1);
    expect(focused[0]!.closest('[data-bubble]')!.textContent).toContain('Line number 2 ');
  });

  it('offers no dead buttons when there is no audio to seek', () => {
    renderView({ bubbles: few, onSeek: null });
    expect(
      within(screen.getByRole('list', { name: 'Transcript' })).queryAllByRole('button'),
    ).toHaveLength(0);
    expect(screen.getAllByText('0:05').length).toBeGreaterThan(0);
  });

  it('stops following when the reader scrolls, and resumes on request', () => {
    renderView({ bubbles: few });
    expect(screen.queryByRole('button', { name: 'Follow playback' })).toBeNull();
    fireEvent.wheel(screen.getByRole('list', { name: 'Transcript' }), { deltaY: 300 });
    fireEvent.click(screen.getByRole('button', { name: 'Follow playback' }));
    expect(screen.queryByRole('button', { name: 'Follow playback' })).toBeNull();
  });

  it('says so when there is no transcript', () => {
    renderView({ bubbles: [] });
    expect(screen.getByText('This call has no transcript.')).toBeTruthy();
  });
});
