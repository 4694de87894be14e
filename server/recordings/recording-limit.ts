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
  return `This call lasts ${spokenDuration(Math.ceil(seconds))}; recordings longer than ${spokenDuration(maxSeconds)} are not made.`;
}

/** `24 h 0 min`, `4 h 0 min 1 s`, `12 min 5 s`, `40 s`: thousands grouped for absurd spans. */
export function spokenDuration(seconds: number): string {
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours > 0) return `${hours.toLocaleString('en')} h ${minutes} min${rest ? ` ${rest} s` : ''}`;
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}
