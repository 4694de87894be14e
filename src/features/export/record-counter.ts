const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** How far a CSV stream has been counted: whole records, and whether a quoted cell is open. */
export interface RecordCount {
  records: number;
  inQuotes: boolean;
}

export const NO_RECORDS: RecordCount = { records: 0, inQuotes: false };

/**
 * Counts the records in the next bytes of a CSV stream: a line end ends a record unless it is
 * inside a quoted cell (a summary may hold line breaks). An escaped quote (`""`) toggles twice,
 * so it changes nothing. Works on UTF-8 bytes as they arrive, split anywhere: neither byte it
 * looks for ever occurs inside a multi-byte character.
 */
export function countRecords(count: RecordCount, bytes: Uint8Array): RecordCount {
  let { records, inQuotes } = count;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) inQuotes = !inQuotes;
    else if (byte === NEWLINE && !inQuotes) records++;
  }
  return { records, inQuotes };
}
