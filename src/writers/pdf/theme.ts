// The PDF writer's visual constants and colour arithmetic: one place to tune the look.
import type { Theme, Tone } from '../../document/model.js';
import { assertNever } from '../../errors.js';

/** Colours derived from the document's accent; everything else is neutral grey. */
export interface Palette {
  /** The accent as given: bands, rules, bullets (non-text marks). */
  accent: string;
  /** The accent darkened until text in it is readable on white (WCAG 4.5:1). */
  accentText: string;
  /** A very light accent tint for `accent` callouts and card backs. */
  accentTint: string;
  text: string;
  /** Between text and muted: lead paragraphs and card subtitles, a step back from the body. */
  soft: string;
  muted: string;
  /** Hairlines: table rules, ruled writing lines. */
  rule: string;
  /** Light grey fill for `neutral` callouts and table headers. */
  neutralTint: string;
}

/** Font sizes in points at scale 1; cards multiply them by their own scale. */
export const SIZE = {
  body: 10.5,
  lead: 13,
  small: 8.5,
  h1: 22,
  h2: 14.5,
  h3: 11.5,
  running: 8,
} as const;

export const LINE_HEIGHT = 1.3;

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  // The schema validates themes; an odd value here must not crash a print run, so fall back.
  const v = m ? m[1] : '0b6e69';
  return [0, 2, 4].map((i) => parseInt(v.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return '#' + rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('');
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * t) as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastOnWhite(rgb: Rgb): number {
  return 1.05 / (luminance(rgb) + 0.05);
}

export function palette(theme: Theme): Palette {
  const accent = parseHex(theme.accent);
  // A pale accent (yellow, light green) would make headings unreadable: darken only as far as needed.
  let text = accent;
  for (let t = 0.1; contrastOnWhite(text) < 4.5 && t <= 1; t += 0.1) text = mix(accent, [0, 0, 0], t);
  return {
    accent: toHex(accent),
    accentText: toHex(text),
    accentTint: toHex(mix(accent, [255, 255, 255], 0.9)),
    text: '#1f2328',
    soft: '#2f3a44',
    muted: '#5f6b76',
    rule: '#c9d0d6',
    neutralTint: '#f1f3f5',
  };
}

export function toneColour(tone: Tone | undefined, p: Palette): string | undefined {
  switch (tone) {
    case undefined:
    case 'normal':
      return undefined;
    case 'accent':
      return p.accentText;
    case 'muted':
      return p.muted;
    default:
      return assertNever(tone, 'tone');
  }
}
