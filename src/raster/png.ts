// A small PNG encoder (8-bit RGB, zlib from fflate), for pictures the writers draw themselves: the
// DOCX format has no drawing of its own that Word and LibreOffice both show, so charts go in as PNG.
import { zlibSync } from 'fflate';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

let crcTable: Uint32Array | undefined;

/** CRC-32 as PNG chunks (and zip files) use it. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/**
 * Encode `rgb` (width × height × 3 bytes, rows top to bottom) as a PNG that says its resolution, so
 * a word processor that sizes by dpi shows it at the intended size. Deterministic: no time chunk.
 */
export function encodePng(width: number, height: number, rgb: Uint8Array, dpi: number): Uint8Array {
  if (rgb.length !== width * height * 3) throw new RangeError(`expected ${width * height * 3} bytes of RGB, got ${rgb.length}`);
  const header = new Uint8Array(13);
  const h = new DataView(header.buffer);
  h.setUint32(0, width);
  h.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, adaptive filtering, no interlace
  // Each row is stored as its difference to the row above ("Up"): flat areas become zeros.
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1);
    raw[row] = y === 0 ? 0 : 2;
    for (let i = 0; i < stride; i++) raw[row + 1 + i] = y === 0 ? rgb[i] : (rgb[y * stride + i] - rgb[(y - 1) * stride + i]) & 0xff;
  }
  // Level 4: flat colours compress as well as at 9 (15 kB for a chart a page wide), in a quarter of the time.
  const pixelsPerMetre = Math.round(dpi / 0.0254);
  const phys = new Uint8Array(9);
  const p = new DataView(phys.buffer);
  p.setUint32(0, pixelsPerMetre);
  p.setUint32(4, pixelsPerMetre);
  phys[8] = 1; // the unit is the metre
  const parts = [SIGNATURE, chunk('IHDR', header), chunk('pHYs', phys), chunk('IDAT', zlibSync(raw, { level: 4 })), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
