// The recruitment kit for the residents' meeting, to share: short texts to copy into the
// neighbourhood paper, a newsletter, social media and a WhatsApp group (plain text and Markdown), and
// a square picture (PNG, 1080 × 1080) with the date and place. The poster and the key figures' card
// are in recruit.ts.
import { CHANNELS, loadKit, type Channel } from '../content/kit.js';
import { loadLabels } from '../content/labels.js';
import { drawingFont } from '../document/coverage.js';
import { palette, TYPEFACES } from '../document/theme.js';
import type { ResolvedMeeting } from '../resolve/index.js';
import { renderTemplate } from '../templating/engine.js';
import { Canvas } from '../raster/canvas.js';
import { TrueTypeFont, type Point } from '../raster/font.js';
import { encodePng } from '../raster/png.js';
import type { MaterialContext, MaterialOptions, Output } from './context.js';
import { recruitData, residentsMeetings } from './recruit.js';
import { wording } from './text.js';

/**
 * The most characters each channel's text may have (plain text, spaces counted), so it fits where
 * it goes: a short news item in a neighbourhood paper; a newsletter item read without scrolling; a
 * post that fits the strictest common platform (280), so one text serves all of them; a WhatsApp
 * message that fits one phone screen without "read more".
 */
export const CHANNEL_LIMITS: Record<Channel, number> = { wijkkrant: 1200, nieuwsbrief: 600, 'sociale-media': 280, whatsapp: 500 };

/** The picture's side in pixels: what Instagram and Facebook show a square post at. */
export const IMAGE_PX = 1080;

/**
 * Template values are escaped for the toolkit's Markdown (every punctuation mark gets a backslash);
 * in a text to paste, only the marks that Markdown editors would read as markup keep it.
 */
function asMarkdown(rendered: string): string {
  return rendered.replace(/\\([!-/:-@[-`{-~])/g, (all, ch: string) => ('*_[]`\\'.includes(ch) ? all : ch));
}

/** The same text with no markup at all: for WhatsApp, a text message or a web form. */
function asPlainText(rendered: string): string {
  return rendered
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/^#+[ \t]+/gm, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** One channel's text, as plain text and as Markdown. */
export function channelText(ctx: MaterialContext, meeting: ResolvedMeeting, channel: Channel): { plain: string; markdown: string } {
  const rendered = renderTemplate(`kit/${channel}`, ctx.lang, { ...recruitData(ctx, meeting), lang: ctx.lang }, { userDirs: ctx.templateDirs })
    .trim()
    .replace(/\n{3,}/g, '\n\n');
  return { plain: `${asPlainText(rendered)}\n`, markdown: `${asMarkdown(rendered)}\n` };
}

/** Lines of at most `width` pixels at `size`, broken between words. */
function wrap(font: TrueTypeFont, text: string, size: number, width: number): string[] {
  const scale = size / font.unitsPerEm;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.measure(next) * scale > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Draw one line of text with its top-left at (x, top); returns its width. */
function drawText(canvas: Canvas, font: TrueTypeFont, text: string, size: number, x: number, top: number, colour: string): number {
  const scale = size / font.unitsPerEm;
  const baseline = top + TYPEFACES[0].ascender * size;
  const polygons: Point[][] = [];
  let at = x;
  for (const ch of text) {
    const glyph = font.glyphOf(ch.codePointAt(0)!);
    for (const contour of font.outline(glyph)) polygons.push(contour.map((pt) => ({ x: at + pt.x * scale, y: baseline - pt.y * scale })));
    at += font.advance(glyph) * scale;
  }
  canvas.fill(polygons, colour);
  return at - x;
}

/**
 * The square picture: on the project's colour (darkened until white text on it is easy to read) the
 * project's name, the heading, the date large, the time, the place, the meal and "free", and the
 * short address at the foot. Drawn here pixel by pixel, so the same file gives the same bytes.
 */
export function socialImage(ctx: MaterialContext, meeting: ResolvedMeeting): Uint8Array {
  const [regular, bold] = [drawingFont('regular'), drawingFont('bold')];
  const labels = loadLabels(ctx.lang);
  const kit = loadKit(ctx.lang);
  const words = wording(ctx.lang);
  const data = recruitData(ctx, meeting);
  const p = palette({ accent: ctx.accentColor });
  const canvas = new Canvas(IMAGE_PX, IMAGE_PX, p.accentText);
  const white = '#ffffff';
  const margin = 80;
  const width = IMAGE_PX - 2 * margin;
  let y = 72;
  const block = (font: TrueTypeFont, text: string, size: number, gap: number, lineHeight = 1.2): void => {
    for (const line of wrap(font, text, size, width)) {
      drawText(canvas, font, line, size, margin, y, white);
      y += size * lineHeight;
    }
    y += gap;
  };
  block(bold, `${labels.wordmark} ${ctx.area.name}`, 40, 10);
  canvas.rect(margin, y, 120, 8, white);
  y += 56;
  block(bold, kit.social.imageTitle, 64, 36);
  block(bold, words.date(meeting.date), 92, 28, 1.1);
  block(regular, data.timeText, 54, 8);
  block(regular, meeting.venue.name, 54, 8);
  if (data.meal?.sentence) block(regular, data.meal.sentence, 40, 8);
  // "Free" in a white box with the colour as text: the one word that must not be missed.
  const free = kit.poster.free;
  const freeSize = 56;
  const freeWidth = bold.measure(free) * (freeSize / bold.unitsPerEm);
  y += 16;
  canvas.rect(margin, y, freeWidth + 48, freeSize * 1.5, white);
  drawText(canvas, bold, free, freeSize, margin + 24, y + freeSize * 0.12, p.accentText);
  // The address to sign up at, at the foot: a picture's links cannot be clicked.
  const foot = data.register.url ?? data.register.phone ?? data.register.email;
  if (foot) {
    const size = 44;
    const lines = wrap(regular, foot, size, width);
    let top = IMAGE_PX - margin - lines.length * size * 1.2;
    for (const line of lines) {
      drawText(canvas, regular, line, size, margin, top, white);
      top += size * 1.2;
    }
  }
  // 72 dpi: the picture is for screens, its pixels are its size.
  return encodePng(IMAGE_PX, IMAGE_PX, canvas.rgb, 72);
}

/** What the picture shows, for the post's alt text (a file of its own beside the picture). */
export function socialImageAlt(ctx: MaterialContext, meeting: ResolvedMeeting): string {
  const kit = loadKit(ctx.lang);
  const data = recruitData(ctx, meeting);
  return kit.social.imageAlt.replace('{title}', kit.social.imageTitle).replace('{date}', data.dateText).replace('{time}', data.timeText).replace('{place}', meeting.venue.name);
}

export async function renderSocial(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]> {
  const outputs: Output[] = [];
  for (const meeting of residentsMeetings(ctx, opts)) {
    for (const channel of CHANNELS) {
      const { plain, markdown } = channelText(ctx, meeting, channel);
      const name = `wervingstekst-${meeting.fileSuffix}-${channel}`;
      outputs.push({ kind: 'file', name, extension: 'txt', visibility: 'public', bytes: new TextEncoder().encode(plain) });
      outputs.push({ kind: 'file', name, extension: 'md', visibility: 'public', bytes: new TextEncoder().encode(markdown) });
    }
    outputs.push({ kind: 'file', name: `sociale-media-${meeting.fileSuffix}`, extension: 'png', visibility: 'public', bytes: socialImage(ctx, meeting) });
    outputs.push({ kind: 'file', name: `sociale-media-${meeting.fileSuffix}-alt`, extension: 'txt', visibility: 'public', bytes: new TextEncoder().encode(`${socialImageAlt(ctx, meeting)}\n`) });
  }
  return outputs;
}
