// Reads glyph outlines from a TrueType font (the typeface the PDFs use), so pictures drawn for the DOCX
// writer carry the same letters as the PDF. Only what drawing a label needs: the character map,
// advance widths and the outlines (simple and composite glyphs); no hinting, no kerning.

export interface Point {
  x: number;
  y: number;
}

/** A glyph's outline as closed polygons in font units (y up), curves already flattened. */
export type Outline = Point[][];

interface Table {
  offset: number;
  length: number;
}

export class TrueTypeFont {
  readonly unitsPerEm: number;
  private readonly view: DataView;
  private readonly tables = new Map<string, Table>();
  private readonly longLoca: boolean;
  private readonly numGlyphs: number;
  private readonly numHMetrics: number;
  private readonly cmap: Map<number, number>;
  private readonly outlines = new Map<number, Outline>();

  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = this.view.getUint16(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
      this.tables.set(tag, { offset: this.view.getUint32(at + 8), length: this.view.getUint32(at + 12) });
    }
    const head = this.table('head');
    this.unitsPerEm = this.view.getUint16(head.offset + 18);
    this.longLoca = this.view.getInt16(head.offset + 50) === 1;
    this.numGlyphs = this.view.getUint16(this.table('maxp').offset + 4);
    this.numHMetrics = this.view.getUint16(this.table('hhea').offset + 34);
    this.cmap = unicodeCmap(bytes);
  }

  private table(tag: string): Table {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`The font has no '${tag}' table`);
    return t;
  }

  /** The glyph for a character; 0 (the font's "missing" box) when it has none. */
  glyphOf(codePoint: number): number {
    return this.cmap.get(codePoint) ?? 0;
  }

  /** Advance width in font units. */
  advance(glyph: number): number {
    const hmtx = this.table('hmtx').offset;
    const i = Math.min(glyph, this.numHMetrics - 1);
    return this.view.getUint16(hmtx + i * 4);
  }

  /** Width of a text in font units, summing advances (labels are short: no kerning). */
  measure(text: string): number {
    let w = 0;
    for (const ch of text) w += this.advance(this.glyphOf(ch.codePointAt(0)!));
    return w;
  }

  outline(glyph: number): Outline {
    let found = this.outlines.get(glyph);
    if (!found) {
      found = this.readGlyph(glyph, 0);
      this.outlines.set(glyph, found);
    }
    return found;
  }

  private glyphRange(glyph: number): { start: number; end: number } {
    const loca = this.table('loca').offset;
    const glyf = this.table('glyf').offset;
    if (glyph < 0 || glyph >= this.numGlyphs) return { start: 0, end: 0 };
    const at = (i: number) => (this.longLoca ? this.view.getUint32(loca + i * 4) : this.view.getUint16(loca + i * 2) * 2);
    return { start: glyf + at(glyph), end: glyf + at(glyph + 1) };
  }

  private readGlyph(glyph: number, depth: number): Outline {
    const { start, end } = this.glyphRange(glyph);
    if (end <= start || depth > 8) return [];
    const contours = this.view.getInt16(start);
    return contours >= 0 ? this.simpleGlyph(start, contours) : this.compositeGlyph(start, depth);
  }

  private simpleGlyph(start: number, contours: number): Outline {
    const v = this.view;
    let at = start + 10;
    const endPoints: number[] = [];
    for (let i = 0; i < contours; i++, at += 2) endPoints.push(v.getUint16(at));
    const count = contours ? endPoints[contours - 1] + 1 : 0;
    at += 2 + v.getUint16(at); // skip the instructions
    const flags: number[] = [];
    while (flags.length < count) {
      const flag = v.getUint8(at++);
      flags.push(flag);
      if (flag & 8) {
        const repeat = v.getUint8(at++);
        for (let r = 0; r < repeat; r++) flags.push(flag);
      }
    }
    const coords = (short: number, same: number): number[] => {
      const out: number[] = [];
      let value = 0;
      for (const flag of flags) {
        if (flag & short) {
          const d = v.getUint8(at++);
          value += flag & same ? d : -d;
        } else if (!(flag & same)) {
          value += v.getInt16(at);
          at += 2;
        }
        out.push(value);
      }
      return out;
    };
    const xs = coords(2, 16);
    const ys = coords(4, 32);
    const outline: Outline = [];
    let first = 0;
    for (const last of endPoints) {
      const points = [];
      for (let i = first; i <= last; i++) points.push({ x: xs[i], y: ys[i], on: (flags[i] & 1) === 1 });
      outline.push(flatten(points));
      first = last + 1;
    }
    return outline;
  }

  private compositeGlyph(start: number, depth: number): Outline {
    const v = this.view;
    let at = start + 10;
    const outline: Outline = [];
    for (;;) {
      const flags = v.getUint16(at);
      const component = v.getUint16(at + 2);
      at += 4;
      let dx: number;
      let dy: number;
      if (flags & 1) {
        dx = v.getInt16(at);
        dy = v.getInt16(at + 2);
        at += 4;
      } else {
        dx = v.getInt8(at);
        dy = v.getInt8(at + 1);
        at += 2;
      }
      // Point-matched placement (flag 2 unset) is not used by the letters we draw: placed at 0,0.
      if (!(flags & 2)) dx = dy = 0;
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2dot14 = (o: number) => v.getInt16(o) / 16384;
      if (flags & 8) {
        a = d = f2dot14(at);
        at += 2;
      } else if (flags & 0x40) {
        a = f2dot14(at);
        d = f2dot14(at + 2);
        at += 4;
      } else if (flags & 0x80) {
        a = f2dot14(at);
        b = f2dot14(at + 2);
        c = f2dot14(at + 4);
        d = f2dot14(at + 6);
        at += 8;
      }
      for (const contour of this.readGlyph(component, depth + 1)) {
        outline.push(contour.map((p) => ({ x: a * p.x + c * p.y + dx, y: b * p.x + d * p.y + dy })));
      }
      if (!(flags & 0x20)) break;
    }
    return outline;
  }
}

/** Steps per quadratic curve: enough for smooth letters at label sizes. */
const CURVE_STEPS = 6;

/** A TrueType contour (on- and off-curve points, quadratic) as a closed polygon. */
function flatten(points: { x: number; y: number; on: boolean }[]): Point[] {
  if (points.length === 0) return [];
  // Between two off-curve points lies an implied on-curve point at their middle.
  const full: { x: number; y: number; on: boolean }[] = [];
  points.forEach((p, i) => {
    const prev = points[(i + points.length - 1) % points.length];
    if (!p.on && !prev.on) full.push({ x: (p.x + prev.x) / 2, y: (p.y + prev.y) / 2, on: true });
    full.push(p);
  });
  const startIndex = full.findIndex((p) => p.on);
  if (startIndex < 0) return [];
  const ordered = [...full.slice(startIndex), ...full.slice(0, startIndex)];
  const out: Point[] = [{ x: ordered[0].x, y: ordered[0].y }];
  for (let i = 1; i <= ordered.length; i++) {
    const p = ordered[i % ordered.length];
    if (p.on) {
      out.push({ x: p.x, y: p.y });
      continue;
    }
    const from = out[out.length - 1];
    const to = ordered[(i + 1) % ordered.length];
    for (let s = 1; s <= CURVE_STEPS; s++) {
      const t = s / CURVE_STEPS;
      const u = 1 - t;
      out.push({ x: u * u * from.x + 2 * u * t * p.x + t * t * to.x, y: u * u * from.y + 2 * u * t * p.y + t * t * to.y });
    }
    i++;
  }
  return out;
}

/**
 * A font file's Unicode character map (its format 12 subtable if it has one, else format 4; platform
 * 0, or Windows Unicode): code point to glyph id, without the characters mapped to glyph 0.
 */
export function unicodeCmap(font: Uint8Array): Map<number, number> {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  let cmap = -1;
  for (let i = 0; i < v.getUint16(4); i++) {
    const at = 12 + i * 16;
    if (String.fromCharCode(font[at], font[at + 1], font[at + 2], font[at + 3]) === 'cmap') cmap = v.getUint32(at + 8);
  }
  if (cmap < 0) throw new Error('The font has no cmap table');
  const subtables: { format: number; offset: number }[] = [];
  for (let i = 0; i < v.getUint16(cmap + 2); i++) {
    const platform = v.getUint16(cmap + 4 + i * 8);
    const encoding = v.getUint16(cmap + 6 + i * 8);
    const offset = cmap + v.getUint32(cmap + 8 + i * 8);
    if ((platform === 3 && (encoding === 1 || encoding === 10)) || platform === 0) subtables.push({ format: v.getUint16(offset), offset });
  }
  const best = subtables.find((t) => t.format === 12) ?? subtables.find((t) => t.format === 4);
  if (!best) throw new Error('The font has no Unicode character map');
  const out = new Map<number, number>();
  const at = best.offset;
  if (best.format === 12) {
    for (let g = 0; g < v.getUint32(at + 12); g++) {
      const start = v.getUint32(at + 16 + g * 12);
      const end = v.getUint32(at + 20 + g * 12);
      const glyph = v.getUint32(at + 24 + g * 12);
      for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.set(c, glyph + (c - start));
    }
    return out;
  }
  const segments = v.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = v.getUint16(ends + s * 2);
    const start = v.getUint16(starts + s * 2);
    const delta = v.getInt16(deltas + s * 2);
    const rangeOffset = v.getUint16(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = v.getUint16(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph) out.set(c, glyph);
    }
  }
  return out;
}
