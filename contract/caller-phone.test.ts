import { describe, expect, it } from 'vitest';
import { callerPhoneOf, isPhoneSourceType } from './caller-phone';

describe('callerPhoneOf', () => {
  it('prefers the number the caller gave', () => {
    expect(
      callerPhoneOf({
        source: '+13129932805',
        sourceType: 'PHONE',
        conversationAnalytics: { phone_number_of_caller: '(303) 357-1735' },
      }),
    ).toEqual({ number: '(303) 357-1735', origin: 'given' });
  });

  it('falls back to the caller ID of a phone call', () => {
    for (const empty of [null, undefined, '', '  ']) {
      expect(
        callerPhoneOf({
          source: '+13129932805',
          sourceType: 'PHONE',
          conversationAnalytics: { phone_number_of_caller: empty },
        }),
      ).toEqual({ number: '+13129932805', origin: 'caller-id' });
    }
  });

  it('never takes the source of a browser call for a phone number', () => {
    expect(callerPhoneOf({ source: '203.0.113.7', sourceType: 'BROWSER' })).toBeNull();
    expect(callerPhoneOf({ source: null, sourceType: 'PHONE' })).toBeNull();
  });

  it('knows the usual names of phone source types', () => {
    expect(['PHONE', 'phone_sip', 'SIP', 'PSTN', 'INBOUND_PHONE'].map(isPhoneSourceType)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['BROWSER', 'WEB', 'CHAT', null].map(isPhoneSourceType)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
