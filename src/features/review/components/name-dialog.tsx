import { useEffect, useId, useRef, useState } from 'react';
import { REVIEWER_NAME_MAX } from '@contract';
import { Button } from '@/components/ui/button';

interface NameDialogProps {
  open: boolean;
  /** Returns false when the name is not valid; the dialog then stays open and says why. */
  onSave(name: string): boolean;
  onCancel(): void;
}

/** Asks who reviews, once per browser, when nobody signs in. */
export function NameDialog({ open, onSave, onCancel }: NameDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState(false);
  const titleId = useId();
  const errorId = useId();
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      onClose={onCancel}
      aria-labelledby={titleId}
      className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          const ok = onSave(name);
          setInvalid(!ok);
        }}
      >
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          Who is reviewing?
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Your name is shown beside your ratings and comments. This browser remembers it.
        </p>
        <label className="mt-3 flex flex-col gap-1 text-sm font-medium text-slate-800">
          Your name
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={REVIEWER_NAME_MAX}
            autoComplete="name"
            aria-invalid={invalid}
            aria-describedby={invalid ? errorId : undefined}
            className="h-9 rounded-md border border-slate-300 px-2.5 font-normal"
          />
        </label>
        {invalid ? (
          <p id={errorId} role="alert" className="mt-1 text-sm text-red-800">
            Give a name of 1 to {REVIEWER_NAME_MAX} characters, without line breaks.
          </p>
        ) : null}
        <div className="mt-4 flex gap-2">
          <Button type="submit" variant="primary">
            Save name
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </dialog>
  );
}
