// The identity's icon tiles (document/icons.ts) as PNG, for formats that take no SVG everywhere: Word
// shows an SVG only with a PNG beside it, and LibreOffice reads the PNG. The tile's own SVG is read
// back (its rounded square and the strokes of its picture), so the PNG is the same drawing the PDFs
// place, not a second copy of it. Plain arithmetic only: the same tile gives the same bytes anywhere.
import { iconTile } from '../../document/icons.js';
import type { IconName } from '../../document/model.js';
import { encodePng } from '../../raster/png.js';

type Point = { x: number; y: number };

/** What a tile is made of, in its own units: the square, and the pen's strokes as polylines. */
interface TileDrawing {
  size: number;
  radius: number;
  fill: string;
  penWidth: number;
  stroke: string;
  lines: Point[][];
}

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function num(tag: string, name: string, fallback = 0): number {
  const v = attr(tag, name);
  return v === undefined ? fallback : Number(v);
}

/** Points along an SVG path (the commands the icons use, and the rest of the usual set), one polyline per subpath. */
export function flattenPath(d: string): Point[][] {
  const out: Point[][] = [];
  let line: Point[] = [];
  let at: Point = { x: 0, y: 0 };
  let start: Point = { x: 0, y: 0 };
  let lastControl: Point | undefined;
  const push = (p: Point) => {
    line.push(p);
    at = p;
  };
  const tokens = [...d.matchAll(/([MmLlHhVvCcSsQqAaZz])|(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/g)];
  let i = 0;
  let command = '';
  const next = () => {
    const token = tokens[i++];
    if (token?.[2] === undefined) throw new SyntaxError(`path data ends too early or has a command where a number belongs: ${d}`);
    return Number(token[2]);
  };
  while (i < tokens.length) {
    if (tokens[i][1]) command = tokens[i++][1];
    else if (!command) throw new SyntaxError(`path data starts without a command: ${d}`);
    const rel = command === command.toLowerCase();
    const base = rel ? at : { x: 0, y: 0 };
    switch (command.toUpperCase()) {
      case 'M': {
        if (line.length > 1) out.push(line);
        const p = { x: base.x + next(), y: base.y + next() };
        line = [p];
        at = start = p;
        // Further pairs after a moveto are linetos.
        command = rel ? 'l' : 'L';
        lastControl = undefined;
        break;
      }
      case 'L':
        push({ x: base.x + next(), y: base.y + next() });
        lastControl = undefined;
        break;
      case 'H':
        push({ x: base.x + next(), y: at.y });
        lastControl = undefined;
        break;
      case 'V':
        push({ x: at.x, y: base.y + next() });
        lastControl = undefined;
        break;
      case 'C':
      case 'S': {
        const from = at;
        const c1 =
          command.toUpperCase() === 'C'
            ? { x: base.x + next(), y: base.y + next() }
            : lastControl
              ? { x: 2 * from.x - lastControl.x, y: 2 * from.y - lastControl.y }
              : from;
        const c2 = { x: base.x + next(), y: base.y + next() };
        const to = { x: base.x + next(), y: base.y + next() };
        for (let k = 1; k <= 16; k++) {
          const t = k / 16;
          const u = 1 - t;
          push({
            x: u * u * u * from.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * to.x,
            y: u * u * u * from.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * to.y,
          });
        }
        lastControl = c2;
        break;
      }
      case 'Q': {
        const from = at;
        const c = { x: base.x + next(), y: base.y + next() };
        const to = { x: base.x + next(), y: base.y + next() };
        for (let k = 1; k <= 12; k++) {
          const t = k / 12;
          const u = 1 - t;
          push({ x: u * u * from.x + 2 * u * t * c.x + t * t * to.x, y: u * u * from.y + 2 * u * t * c.y + t * t * to.y });
        }
        lastControl = undefined;
        break;
      }
      case 'A': {
        const rx = next();
        const ry = next();
        const rotation = next();
        const large = next() !== 0;
        const sweep = next() !== 0;
        const to = { x: base.x + next(), y: base.y + next() };
        for (const p of arcPoints(at, to, rx, ry, rotation, large, sweep)) push(p);
        lastControl = undefined;
        break;
      }
      case 'Z':
        push(start);
        if (line.length > 1) out.push(line);
        line = [start];
        lastControl = undefined;
        // A closepath takes no numbers; another one may follow directly.
        command = '';
        continue;
      default:
        throw new SyntaxError(`unknown path command ${command}`);
    }
  }
  if (line.length > 1) out.push(line);
  return out;
}

/** An elliptical arc as points (SVG's endpoint form turned into centre form, as the SVG spec describes). */
function arcPoints(from: Point, to: Point, rx: number, ry: number, rotationDeg: number, large: boolean, sweep: boolean): Point[] {
  if (rx === 0 || ry === 0 || (from.x === to.x && from.y === to.y)) return [to];
  rx = Math.abs(rx);
  ry = Math.abs(ry);
  const phi = (rotationDeg * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (from.x - to.x) / 2;
  const dy = (from.y - to.y) / 2;
  const x1 = cos * dx + sin * dy;
  const y1 = -sin * dx + cos * dy;
  // Radii too small for the distance are scaled up until the arc just reaches.
  const lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const numerator = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
  const factor = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, numerator / (rx * rx * y1 * y1 + ry * ry * x1 * x1)));
  const cx1 = (factor * rx * y1) / ry;
  const cy1 = (-factor * ry * x1) / rx;
  const cx = cos * cx1 - sin * cy1 + (from.x + to.x) / 2;
  const cy = sin * cx1 + cos * cy1 + (from.y + to.y) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const theta = angle(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry);
  let delta = angle((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const steps = Math.max(4, Math.ceil((Math.abs(delta) / (2 * Math.PI)) * 48));
  const out: Point[] = [];
  for (let k = 1; k <= steps; k++) {
    const t = theta + (delta * k) / steps;
    const ex = rx * Math.cos(t);
    const ey = ry * Math.sin(t);
    out.push({ x: cos * ex - sin * ey + cx, y: sin * ex + cos * ey + cy });
  }
  out[out.length - 1] = to;
  return out;
}

/** Reads the tile SVG that icons.ts writes: its square, its group's offset and pen, its paths and circles. */
function readTile(svg: string): TileDrawing {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const rect = /<rect\b[^>]*>/.exec(svg)?.[0] ?? '';
  const group = /<g\b[^>]*>/.exec(svg)?.[0] ?? '';
  const translate = /translate\(([^)]*)\)/.exec(attr(group, 'transform') ?? '')?.[1].match(NUMBER)?.map(Number) ?? [0, 0];
  const [ox, oy] = [translate[0] ?? 0, translate[1] ?? 0];
  const shift = (lines: Point[][]) => lines.map((l) => l.map((p) => ({ x: p.x + ox, y: p.y + oy })));
  const lines: Point[][] = [];
  for (const m of svg.matchAll(/<path\b[^>]*>/g)) lines.push(...shift(flattenPath(attr(m[0], 'd') ?? '')));
  for (const m of svg.matchAll(/<circle\b[^>]*>/g)) {
    const [cx, cy, r] = [num(m[0], 'cx'), num(m[0], 'cy'), num(m[0], 'r')];
    lines.push(...shift([Array.from({ length: 49 }, (_, k) => ({ x: cx + r * Math.cos((k / 48) * 2 * Math.PI), y: cy + r * Math.sin((k / 48) * 2 * Math.PI) }))]));
  }
  return {
    size: num(root, 'width', 32),
    radius: num(rect, 'rx'),
    fill: attr(rect, 'fill') ?? '#000000',
    penWidth: num(group, 'stroke-width', 2),
    stroke: attr(group, 'stroke') ?? '#ffffff',
    lines,
  };
}

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16)) as [number, number, number];
}

/** Distance from p to the segment a-b. */
function segmentDistance(px: number, py: number, a: Point, b: Point): number {
  const vx = b.x - a.x;
  const vy = b.y - a.y;
  const len = vx * vx + vy * vy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - a.x) * vx + (py - a.y) * vy) / len));
  const dx = px - (a.x + t * vx);
  const dy = py - (a.y + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

export interface IconPicture {
  bytes: Uint8Array;
  px: number;
}

const cache = new Map<string, IconPicture>();

/**
 * The tile of `name` in `fill` as a square PNG `sizeMm` wide at `dpi`, on `background` (a PNG here has
 * no transparency: the colour around the rounded corners is the colour the tile sits on). Strokes
 * are drawn by distance to the pen's path, which gives the round caps and joins the SVG asks for.
 */
export function iconTilePng(name: IconName, fill: string, background: string, sizeMm: number, dpi = 300): IconPicture {
  const key = `${name}|${fill}|${background}|${sizeMm}|${dpi}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const tile = readTile(iconTile(name, fill));
  const px = Math.max(8, Math.round((sizeMm / 25.4) * dpi));
  const unit = tile.size / px;
  const segments: [Point, Point][] = tile.lines.flatMap((l) => l.slice(1).map((p, k): [Point, Point] => [l[k], p]));
  const half = tile.penWidth / 2;
  const reach = half + unit;
  const [br, bg, bb] = rgb(background);
  const [fr, fg, fb] = rgb(tile.fill);
  const [sr, sg, sb] = rgb(tile.stroke);
  const out = new Uint8Array(px * px * 3);
  const r = tile.radius;
  const s = tile.size;
  for (let y = 0; y < px; y++) {
    for (let x = 0; x < px; x++) {
      // Pixel centre in tile units.
      const ux = (x + 0.5) * unit;
      const uy = (y + 0.5) * unit;
      // Signed distance to the rounded square (negative inside), for its anti-aliased edge.
      const qx = Math.abs(ux - s / 2) - (s / 2 - r);
      const qy = Math.abs(uy - s / 2) - (s / 2 - r);
      const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
      const inSquare = Math.max(0, Math.min(1, 0.5 - outside / unit));
      let nearest = Infinity;
      if (inSquare > 0) {
        for (const [a, b] of segments) {
          // Only segments whose box comes within the pen's reach can touch this pixel.
          if (ux < Math.min(a.x, b.x) - reach || ux > Math.max(a.x, b.x) + reach || uy < Math.min(a.y, b.y) - reach || uy > Math.max(a.y, b.y) + reach) continue;
          nearest = Math.min(nearest, segmentDistance(ux, uy, a, b));
        }
      }
      const inPen = Math.max(0, Math.min(1, 0.5 + (half - nearest) / unit)) * inSquare;
      const mix = (b: number, f: number, st: number) => Math.round(b + (f - b) * inSquare + (st - f) * inPen);
      const at = (y * px + x) * 3;
      out[at] = mix(br, fr, sr);
      out[at + 1] = mix(bg, fg, sg);
      out[at + 2] = mix(bb, fb, sb);
    }
  }
  const picture = { bytes: encodePng(px, px, out, dpi), px };
  cache.set(key, picture);
  return picture;
}
