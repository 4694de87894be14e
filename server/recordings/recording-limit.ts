import type { Conversation } from '../../contract';
import { callSeconds } from './render-call';

/** Four hours: longer than any real receptionist call, small enough to make on this machine. */
export const DEFAULT_MAX_RECORDING_SECONDS = 4 * 60 * 60;

/**
 * Why a conversation is too long to make a recording of, in words, or null when it is not.
 * Checked before anything is allocated: a recording's memory and time grow with its length, and
 * one call with a bad end time (a day, ten years) must not take the server down.
 */
export function recordingTooLong(conversation: Conversation, maxSeconds: number): string | null {
  const seconds = callSeconds(conversation);
  if (seconds <= maxSeconds) return null;
  return `This call lasts ${spokenDuration(seconds)}; recordings longer than ${spokenDuration(maxSeconds)} are not made.`;
}

/** `24 h 0 min`, `12 min 5 s`, `40 s`: hours grouped in thousands for the absurd cases. */
export function spokenDuration(seconds: number): string {
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  if (hours > 0) return `${hours.toLocaleString('en')} h ${minutes} min`;
  return minutes > 0 ? `${minutes} min ${whole % 60} s` : `${whole} s`;
}
