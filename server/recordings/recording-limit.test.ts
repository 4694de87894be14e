import { describe, expect, it } from 'vitest';
import { recordingTooLong, spokenDuration } from './recording-limit';
import { conversationOf } from './testing/fixtures';

const lasting = (seconds: number) => conversationOf('con.1763631000.LIMITCAL', [], seconds);

describe('recordingTooLong', () => {
  it('lets a call up to the limit through', () => {
    expect(recordingTooLong(lasting(14_400), 14_400)).toBeNull();
    expect(recordingTooLong(lasting(30), 14_400)).toBeNull();
  });

  it('says how long the call is and what the limit is', () => {
    expect(recordingTooLong(lasting(14_401), 14_400)).toBe(
      'This call lasts 4 h 0 min 1 s; recordings longer than 4 h 0 min are not made.',
    );
    expect(recordingTooLong(lasting(90), 60)).toBe(
      'This call lasts 1 min 30 s; recordings longer than 1 min 0 s are not made.',
    );
  });

  it('treats a call without a usable end as empty, not as endless', () => {
    expect(recordingTooLong({ ...lasting(30), timestampEnd: 'never' }, 60)).toBeNull();
  });
});

describe('spokenDuration', () => {
  it.each([
    [40, '40 s'],
    [725, '12 min 5 s'],
    [86_400, '24 h 0 min'],
    [3_652 * 86_400 + 125, '87,648 h 2 min 5 s'],
  ])('%d s is %s', (seconds, words) => expect(spokenDuration(seconds)).toBe(words));
});
