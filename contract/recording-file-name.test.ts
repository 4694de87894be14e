import { describe, expect, it } from 'vitest';
import { recordingFileName } from './recording-file-name';

describe('recordingFileName', () => {
  it('names the file after the caller, the date and the call id', () => {
    expect(
      recordingFileName({
        id: 'con.1763631000.ABC',
        timestampStart: '2026-01-05T10:00:00.123456',
        conversationAnalytics: { name_of_caller: 'Dana Whitfield' },
      }),
    ).toBe('dana-whitfield_2026-01-05_con.1763631000.abc.mp3');
  });

  it('falls back to the phone number, then the caller ID, then says it is unknown', () => {
    const base = { id: 'c1', timestampStart: '2026-01-05T10:00:00' };
    expect(
      recordingFileName({
        ...base,
        conversationAnalytics: { phone_number_of_caller: '(303) 357-1735' },
      }),
    ).toBe('303-357-1735_2026-01-05_c1.mp3');
    expect(recordingFileName({ ...base, source: '+13129932805' })).toBe(
      '13129932805_2026-01-05_c1.mp3',
    );
    expect(recordingFileName({ ...base, timestampStart: 'yesterday' }, 'wav')).toBe(
      'unknown-caller_undated_c1.wav',
    );
  });

  it('keeps quotes, slashes, dots and control characters out of the name', () => {
    const name = recordingFileName({
      id: '../../etc/passwd',
      timestampStart: '2026-01-05T10:00:00',
      conversationAnalytics: { name_of_caller: 'Zoë "x"; filename=evil.html\r\n<script>' },
    });
    expect(name).toMatch(/^[a-z0-9._-]+$/);
    expect(name).not.toContain('..');
    expect(name.startsWith('zoe-x-filename-evil.html-script_2026-01-05_')).toBe(true);
  });
});
