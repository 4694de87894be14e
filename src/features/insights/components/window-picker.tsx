import { useState, type FormEvent } from 'react';
import type { InstantRange } from '@/lib/date-range';
import {
  customWindow,
  presetOfWindow,
  presetWindow,
  WINDOW_PRESET_LABELS,
  WINDOW_PRESETS,
  windowDays,
} from '../insights-window';

interface WindowPickerProps {
  window: InstantRange;
  now: number;
  timeZone: string;
  onChange(window: InstantRange): void;
}

/** Today, 7, 30 or 90 days, or chosen days: whole days in the viewer's zone. */
export function WindowPicker({ window, now, timeZone, onChange }: WindowPickerProps) {
  const active = presetOfWindow(window, now, timeZone);
  const days = windowDays(window, timeZone);
  const [first, setFirst] = useState(days.first);
  const [last, setLast] = useState(days.last);
  const [problem, setProblem] = useState<string | null>(null);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const chosen = customWindow(first, last, timeZone);
    if (!chosen) {
      setProblem('Choose a first day on or before the last day.');
      return;
    }
    setProblem(null);
    onChange(chosen);
  };
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div role="group" aria-label="Window" className="inline-flex rounded-md shadow-sm">
        {WINDOW_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={active === preset}
            onClick={() => onChange(presetWindow(preset, now, timeZone))}
            className="border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 first:rounded-l-md last:rounded-r-md hover:bg-slate-50 aria-pressed:bg-indigo-600 aria-pressed:text-white"
          >
            {WINDOW_PRESET_LABELS[preset]}
          </button>
        ))}
      </div>
      <form onSubmit={apply} className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col text-slate-700">
          From
          <input
            type="date"
            value={first}
            onChange={(event) => setFirst(event.target.value)}
            className="rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="flex flex-col text-slate-700">
          To
          <input
            type="date"
            value={last}
            onChange={(event) => setLast(event.target.value)}
            className="rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <button
          type="submit"
          className="rounded border border-slate-300 bg-white px-3 py-1 text-slate-700 hover:bg-slate-50"
        >
          Show these days
        </button>
        {problem && (
          <p role="alert" className="w-full text-rose-700">
            {problem}
          </p>
        )}
      </form>
    </div>
  );
}
