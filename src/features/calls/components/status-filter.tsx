import { CONVERSATION_STATUSES } from '@contract';
import type { ListParams } from '@/lib/list-params';
import type { ListParamsPatch } from '../hooks/use-list-params';

interface StatusFilterProps {
  params: ListParams;
  update(patch: ListParamsPatch): void;
}

export function StatusFilter({ params, update }: StatusFilterProps) {
  return (
    <div>
      <label htmlFor="status-filter" className="sr-only">
        Status
      </label>
      <select
        id="status-filter"
        value={params.status ?? ''}
        onChange={(event) => {
          const value = CONVERSATION_STATUSES.find((status) => status === event.target.value);
          update({ status: value });
        }}
        className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm font-medium text-slate-800 capitalize hover:bg-slate-50"
      >
        <option value="">All statuses</option>
        {CONVERSATION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {status}
          </option>
        ))}
      </select>
    </div>
  );
}
