import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactDatabaseUrl } from './config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      DEMO_CONVERSATIONS: 2000,
      DEMO_API_PORT: 8081,
      DEMO_API_TOKEN: 'callscope-demo-token',
      mode: 'demo',
    });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DEMO_CONVERSATIONS: '-3' })).toThrowError(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'eighty', DEMO_CONVERSATIONS: '-3' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/DEMO_CONVERSATIONS/);
    }
  });

  it('bounds recording lengths at 4 h unless told otherwise, and refuses a bad bound', () => {
    expect(loadConfig({}).RECORDING_MAX_SECONDS).toBe(14_400);
    expect(loadConfig({ RECORDING_MAX_SECONDS: '600' }).RECORDING_MAX_SECONDS).toBe(600);
    expect(() => loadConfig({ RECORDING_MAX_SECONDS: '0' })).toThrowError(/RECORDING_MAX_SECONDS/);
    expect(() => loadConfig({ RECORDING_MAX_SECONDS: 'long' })).toThrowError(
      /RECORDING_MAX_SECONDS/,
    );
  });

  it('switches to upstream mode only with both the URL and the token', () => {
    expect(() => loadConfig({ TRATA_API_URL: 'https://api.trata.ai' })).toThrowError(
      /TRATA_API_TOKEN/,
    );
    const config = loadConfig({ TRATA_API_URL: 'https://api.trata.ai', TRATA_API_TOKEN: 'secret' });
    expect(config.mode).toBe('upstream');
  });

  it('reads trusted recording origins as exact origins and names a bad one', () => {
    expect(loadConfig({}).RECORDING_TRUSTED_ORIGINS).toEqual([]);
    const config = loadConfig({
      RECORDING_TRUSTED_ORIGINS: 'http://127.0.0.1:9000/x, https://files.example.internal',
    });
    expect(config.RECORDING_TRUSTED_ORIGINS).toEqual([
      'http://127.0.0.1:9000',
      'https://files.example.internal',
    ]);
    expect(() => loadConfig({ RECORDING_TRUSTED_ORIGINS: 'file:///etc/passwd' })).toThrowError(
      /RECORDING_TRUSTED_ORIGINS: file:\/\/\/etc\/passwd is not an http\(s\) origin/,
    );
  });

  it('reads the sync intervals and names a bad one', () => {
    expect(loadConfig({})).toMatchObject({ SYNC_INTERVAL_S: 30, SYNC_RECONCILE_S: 3600 });
    expect(loadConfig({ SYNC_INTERVAL_S: '5' }).SYNC_INTERVAL_S).toBe(5);
    expect(() => loadConfig({ SYNC_INTERVAL_S: '0' })).toThrowError(/SYNC_INTERVAL_S/);
    expect(() => loadConfig({ SYNC_RECONCILE_S: 'hourly' })).toThrowError(/SYNC_RECONCILE_S/);
  });

  it('takes a PostgreSQL URL and a pool size, and stays on SQLite without one', () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    expect(loadConfig({}).DATABASE_POOL_MAX).toBe(10);
    for (const url of ['postgres://u:p@db:5432/callscope', 'postgresql://db/callscope']) {
      expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
    expect(loadConfig({ DATABASE_POOL_MAX: '25' }).DATABASE_POOL_MAX).toBe(25);
    expect(() => loadConfig({ DATABASE_POOL_MAX: '0' })).toThrowError(/DATABASE_POOL_MAX/);
  });

  it('refuses a DATABASE_URL of another kind, without repeating its password', () => {
    for (const url of ['mysql://u:hunter2@db/x', 'sqlite:./data', 'db:5432', 'postgres://']) {
      try {
        loadConfig({ DATABASE_URL: url });
        expect.unreachable(url);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as Error).message).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
        expect((error as Error).message).not.toContain('hunter2');
      }
    }
  });

  it('redacts the password of a database URL for the logs', () => {
    expect(redactDatabaseUrl('postgres://app:hunter2@db:5432/callscope')).toBe(
      'postgres://app:***@db:5432/callscope',
    );
    expect(redactDatabaseUrl('postgres://db/callscope?password=hunter2&sslmode=require')).toBe(
      'postgres://db/callscope?password=***&sslmode=require',
    );
    expect(redactDatabaseUrl('postgres://db/callscope')).toBe('postgres://db/callscope');
  });
});
