import type { MomentMarker } from '@/components/call-review-slot';
import { findActiveIndex } from './active-bubble';

/**
 * Markers grouped by the bubble playing at their moment (the first bubble for a moment before
 * any speech), so each bubble shows its own. Bubbles without one are absent from the map.
 */
export function markersByBubble(
  markers: readonly MomentMarker[],
  offsets: readonly number[],
): ReadonlyMap<number, readonly MomentMarker[]> {
  const groups = new Map<number, MomentMarker[]>();
  if (offsets.length === 0) return groups;
  for (const marker of markers) {
    const index = Math.max(0, findActiveIndex(offsets, marker.seconds));
    const group = groups.get(index);
    if (group) group.push(marker);
    else groups.set(index, [marker]);
  }
  return groups;
}

/** Where a moment sits across the waveform, in percent, kept inside it. */
export function markerPercent(seconds: number, duration: number): number {
  if (!(duration > 0)) return 0;
  return Math.min(100, Math.max(0, (seconds / duration) * 100));
}
