import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../contract';
import { indexThenUpstream } from './recording-source';

const call = (id: string, from: string) =>
  ({ id, transcriptRecordingUrl: `https://${from}/${id}.mp3` }) as Conversation;
const signal = new AbortController().signal;

describe('indexThenUpstream', () => {
  const upstream = async (id: string) => call(id, 'api');

  it('reads the index first, and the API for a call the index lacks', async () => {
    const get = indexThenUpstream(
      async (id) => (id === 'known' ? call(id, 'index') : null),
      upstream,
    );
    expect((await get('known', signal))?.transcriptRecordingUrl).toBe('https://index/known.mp3');
    expect((await get('new', signal))?.transcriptRecordingUrl).toBe('https://api/new.mp3');
  });

  it('reads the API while the index database is unreachable', async () => {
    const get = indexThenUpstream(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    }, upstream);
    expect((await get('c1', signal))?.transcriptRecordingUrl).toBe('https://api/c1.mp3');
  });

  it('raises any other failure of the index', async () => {
    const get = indexThenUpstream(async () => {
      throw new TypeError('a bug');
    }, upstream);
    await expect(get('c1', signal)).rejects.toThrow('a bug');
  });
});
