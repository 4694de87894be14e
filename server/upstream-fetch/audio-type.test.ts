import { describe, expect, it } from 'vitest';
import { isAcceptableDeclaredType, sniffAudioType } from './audio-type';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((value) =>
      typeof value === 'string' ? [...value].map((char) => char.charCodeAt(0)) : [value],
    ),
  );

describe('sniffAudioType', () => {
  it.each([
    ['an ID3 tag', bytes('ID3', 4, 0, 0), 'audio/mpeg'],
    ['an MPEG-2.5 layer III frame', bytes(0xff, 0xe3, 0x48, 0xc4), 'audio/mpeg'],
    ['an MPEG-1 layer III frame', bytes(0xff, 0xfb, 0x90, 0x64), 'audio/mpeg'],
    ['a WAV file', bytes('RIFF', 0, 0, 0, 0, 'WAVE'), 'audio/wav'],
    ['an Ogg page', bytes('OggS', 0, 2), 'audio/ogg'],
    ['an M4A file', bytes(0, 0, 0, 0x20, 'ftypM4A '), 'audio/mp4'],
    ['a WebM file', bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f), 'audio/webm'],
  ])('recognises %s', (_name, start, type) => {
    expect(sniffAudioType(start)?.contentType).toBe(type);
  });

  it.each([
    ['an HTML page', bytes('<!doctype html><script>alert(1)</script>')],
    ['a script', bytes('fetch("/v1/conversations")')],
    ['a RIFF file that is not WAVE', bytes('RIFF', 0, 0, 0, 0, 'AVI ')],
    ['a sync word with a reserved version', bytes(0xff, 0xe9, 0x48)],
    ['a sync word with a bad bitrate', bytes(0xff, 0xfb, 0xf0)],
    ['a PNG image', bytes(0x89, 'PNG', 0x0d, 0x0a)],
    ['nothing', bytes()],
  ])('refuses %s', (_name, start) => {
    expect(sniffAudioType(start)).toBeNull();
  });
});

describe('isAcceptableDeclaredType', () => {
  it('accepts audio types, WebM/MP4/Ogg video containers, generic binary and no type', () => {
    for (const type of ['audio/mpeg', 'audio/x-wav', 'video/webm', 'binary/octet-stream', null])
      expect(isAcceptableDeclaredType(type), String(type)).toBe(true);
  });

  it('refuses pages, scripts and images', () => {
    for (const type of ['text/html; charset=utf-8', 'application/javascript', 'image/svg+xml'])
      expect(isAcceptableDeclaredType(type), type).toBe(false);
  });
});
