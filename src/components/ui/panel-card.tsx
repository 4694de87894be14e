import { useId, useState, type ReactNode } from 'react';

/**
 * One titled box of the call page's side panel, a landmark named by its title. Its heading is a
 * disclosure button: on a phone, where the panel follows the transcript, a reader folds away
 * what they do not need.
 */
export function PanelCard({ title, children }: { title: string; children: ReactNode }) {
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  return (
    <section
      aria-label={title}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs"
    >
      <h2 className="-my-1 mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((was) => !was)}
          className="flex min-h-8 w-full items-center justify-between gap-2 rounded text-left uppercase"
        >
          {title}
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className={open ? 'size-4 rotate-180' : 'size-4'}
          >
            <path
              fill="currentColor"
              d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z"
            />
          </svg>
        </button>
      </h2>
      <div id={bodyId} hidden={!open}>
        {children}
      </div>
    </section>
  );
}
