/** A recording format the dashboard serves, recognised by its first bytes. */
export interface AudioType {
  contentType: string;
  extension: string;
}

/** Enough bytes to recognise every format below. */
export const SNIFF_BYTES = 12;

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length &&
  [...text].every((char, index) => bytes[at + index] === char.charCodeAt(0));

/** An MPEG audio frame header: 11 sync bits, a known version and layer, a usable bitrate. */
function isMpegFrame(bytes: Uint8Array): boolean {
  if (bytes.length < 3 || bytes[0] !== 0xff || (bytes[1]! & 0xe0) !== 0xe0) return false;
  const version = (bytes[1]! >> 3) & 0b11;
  const layer = (bytes[1]! >> 1) & 0b11;
  const bitrate = bytes[2]! >> 4;
  const sampleRate = (bytes[2]! >> 2) & 0b11;
  return version !== 0b01 && layer !== 0 && bitrate !== 0b1111 && sampleRate !== 0b11;
}

/**
 * The audio format whose magic number the bytes start with, or null: MP3 (an ID3v2 tag or an
 * MPEG frame), WAV (RIFF…WAVE), Ogg, M4A/MP4 (`ftyp`) and WebM/Matroska (EBML). Anything else,
 * an HTML page or a script above all, is not served as a recording.
 */
export function sniffAudioType(bytes: Uint8Array): AudioType | null {
  if (ascii(bytes, 0, 'ID3') || isMpegFrame(bytes))
    return { contentType: 'audio/mpeg', extension: 'mp3' };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE'))
    return { contentType: 'audio/wav', extension: 'wav' };
  if (ascii(bytes, 0, 'OggS')) return { contentType: 'audio/ogg', extension: 'ogg' };
  if (ascii(bytes, 4, 'ftyp')) return { contentType: 'audio/mp4', extension: 'm4a' };
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3)
    return { contentType: 'audio/webm', extension: 'webm' };
  return null;
}

/**
 * Types a storage host may declare for a recording. Hosts often say `application/octet-stream`
 * for audio they were not told the type of; the bytes decide then. Anything else (text/html,
 * JavaScript, images) is refused whatever its bytes are.
 */
export function isAcceptableDeclaredType(declared: string | null): boolean {
  if (declared === null) return true;
  const type = declared.split(';')[0]!.trim().toLowerCase();
  if (type === '') return true;
  return (
    type.startsWith('audio/') ||
    ['video/webm', 'video/mp4', 'video/ogg', 'application/ogg'].includes(type) ||
    ['application/octet-stream', 'binary/octet-stream'].includes(type)
  );
}
