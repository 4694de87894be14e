import { useSyncView } from '../use-sync-view';

/**
 * Says in words, under the header, that Trata cannot be reached and how old the calls shown
 * are. The live region is always there, so the outage and its end are both announced.
 */
export function SyncBanner() {
  const view = useSyncView();
  const down = view?.kind === 'unreachable' ? view : null;
  return (
    <div role="status" aria-label="Connection to Trata">
      {down && (
        <div className="border-b border-amber-200 bg-amber-50">
          <div className="mx-auto flex max-w-screen-2xl items-start gap-2 px-4 py-2 text-sm text-amber-950">
            <WarningIcon />
            <p>
              <strong className="font-semibold">{down.headline}.</strong>{' '}
              <span className="text-amber-900">
                {down.reason} Callscope keeps trying and catches up by itself.
              </span>
            </p>
          </div>
        </div>
      )}
    </div>
  );
}

function WarningIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-600">
      <path
        d="M8 1.75 15 14.25H1L8 1.75Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
      <path d="M8 6.25v3.5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <circle cx="8" cy="11.75" r="0.9" fill="currentColor" />
    </svg>
  );
}
