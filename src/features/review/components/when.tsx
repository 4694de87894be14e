import { formatDateTime, formatRelative } from '@/lib/format';

/** "5 min. ago", with the exact date and time on hover and for machines. */
export function When({ iso, now }: { iso: string; now: number }) {
  const epochMs = Date.parse(iso);
  if (Number.isNaN(epochMs)) return null;
  return (
    <time dateTime={iso} title={formatDateTime(epochMs)}>
      {formatRelative(epochMs, now)}
    </time>
  );
}
