import { clsx, type ClassValue } from 'clsx';

/**
 * Joins class names. Components never pass two utilities for one property (each variant owns its
 * own corner radius, for example), so no merging library is needed to pick a winner.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
