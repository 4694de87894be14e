/**
 * Why there is no player. The transcript below stays complete and searchable either way.
 * `reason` is null when the call simply has no recording.
 */
export function RecordingNotice({ reason }: { reason: string | null }) {
  return (
    <div
      role="status"
      className={
        reason === null
          ? 'rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700'
          : 'rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950'
      }
    >
      <p className="font-medium">
        {reason === null ? 'This call has no recording.' : 'The recording cannot be played.'}
      </p>
      <p className="mt-0.5">
        {reason === null ? null : `${reason} `}The transcript below is complete and searchable.
      </p>
    </div>
  );
}
