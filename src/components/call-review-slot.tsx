import { createContext, useContext, type ComponentType } from 'react';
import type { Conversation } from '@contract';

/** What the call page lends a review: the playback time, and seeking. */
export interface CallMoments {
  /** Seconds into the recording now (0 without audio). */
  now(): number;
  /** Moves the player there; does nothing without audio. */
  seek(seconds: number): void;
  /** The recording's length in seconds, 0 when unknown. */
  duration: number;
  playable: boolean;
}

/** A point of the call someone remarked on: drawn on the waveform and beside its bubble. */
export interface MomentMarker {
  id: string;
  seconds: number;
  /** Who said what, in words: the marker's accessible name. */
  label: string;
}

/**
 * The review the app layer plugs into the call page, so the call-detail and review features
 * never import each other. Without one the page shows no review and keeps action items local.
 */
export interface CallReviewSlot {
  Panel: ComponentType<{ conversation: Conversation; moments: CallMoments }> | null;
  ActionItems: ComponentType<{ conversation: Conversation; items: readonly string[] }> | null;
  /** A hook: the call's markers, polled like the rest of the review. */
  useMarkers(callId: string): readonly MomentMarker[];
  /** A hook: true until the call's review has first loaded (or failed), so the page can wait. */
  useLoading(callId: string): boolean;
}

const NO_MARKERS: readonly MomentMarker[] = [];
const NO_REVIEW: CallReviewSlot = {
  Panel: null,
  ActionItems: null,
  useMarkers: () => NO_MARKERS,
  useLoading: () => false,
};

const ReviewSlotContext = createContext<CallReviewSlot>(NO_REVIEW);

/** Pass a constant: the page calls its `useMarkers` hook on every render. */
export const CallReviewSlotProvider = ReviewSlotContext.Provider;

export function useCallReviewSlot(): CallReviewSlot {
  return useContext(ReviewSlotContext);
}
