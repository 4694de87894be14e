import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { cn } from '@/lib/cn';

interface DisclosureMenuProps {
  /** The button's text: what the menu filters, with its current choice when there is one. */
  label: ReactNode;
  /** Marks the button as holding a choice (besides its text, which says which). */
  active?: boolean;
  /** Names the panel for assistive technology. */
  panelLabel: string;
  children: ReactNode;
  className?: string;
}

/**
 * A button that shows a panel of controls below it. Escape closes it and gives the focus back
 * to the button; a click or the focus going elsewhere closes it too. Choices inside apply at
 * once, so the panel stays open while several are made.
 */
export function DisclosureMenu({
  label,
  active = false,
  panelLabel,
  children,
  className,
}: DisclosureMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return (
    // Escape and focus leaving belong to the whole menu, button and panel alike.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      ref={root}
      className={cn('relative', className)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        if (next && !root.current?.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
        className={cn(
          'inline-flex h-9 items-center gap-1.5 rounded-md border px-3 text-sm font-medium whitespace-nowrap transition-colors',
          active
            ? 'border-indigo-300 bg-indigo-50 text-indigo-900 hover:bg-indigo-100'
            : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
        )}
      >
        {label}
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className={cn('size-4 text-slate-500', open && 'rotate-180')}
        >
          <path
            fill="currentColor"
            d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z"
          />
        </svg>
      </button>
      {open ? (
        <div
          id={panelId}
          role="group"
          aria-label={panelLabel}
          className="absolute top-full left-0 z-30 mt-1 w-max max-w-80 min-w-56 rounded-lg border border-slate-200 bg-white p-2 shadow-lg ring-1 ring-slate-900/5"
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}
