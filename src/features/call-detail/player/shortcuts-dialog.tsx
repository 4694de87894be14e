import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';

/** Every shortcut of the detail page, grouped as the dialog shows them. */
export const SHORTCUTS: readonly { group: string; keys: readonly [string, string][] }[] = [
  {
    group: 'Playback',
    keys: [
      ['Space', 'Play or pause'],
      ['← / →', 'Back or forward 5 seconds'],
      ['Shift + ← / →', 'Back or forward 15 seconds'],
      ['[ / ]', 'Slower or faster (0.5× to 2.5×, pitch kept)'],
    ],
  },
  {
    group: 'On the waveform',
    keys: [
      ['↑ / ↓', 'Forward or back 5 seconds'],
      ['Page Up / Page Down', 'Forward or back 15 seconds'],
      ['Home / End', 'Start or end of the call'],
    ],
  },
  {
    group: 'Calls and search',
    keys: [
      ['j / k', 'Next or previous call in the list'],
      ['/', 'Search this call'],
      ['Enter / Shift + Enter', 'Next or previous match (in the search box)'],
      ['Esc', 'Clear the search, or close this dialog'],
      ['?', 'Show these shortcuts'],
    ],
  },
  {
    group: 'Review queue',
    keys: [
      ['Shift + J', 'Open the next call still to review in the list'],
      ['s', 'Skip silence on or off (pauses of 1.5 s or more)'],
    ],
  },
  {
    group: 'Review',
    keys: [
      ['1 – 5', 'Rate the call'],
      ['c', 'Comment at the current moment'],
      ['r', 'Mark the call reviewed'],
      ['f', 'Flag it for follow-up (type the reason)'],
    ],
  },
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id="shortcuts-title" className="text-base font-semibold text-slate-900">
        Keyboard shortcuts
      </h2>
      {SHORTCUTS.map(({ group, keys }) => (
        <section key={group} className="mt-4">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{group}</h3>
          <dl className="mt-1.5 grid grid-cols-[auto_1fr] items-baseline gap-x-4 gap-y-1.5 text-sm">
            {keys.map(([combo, action]) => (
              <div key={combo} className="contents">
                <dt>
                  <Kbd>{combo}</Kbd>
                </dt>
                <dd className="text-slate-800">{action}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <Button className="mt-5" onClick={onClose}>
        Close
      </Button>
    </dialog>
  );
}
