// What an image file really is, read from its bytes (not its name): PNG or JPEG, its size in pixels,
// and whether it is complete. Only headers and chunk or segment markers are read, never pixels.

export type ImageInfo =
  | { ok: true; type: 'PNG' | 'JPEG'; width: number; height: number }
  | { ok: false; reason: 'empty' | 'not-an-image' }
  | { ok: false; reason: 'broken'; type: 'PNG' | 'JPEG' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function inspectImage(bytes: Uint8Array): ImageInfo {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return png(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpeg(bytes);
  return { ok: false, reason: 'not-an-image' };
}

const u32 = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const u16 = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];

/** A PNG is a signature, an IHDR chunk with the size, more chunks, and IEND: every chunk must fit. */
function png(b: Uint8Array): ImageInfo {
  const broken = { ok: false, reason: 'broken', type: 'PNG' } as const;
  if (b.length < 33 || u32(b, 8) !== 13 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return broken;
  const width = u32(b, 16);
  const height = u32(b, 20);
  if (width === 0 || height === 0) return broken;
  let i = 8;
  let sawData = false;
  while (i + 12 <= b.length) {
    const length = u32(b, i);
    const type = String.fromCharCode(...b.subarray(i + 4, i + 8));
    if (i + 12 + length > b.length) return broken;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData ? { ok: true, type: 'PNG', width, height } : broken;
    i += 12 + length;
  }
  return broken;
}

/** A JPEG is a chain of segments up to the image data; a frame header (SOFn) holds the size, EOI ends it. */
function jpeg(b: Uint8Array): ImageInfo {
  const broken = { ok: false, reason: 'broken', type: 'JPEG' } as const;
  let i = 2;
  let size: { width: number; height: number } | undefined;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return broken;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = u16(b, i + 2);
    if (length < 2 || i + 2 + length > b.length) return broken;
    // SOF0-SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      if (length < 7) return broken;
      size = { height: u16(b, i + 5), width: u16(b, i + 7) };
    }
    if (marker === 0xda) {
      // Start of scan: compressed data follows; a complete file ends with EOI (FF D9).
      if (!size || size.width === 0 || size.height === 0) return broken;
      let end = b.length;
      while (end > i && (b[end - 1] === 0x00 || b[end - 1] === 0x0a || b[end - 1] === 0x0d || b[end - 1] === 0x20)) end--; // padding some tools add
      return b[end - 2] === 0xff && b[end - 1] === 0xd9 ? { ok: true, type: 'JPEG', ...size } : broken;
    }
    i += 2 + length;
  }
  return broken;
}

/**
 * The size (mm) at which an image of `width` × `height` pixels fills a box of at most `maxW` × `maxH`
 * without distortion: a wide logo is held by the width, a tall one by the height.
 */
export function fitInBox(width: number, height: number, maxW: number, maxH: number): { w: number; h: number } {
  const scale = Math.min(maxW / Math.max(1, width), maxH / Math.max(1, height));
  return { w: width * scale, h: height * scale };
}
