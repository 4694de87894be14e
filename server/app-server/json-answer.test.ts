import { describe, expect, it } from 'vitest';
import { isJsonBody } from './json-answer';
import type { UpstreamReply } from './upstream';

const answer = (text: string): UpstreamReply => ({
  status: 200,
  headers: new Headers(),
  bytes: Buffer.from(text),
  body: text,
});
const page = JSON.stringify(
  Array.from({ length: 200 }, (_, i) => ({ id: `c${i}`, x: 'y'.repeat(200) })),
);

describe('isJsonBody', () => {
  it('accepts a whole list page and refuses a cut-off or HTML one', () => {
    expect(isJsonBody(answer(page), true)).toBe(true);
    expect(isJsonBody(answer(`${page.slice(0, -40)}`), true)).toBe(false);
    expect(isJsonBody(answer(`<html>${'x'.repeat(20_000)}</html>`), true)).toBe(false);
  });

  it('parses small answers in full and large lists on a sample', () => {
    expect(isJsonBody(answer('{"id": }'), false)).toBe(false);
    const broken = `[${'{"id":"a"},'.repeat(3_000)}{"id":}]`;
    const verdicts = Array.from({ length: 32 }, () => isJsonBody(answer(broken), true));
    expect(verdicts.filter((ok) => !ok)).toHaveLength(2);
  });
});
