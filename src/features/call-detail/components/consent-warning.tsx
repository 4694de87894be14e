/**
 * Says so before anyone presses Play: it comes first on the page, above the player, at every
 * size (on a phone the analytics are far below).
 */
export function ConsentWarning() {
  return (
    <div
      role="note"
      aria-label="No consent to record"
      className="rounded-lg border-2 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>No consent to record
      </p>
      <p className="mt-1">
        The caller did not consent to this recording. Check your policy before listening to it,
        sharing it or keeping it.
      </p>
    </div>
  );
}
