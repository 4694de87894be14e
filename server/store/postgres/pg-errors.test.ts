import { describe, expect, it } from 'vitest';
import { databaseUnavailableReason, isDatabaseUnavailable } from './pg-errors';

const withCode = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises a refused or broken socket', () => {
    expect(databaseUnavailableReason(withCode('ECONNREFUSED'))).toBe(
      'the connection was refused (ECONNREFUSED)',
    );
    expect(isDatabaseUnavailable(withCode('ECONNRESET'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('ETIMEDOUT'))).toBe(true);
  });

  it('recognises the SQLSTATEs of a server that cannot serve now', () => {
    for (const code of ['08000', '08006', '08001', '57P01', '57P02', '57P03', '53300', '57014']) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
  });

  it("recognises node-postgres's own words for an ended or slow connection", () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Connection terminated due to connection timeout')),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
  });

  it('looks through causes and aggregates', () => {
    const wrapped = new Error('listing calls failed', { cause: withCode('57P01') });
    expect(databaseUnavailableReason(wrapped)).toBe('it is shutting down (57P01)');
    const aggregate = new AggregateError([new Error('x'), withCode('ECONNREFUSED')], 'all failed');
    expect(isDatabaseUnavailable(aggregate)).toBe(true);
  });

  it('leaves bugs, bad queries and constraint failures alone', () => {
    expect(isDatabaseUnavailable(withCode('42P01', 'relation "calls" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('23505', 'duplicate key'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('40001', 'could not serialize'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('SQLITE_BUSY'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });

  it('does not loop on a cause that points back at itself', () => {
    const error = new Error('odd') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
