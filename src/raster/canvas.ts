// An RGB canvas that fills polygons with anti-aliased edges (exact area coverage per pixel, the
// accumulation method of font-rs), for the pictures the writers draw themselves. Plain arithmetic
// only, so the same drawing gives the same bytes on every machine.
import type { Point } from './font.js';

export class Canvas {
  readonly rgb: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: string,
  ) {
    this.rgb = new Uint8Array(width * height * 3);
    const [r, g, b] = parseColour(background);
    for (let i = 0; i < this.rgb.length; i += 3) {
      this.rgb[i] = r;
      this.rgb[i + 1] = g;
      this.rgb[i + 2] = b;
    }
  }

  /** Fill polygons (pixel coordinates, y down) with a colour; overlapping parts count once. */
  fill(polygons: readonly Point[][], colour: string): void {
    const points = polygons.flat();
    if (points.length === 0) return;
    // Rasterise only the polygons' box, one pixel wider each side for the edge's coverage.
    const x0 = Math.max(0, Math.floor(Math.min(...points.map((p) => p.x))) - 1);
    const y0 = Math.max(0, Math.floor(Math.min(...points.map((p) => p.y))) - 1);
    const x1 = Math.min(this.width, Math.ceil(Math.max(...points.map((p) => p.x))) + 2);
    const y1 = Math.min(this.height, Math.ceil(Math.max(...points.map((p) => p.y))) + 1);
    if (x1 <= x0 || y1 <= y0) return;
    const w = x1 - x0;
    const h = y1 - y0;
    const acc = new Float64Array(w * h + 1);
    for (const polygon of polygons) {
      for (let i = 0; i < polygon.length; i++) {
        const a = polygon[i];
        const b = polygon[(i + 1) % polygon.length];
        accumulate(acc, w, h, clampX(a.x - x0, w), a.y - y0, clampX(b.x - x0, w), b.y - y0);
      }
    }
    const [r, g, bl] = parseColour(colour);
    for (let y = 0; y < h; y++) {
      // Every edge adds as much as it takes within its row, so each row starts from zero.
      let sum = 0;
      for (let x = 0; x < w; x++) {
        sum += acc[y * w + x];
        const cover = Math.min(1, Math.abs(sum));
        if (cover <= 0) continue;
        const at = ((y + y0) * this.width + (x + x0)) * 3;
        this.rgb[at] = Math.round(this.rgb[at] + (r - this.rgb[at]) * cover);
        this.rgb[at + 1] = Math.round(this.rgb[at + 1] + (g - this.rgb[at + 1]) * cover);
        this.rgb[at + 2] = Math.round(this.rgb[at + 2] + (bl - this.rgb[at + 2]) * cover);
      }
    }
  }

  /** An axis-aligned rectangle. */
  rect(x: number, y: number, w: number, h: number, colour: string): void {
    this.fill([[{ x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h }]], colour);
  }
}

/** Edges beyond the box's sides still count for the rows they cross: keep them just inside. */
function clampX(x: number, w: number): number {
  return Math.min(Math.max(x, 0), w - 1.0001);
}

/** Add the signed area a line from (x0,y0) to (x1,y1) contributes to each pixel of its rows. */
function accumulate(acc: Float64Array, w: number, h: number, x0: number, y0: number, x1: number, y1: number): void {
  if (y0 === y1) return;
  let dir = 1;
  if (y0 > y1) {
    dir = -1;
    [x0, x1] = [x1, x0];
    [y0, y1] = [y1, y0];
  }
  const dxdy = (x1 - x0) / (y1 - y0);
  let x = x0;
  if (y0 < 0) x -= y0 * dxdy;
  const yEnd = Math.min(h, Math.ceil(y1));
  for (let y = Math.max(0, Math.floor(y0)); y < yEnd; y++) {
    const row = y * w;
    const dy = Math.min(y + 1, y1) - Math.max(y, y0);
    const xNext = x + dxdy * dy;
    const d = dy * dir;
    const [left, right] = x < xNext ? [x, xNext] : [xNext, x];
    const leftFloor = Math.floor(left);
    const li = leftFloor;
    const ri = Math.ceil(right);
    if (ri <= li + 1) {
      const middle = 0.5 * (x + xNext) - leftFloor;
      acc[row + li] += d - d * middle;
      acc[row + li + 1] += d * middle;
    } else {
      const s = 1 / (right - left);
      const leftFrac = left - leftFloor;
      const a0 = 0.5 * s * (1 - leftFrac) * (1 - leftFrac);
      const rightFrac = right - ri + 1;
      const am = 0.5 * s * rightFrac * rightFrac;
      acc[row + li] += d * a0;
      if (ri === li + 2) {
        acc[row + li + 1] += d * (1 - a0 - am);
      } else {
        const a1 = s * (1.5 - leftFrac);
        acc[row + li + 1] += d * (a1 - a0);
        for (let xi = li + 2; xi < ri - 1; xi++) acc[row + xi] += d * s;
        const a2 = a1 + (ri - li - 3) * s;
        acc[row + ri - 1] += d * (1 - a2 - am);
      }
      acc[row + ri] += d * am;
    }
    x = xNext;
  }
}

function parseColour(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16)) as [number, number, number];
}
