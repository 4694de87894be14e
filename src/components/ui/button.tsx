import { cva, type VariantProps } from 'class-variance-authority';
import type { ButtonHTMLAttributes } from 'react';
import { cn } from '@/lib/cn';

export const buttonVariants = cva(
  'inline-flex items-center justify-center gap-1.5 text-sm font-medium whitespace-nowrap transition-colors disabled:pointer-events-none disabled:opacity-50',
  {
    variants: {
      variant: {
        primary: 'rounded-md bg-indigo-600 text-white hover:bg-indigo-700',
        secondary: 'rounded-md border border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
        ghost: 'rounded-md text-slate-700 hover:bg-slate-100',
        chip: 'rounded-full border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800',
      },
      size: { sm: 'h-8 px-2.5', md: 'h-9 px-3.5', icon: 'size-8' },
    },
    defaultVariants: { variant: 'secondary', size: 'md' },
  },
);

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> &
  VariantProps<typeof buttonVariants>;

export function Button({ className, variant, size, type = 'button', ...props }: ButtonProps) {
  return (
    <button type={type} className={cn(buttonVariants({ variant, size }), className)} {...props} />
  );
}
