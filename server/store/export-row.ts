import { parseTrataTimestamp, type CallListItem } from '../../contract';
import type { ExportRow } from './types';

/**
 * An export row as a backend reads it: `ExportRow`'s values, the agent's id instead of its name,
 * and consent as the backend's JSON extraction gives it (1/0 on SQLite, a boolean on PostgreSQL).
 */
export interface StoredExportRow extends Omit<ExportRow, 'agentName' | 'consentGiven'> {
  agentId: string | null;
  consent: number | boolean | null;
  sortKey: string | number | null;
}

const agentNameOf = (agentId: string | null, names: ReadonlyMap<string, string>) =>
  agentId === null ? null : (names.get(agentId) ?? agentId);

/** A stored export row as the export reads it, the agent named as the list names it. */
export function exportRowOf(row: StoredExportRow, names: ReadonlyMap<string, string>): ExportRow {
  return {
    id: row.id,
    start: row.start,
    durationSeconds: row.durationSeconds,
    callerName: row.callerName,
    callerPhone: row.callerPhone,
    callerPhoneOrigin: row.callerPhoneOrigin,
    agentName: agentNameOf(row.agentId, names),
    sentiment: row.sentiment,
    prospectStatus: row.prospectStatus,
    summary: row.summary,
    consentGiven: row.consent === null ? null : Boolean(row.consent),
    status: row.status,
  };
}

/**
 * A stored export row read as an array, for a backend that reads rows so (cheaper than an object
 * with named fields per row when a million rows pass).
 */
export type StoredExportValues = [
  id: string,
  start: number | null,
  durationSeconds: number | null,
  callerName: string | null,
  callerPhone: string | null,
  callerPhoneOrigin: StoredExportRow['callerPhoneOrigin'],
  agentId: string | null,
  sentiment: string | null,
  prospectStatus: string | null,
  summary: string | null,
  consent: number | boolean | null,
  status: string | null,
  sortKey: string | number | null,
];

/** `exportRowOf` of a row read as an array. */
export function exportRowOfValues(
  values: StoredExportValues,
  names: ReadonlyMap<string, string>,
): ExportRow {
  return {
    id: values[0],
    start: values[1],
    durationSeconds: values[2],
    callerName: values[3],
    callerPhone: values[4],
    callerPhoneOrigin: values[5],
    agentName: agentNameOf(values[6], names),
    sentiment: values[7],
    prospectStatus: values[8],
    summary: values[9],
    consentGiven: values[10] === null ? null : Boolean(values[10]),
    status: values[11],
  };
}

/** What `exportAfter` gives for a call that `listAfter` gives as `item`. */
export function exportRowOfItem(item: CallListItem): ExportRow {
  return {
    id: item.id,
    start: parseTrataTimestamp(item.timestampStart),
    durationSeconds: item.durationSeconds,
    callerName: item.callerName,
    callerPhone: item.callerPhone,
    callerPhoneOrigin: item.callerPhoneOrigin ?? null,
    agentName: item.agentName,
    sentiment: item.sentiment,
    prospectStatus: item.prospectStatus,
    summary: item.summary,
    consentGiven: item.consentGiven,
    status: item.status,
  };
}
