import { useState } from 'react';
import { Button } from '@/components/ui/button';
import {
  DATE_PRESET_LABELS,
  DATE_PRESETS,
  daysRange,
  formatDayInput,
  parseDayInput,
  rangeDays,
  type DatePreset,
} from '@/lib/date-range';
import type { ListParams } from '@/lib/list-params';
import type { ListParamsPatch } from '../../hooks/use-list-params';
import { rangeOf, toIso } from './date-range-of';

interface DateRangePanelProps {
  params: ListParams;
  zone: string;
  /** The preset shown as chosen: 'any', 'custom' or a preset, ahead of the URL while it updates. */
  shownChoice: string;
  choose(choice: DatePreset | undefined): void;
  update(patch: ListParamsPatch): void;
}

/** The date menu's controls: presets, then two days of the viewer's time zone. */
export function DateRangePanel({ params, zone, shownChoice, choose, update }: DateRangePanelProps) {
  return (
    <>
      <fieldset>
        <legend className="px-2 pt-1 pb-1.5 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          Call started
        </legend>
        {[undefined, ...DATE_PRESETS].map((choice) => (
          <label
            key={choice ?? 'any'}
            className="flex cursor-pointer items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-slate-800 hover:bg-slate-50"
          >
            <input
              type="radio"
              name="date-preset"
              className="size-4 accent-indigo-600"
              checked={shownChoice === (choice ?? 'any')}
              onChange={() => choose(choice)}
            />
            {choice === undefined ? 'Any time' : DATE_PRESET_LABELS[choice]}
          </label>
        ))}
      </fieldset>
      <CustomRange
        key={`${params.from ?? ''}/${params.to ?? ''}`}
        params={params}
        zone={zone}
        update={update}
      />
      <p className="px-2 pt-2 text-xs text-slate-500">Days in your time zone ({zone}).</p>
    </>
  );
}

/** Two days, both included; the list applies them together. */
function CustomRange({
  params,
  zone,
  update,
}: Pick<DateRangePanelProps, 'params' | 'zone' | 'update'>) {
  const shown = rangeDays(rangeOf(params), zone);
  const [first, setFirst] = useState(shown.first ? formatDayInput(shown.first) : '');
  const [last, setLast] = useState(shown.last ? formatDayInput(shown.last) : '');
  const firstDay = parseDayInput(first);
  const lastDay = parseDayInput(last);
  const backwards =
    firstDay && lastDay && first > last ? 'The first day comes after the last day.' : null;
  const apply = () => {
    if (backwards || (!firstDay && !lastDay)) return;
    if (firstDay && lastDay) {
      const range = daysRange(firstDay, lastDay, zone);
      update({ from: toIso(range.from), to: toIso(range.to) });
    } else if (firstDay) {
      update({ from: toIso(daysRange(firstDay, firstDay, zone).from), to: undefined });
    } else if (lastDay) {
      update({ from: undefined, to: toIso(daysRange(lastDay, lastDay, zone).to) });
    }
  };
  return (
    <form
      className="mt-2 border-t border-slate-100 px-2 pt-2"
      aria-label="Custom date range"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <p className="pb-1.5 text-xs font-semibold tracking-wide text-slate-600 uppercase">Custom</p>
      <div className="flex items-end gap-2">
        <label className="flex flex-col text-xs text-slate-600">
          From
          <input
            type="date"
            value={first}
            max={last || undefined}
            onChange={(event) => setFirst(event.target.value)}
            className="mt-0.5 h-8 rounded-md border border-slate-300 px-2 text-sm text-slate-900"
          />
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          To
          <input
            type="date"
            value={last}
            min={first || undefined}
            onChange={(event) => setLast(event.target.value)}
            className="mt-0.5 h-8 rounded-md border border-slate-300 px-2 text-sm text-slate-900"
          />
        </label>
        <Button type="submit" size="sm" variant="primary" disabled={!firstDay && !lastDay}>
          Apply
        </Button>
      </div>
      {backwards ? (
        <p role="alert" className="mt-1.5 text-xs text-rose-800">
          {backwards}
        </p>
      ) : null}
    </form>
  );
}
