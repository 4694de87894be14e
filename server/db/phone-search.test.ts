import { describe, expect, it } from 'vitest';
import { phoneSearchNeedle, phoneSearchText } from './phone-search';

const given = (phone: string | null, source: string | null = null, sourceType = 'PHONE') => ({
  source,
  sourceType,
  conversationAnalytics: { phone_number_of_caller: phone },
});

const finds = (stored: ReturnType<typeof given>, query: string) =>
  phoneSearchText(stored).includes(phoneSearchNeedle(query));

describe('phone search', () => {
  it('finds a number however it is written, on its national significant number', () => {
    for (const stored of ['+13033571735', '(303) 357-1735', '303.357.1735', '1-303-357-1735']) {
      for (const query of ['+1 303 357 1735', '(303) 357-1735', '3033571735', '357-1735']) {
        expect(finds(given(stored), query), `${query} in ${stored}`).toBe(true);
      }
    }
  });

  it('drops the country code of a partial international query', () => {
    expect(phoneSearchNeedle('+1 303')).toBe('303');
    expect(finds(given('(303) 357-1735'), '+1 303')).toBe(true);
  });

  it('finds numbers of other countries by their national or international digits', () => {
    const mexico = given('+52 55 1234 5678');
    expect(finds(mexico, '55 1234 5678')).toBe(true);
    expect(finds(mexico, '+52 55 1234 5678')).toBe(true);
    expect(finds(mexico, '5212345678')).toBe(false);
  });

  it('finds the caller ID of a phone call that gave no number', () => {
    const callerId = given(null, '+13129932805');
    expect(finds(callerId, '(312) 993-2805')).toBe(true);
    expect(finds(callerId, '993-2805')).toBe(true);
    expect(phoneSearchText(given(null, '203.0.113.7', 'BROWSER'))).toBe('');
  });

  it('keeps a number libphonenumber cannot read searchable by its digits', () => {
    expect(finds(given('0049 30 1234'), '30 1234')).toBe(true);
    expect(phoneSearchNeedle('(415)')).toBe('415');
  });
});
