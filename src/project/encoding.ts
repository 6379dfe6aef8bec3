// Turns the bytes of a neighbourhood file into text: UTF-8 (with or without a BOM) is read, other
// encodings are refused with the place of the first character that gives them away.
import type { MessageKey } from '../messages.js';
import type { Problem } from './problems.js';

export type Decoded = { source: string; problem?: undefined } | { source: string; problem: Problem };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

const refuse = (source: string, key: MessageKey, line = 1, col = 1): Decoded => ({
  source,
  problem: { severity: 'error', path: [], key, pos: { line, col, length: 1 } },
});

/** Decode a file's bytes as UTF-8, or say where and why it is not. */
export function decodeSource(bytes: Uint8Array): Decoded {
  let body = bytes;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  else if ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff)) {
    return refuse(new TextDecoder(body[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(body), 'encoding_utf16');
  }
  const utf16 = utf16WithoutBom(body);
  if (utf16) return refuse(new TextDecoder(utf16).decode(body), 'encoding_utf16');
  let source: string;
  try {
    source = utf8.decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    return refuse(lossy.decode(body), 'encoding_not_utf8', ...lineAndColumn(body, at));
  }
  const nul = source.indexOf('\u0000');
  if (nul >= 0) {
    const before = source.slice(0, nul).replace(/\r\n?/g, '\n');
    return refuse(source, 'encoding_nul', before.split('\n').length, before.length - before.lastIndexOf('\n'));
  }
  return { source };
}

/**
 * UTF-16 without a byte-order mark: text in Latin letters then has a zero byte in every other
 * position. YAML text never holds zero bytes, so many of them in one parity are a sure sign.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > half * 0.3 && even < half * 0.05) return 'utf-16le';
  if (even > half * 0.3 && odd < half * 0.05) return 'utf-16be';
  return undefined;
}

/** The offset of the first byte that breaks UTF-8 (overlong forms and surrogates included). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = b[i + k];
      if (next === undefined || next < (k === 1 ? lo : 0x80) || next > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset whose line before it is valid UTF-8. */
function lineAndColumn(bytes: Uint8Array, offset: number): [number, number] {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    // Line breaks as the loader counts them: LF, CRLF, and a CR on its own (old Mac files).
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  return [line, lossy.decode(bytes.subarray(start, offset)).replace(/\r$/, '').length + 1];
}
