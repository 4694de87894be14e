import { lazy, Suspense } from 'react';
import { DisclosureMenu } from '@/components/ui/disclosure-menu';
import {
  describeDateRange,
  presetOf,
  presetRange,
  viewerTimeZone,
  type DatePreset,
} from '@/lib/date-range';
import type { ListParams } from '@/lib/list-params';
import type { ListParamsPatch } from '../../hooks/use-list-params';
import { usePendingChoice } from '../../hooks/use-pending-choice';
import { rangeOf, toIso } from './date-range-of';

// The menu's controls show only once it is opened: their code stays out of the list's first JS.
const DateRangePanel = lazy(() =>
  import('./date-range-panel').then((module) => ({ default: module.DateRangePanel })),
);

interface DateFilterProps {
  params: ListParams;
  update(patch: ListParamsPatch): void;
}

/** A date range on the call's start: presets, or days chosen in the viewer's time zone. */
export function DateFilter({ params, update }: DateFilterProps) {
  const zone = viewerTimeZone();
  const now = Date.now();
  const range = rangeOf(params);
  const active = params.from !== undefined || params.to !== undefined;
  const preset = presetOf(range, now, zone);
  const [shownChoice, setShownChoice] = usePendingChoice<string>(
    preset ?? (active ? 'custom' : 'any'),
    `${params.from ?? ''}/${params.to ?? ''}`,
  );
  const choose = (choice: DatePreset | undefined) => {
    setShownChoice(choice ?? 'any');
    if (choice === undefined) return update({ from: undefined, to: undefined });
    const next = presetRange(choice, now, zone);
    update({ from: toIso(next.from), to: toIso(next.to) });
  };
  return (
    <DisclosureMenu
      label={active ? `Date: ${describeDateRange(range, now, zone)}` : 'Date'}
      active={active}
      panelLabel="Date range"
    >
      <Suspense fallback={<p className="px-2 py-1.5 text-sm text-slate-600">Loading…</p>}>
        <DateRangePanel
          params={params}
          zone={zone}
          shownChoice={shownChoice}
          choose={choose}
          update={update}
        />
      </Suspense>
    </DisclosureMenu>
  );
}
