import { neutralizeFormula, prospectStatusLabel, type ExportColumn } from '../../contract';
import type { ExportRow } from '../store/types';
import { localTimeText } from './local-time-text';

/** Everything a row needs besides the call: the viewer's zone and the dashboard's origin. */
export interface RowContext {
  timeZone: string;
  /** `http://host:port`, for each call's link. */
  origin: string;
}

type Cell = string | number;
/** Adds a column's cells to `out`: a million rows' small arrays per column would be garbage. */
type CellsOf = (call: ExportRow, out: Cell[], local: (ms: number) => string) => void;

const text = (value: string | null | undefined): string =>
  value === null || value === undefined ? '' : neutralizeFormula(value);

/** Each list column as one or more CSV columns: their headings and their cells. */
const COLUMNS: Record<ExportColumn, { headings(zone: string): string[]; cells: CellsOf }> = {
  start: {
    headings: (zone) => ['Start (UTC, ISO 8601)', `Start (${zone})`],
    cells: (call, out, local) => {
      if (call.start === null) out.push('', '');
      else out.push(new Date(call.start).toISOString(), local(call.start));
    },
  },
  duration: {
    headings: () => ['Duration (s)'],
    cells: (call, out) => out.push(call.durationSeconds ?? ''),
  },
  caller: {
    headings: () => ['Caller', 'Caller phone', 'Caller phone source'],
    cells: (call, out) =>
      out.push(
        text(call.callerName),
        text(call.callerPhone),
        !call.callerPhone ? '' : call.callerPhoneOrigin === 'caller-id' ? 'caller ID' : 'given',
      ),
  },
  agent: { headings: () => ['Agent'], cells: (call, out) => out.push(text(call.agentName)) },
  sentiment: {
    headings: () => ['Sentiment'],
    cells: (call, out) => out.push(text(call.sentiment)),
  },
  prospect: {
    headings: () => ['Prospect status'],
    cells: (call, out) => out.push(text(prospectStatusLabel(call.prospectStatus))),
  },
  summary: { headings: () => ['Summary'], cells: (call, out) => out.push(text(call.summary)) },
  consent: {
    headings: () => ['Consent'],
    cells: (call, out) =>
      out.push(
        call.consentGiven === true ? 'given' : call.consentGiven === false ? 'not given' : '',
      ),
  },
  status: { headings: () => ['Status'], cells: (call, out) => out.push(text(call.status)) },
};

/** A date and time as `2026-12-02 14:05:09` in `timeZone`: sortable, and read by spreadsheets. */
export function localTimeFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
}

/** The CSV's rows: the headings, then one row per call; the call's id first, its link last. */
export function exportRows(columns: readonly ExportColumn[], context: RowContext) {
  const local = localTimeText(context.timeZone, localTimeFormat(context.timeZone));
  const cellsOf = columns.map((id) => COLUMNS[id].cells);
  const link = `${context.origin}/calls/`;
  return {
    headings: (): string[] => [
      'Call id',
      ...columns.flatMap((id) => COLUMNS[id].headings(context.timeZone)),
      'Link',
    ],
    // Called for every exported call: one array, filled in place.
    row: (call: ExportRow): Cell[] => {
      const cells: Cell[] = [text(call.id)];
      for (const cellsOfColumn of cellsOf) cellsOfColumn(call, cells, local);
      cells.push(link + encodeURIComponent(call.id));
      return cells;
    },
  };
}
