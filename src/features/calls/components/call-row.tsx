import { FlexRender, type Row } from '@tanstack/react-table';
import { memo } from 'react';
import type { ConversationRow } from '@/lib/conversations-api';
import type { tableFeaturesForCalls } from '../columns';

// Static class strings: no class merging per cell on a hot path of 25 rows × 8 cells.
const CELL_COMPACT = 'px-3 py-1 align-middle';
const CELL_COMFORTABLE = 'px-3 py-2.5 align-middle';

type CallTableRow = Row<typeof tableFeaturesForCalls, ConversationRow>;

interface CallRowProps {
  row: CallTableRow;
  /** The visible column ids joined; a change re-renders the row. */
  visibleKey: string;
  compact: boolean;
}

/**
 * One call. Memoized on the call itself, so the rows kept on screen while another page loads are
 * not rendered again: the request starts sooner and the new rows arrive on an idle thread.
 */
export const CallRow = memo(
  function CallRow({ row, compact }: CallRowProps) {
    const item = row.original;
    const cells = row.getVisibleCells();
    if (item.kind === 'invalid') {
      return (
        <tr className="bg-amber-50">
          <td colSpan={cells.length} className="px-3 py-2 text-amber-900">
            <span className="font-medium">This call could not be read</span>
            {item.id ? ` (${item.id})` : ''}: {item.problem}
          </td>
        </tr>
      );
    }
    const id = item.conversation.id;
    const name = item.conversation.callerName || 'unknown caller';
    return (
      <tr className="relative focus-within:bg-indigo-50 hover:bg-indigo-50/60">
        {cells.map((cell, index) => (
          <td
            key={cell.id}
            data-column={cell.column.id}
            className={compact ? CELL_COMPACT : CELL_COMFORTABLE}
          >
            {index === 0 ? (
              // A real link, so middle-click and "open in new tab" work; the table's click handler
              // adds the list state for a plain click.
              <a
                href={`/calls/${encodeURIComponent(id)}`}
                data-row-link=""
                aria-label={`Open call with ${name}`}
                className="outline-none after:absolute after:inset-0 after:content-[''] focus-visible:after:ring-2 focus-visible:after:ring-indigo-600 focus-visible:after:ring-inset"
              >
                <FlexRender cell={cell} />
              </a>
            ) : (
              <FlexRender cell={cell} />
            )}
          </td>
        ))}
      </tr>
    );
  },
  (before, after) =>
    before.row.original === after.row.original &&
    before.visibleKey === after.visibleKey &&
    before.compact === after.compact,
);
