import { COLUMN_LABELS } from '../columns';
import { DENSITIES, type ListPreferences } from '../preferences';

interface ViewOptionsProps {
  preferences: ListPreferences;
  change(patch: Partial<ListPreferences>): void;
}

/** Which columns show, and how dense the rows are; kept in this browser. */
export function ViewOptions({ preferences, change }: ViewOptionsProps) {
  return (
    <details className="relative">
      <summary className="flex h-9 cursor-pointer list-none items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50">
        View
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-56 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <fieldset>
          <legend className="text-xs font-semibold text-slate-600 uppercase">Columns</legend>
          {Object.entries(COLUMN_LABELS).map(([id, label]) => (
            <label key={id} className="mt-1 flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={!preferences.hiddenColumns.includes(id)}
                disabled={id === 'start'}
                onChange={(event) =>
                  change({
                    hiddenColumns: event.target.checked
                      ? preferences.hiddenColumns.filter((hidden) => hidden !== id)
                      : [...preferences.hiddenColumns, id],
                  })
                }
              />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset className="mt-3">
          <legend className="text-xs font-semibold text-slate-600 uppercase">Density</legend>
          {DENSITIES.map((density) => (
            <label key={density} className="mt-1 flex items-center gap-2 text-sm capitalize">
              <input
                type="radio"
                name="density"
                checked={preferences.density === density}
                onChange={() => change({ density })}
              />
              {density}
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
}
