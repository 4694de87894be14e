import { useId } from 'react';
import { formatCount } from '@/lib/format-count';
import type { FacetOptionList } from '../../facet-values';
import { usePendingChoice } from '../../hooks/use-pending-choice';

interface FacetOptionsProps {
  legend: string;
  options: FacetOptionList;
  selected: readonly string[];
  /** Checkboxes (several values) or radios with an "Any" choice (one value). */
  multiple: boolean;
  onChange(selected: string[]): void;
}

/** A facet's values with their counts in text, as a labelled checkbox or radio group. */
export function FacetOptions({
  legend,
  options,
  selected: fromUrl,
  multiple,
  onChange,
}: FacetOptionsProps) {
  const name = useId();
  const [selected, setSelected] = usePendingChoice(fromUrl, fromUrl.join('\n'));
  const toggle = (value: string, checked: boolean) => {
    const next = multiple
      ? checked
        ? [...selected, value]
        : selected.filter((one) => one !== value)
      : checked && value !== ''
        ? [value]
        : [];
    setSelected(next);
    onChange(next);
  };
  const rows = multiple ? options : [{ value: '', label: 'Any', count: null }, ...options];
  return (
    <fieldset className="max-h-72 overflow-y-auto">
      <legend className="px-2 pt-1 pb-1.5 text-xs font-semibold tracking-wide text-slate-600 uppercase">
        {legend}
      </legend>
      {rows.map((option) => {
        const checked =
          option.value === '' ? selected.length === 0 : selected.includes(option.value);
        return (
          <label
            key={option.value}
            className="flex cursor-pointer items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-slate-800 hover:bg-slate-50 has-focus-visible:bg-slate-50"
          >
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={multiple ? undefined : name}
              checked={checked}
              // The name says the count in words; joined spans would read "Neutral2".
              aria-label={
                option.count === null
                  ? option.label
                  : `${option.label}, ${formatCount(option.count)} ${option.count === 1 ? 'call' : 'calls'}`
              }
              onChange={(event) => toggle(option.value, event.target.checked)}
              className="size-4 accent-indigo-600"
            />
            <span className="flex-1">{option.label}</span>
            {option.count !== null ? (
              <span className="text-xs text-slate-500 tabular-nums">
                {formatCount(option.count)}
              </span>
            ) : null}
          </label>
        );
      })}
    </fieldset>
  );
}
