// The Welkome Wijk lockup and the organisation's logo in a DOCX: the masthead at the top of a first
// page, and the pieces the card backs and the running header use.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ImageRun, Paragraph } from 'docx';
import { fitInBox } from '../../image.js';
import type { Brand, Document } from '../../document/model.js';
import { BRAND, palette } from '../../document/theme.js';
import { InternalError, UserError } from '../../errors.js';
import { iconTilePng } from '../raster/icon.js';
import { clean, imageInfo, type Flow, type RenderState } from './blocks.js';
import { STYLE, mmToPx, mmToTwips } from './style.js';

/** The bytes and pixel size of a file the document may read (its logo). */
export function readAllowed(doc: Document, path: string): { data: Buffer; type: 'png' | 'jpg'; width: number; height: number } {
  const wanted = resolve(path);
  if (!doc.allowedFiles.some((f) => resolve(f) === wanted)) throw new InternalError(`Logo ${path} is not in the document's allowedFiles`);
  const data = readFileSync(wanted);
  const info = imageInfo(data);
  if (!info) throw new UserError({ key: 'image_not_image', params: { path } });
  return { data, ...info };
}

/** The organisation's logo, fitted into a box of `maxW` × `maxH` mm with its proportions kept. */
export function logoRun(s: RenderState, maxW: number, maxH: number): { run: ImageRun; w: number; h: number } | undefined {
  const logo = s.doc.page.logo;
  if (!logo) return undefined;
  const { data, type, width, height } = readAllowed(s.doc, logo.path);
  const { w, h } = fitInBox(width, height, maxW, maxH);
  s.drawings++;
  const run = new s.d.ImageRun({
    type,
    data,
    transformation: { width: mmToPx(w), height: mmToPx(h) },
    altText: { id: String(1000 + s.drawings), name: clean(basename(logo.path)), title: clean(logo.alt), description: clean(logo.alt) },
  });
  return { run, w, h };
}

/** The house tile of the lockup, as a picture: decoration, since the words beside it say what it is. */
export function tileRun(s: RenderState, sizeMm: number, background: string): ImageRun {
  const p = palette(s.doc.theme);
  const png = iconTilePng('house', p.accent, background, sizeMm);
  s.drawings++;
  return new s.d.ImageRun({
    type: 'png',
    data: png.bytes,
    transformation: { width: mmToPx(sizeMm), height: mmToPx(sizeMm) },
    altText: { id: String(1000 + s.drawings), name: `house-${s.drawings}`, title: '', description: '' },
    decorative: true,
  });
}

/**
 * The top of a first page: the lockup (house tile, "Welkome Wijk", the place under it) and the
 * organisation's logo at the right, over an accent rule: a borderless table whose bottom edge is the rule.
 */
export function masthead(s: RenderState, flow: Flow, brand: Brand, widthTw: number): void {
  const { d, c } = s;
  const tileTw = mmToTwips(BRAND.tileMm);
  const gapTw = mmToTwips(3);
  const logo = logoRun(s, BRAND.logoMm.w, BRAND.logoMm.h);
  const logoTw = logo ? mmToTwips(logo.w) : 0;
  const widths = [tileTw + gapTw, widthTw - tileTw - gapTw - logoTw, logoTw].filter((w) => w > 0);
  const below = mmToTwips(4);
  const cell = (width: number, children: Paragraph[], alignRight = false) =>
    new d.TableCell({
      width: { size: width, type: d.WidthType.DXA },
      verticalAlign: d.VerticalAlignTable.CENTER,
      margins: { top: 0, bottom: below, left: 0, right: alignRight ? 0 : width === widths[0] ? gapTw : 0 },
      children: children.map((p) => p),
    });
  const cells = [
    cell(widths[0], [new d.Paragraph({ style: STYLE.picture, children: [tileRun(s, BRAND.tileMm, '#ffffff')] })]),
    cell(widths[1], [
      new d.Paragraph({ style: STYLE.wordmark, children: [new d.TextRun(clean(brand.wordmark))] }),
      new d.Paragraph({ style: STYLE.place, children: [new d.TextRun(clean(brand.place))] }),
    ]),
  ];
  if (logo) cells.push(cell(widths[2], [new d.Paragraph({ style: STYLE.picture, alignment: d.AlignmentType.RIGHT, children: [logo.run] })], true));
  flow.table(
    {
      width: { size: widthTw, type: d.WidthType.DXA },
      columnWidths: widths,
      layout: d.TableLayoutType.FIXED,
      borders: {
        top: NONE,
        left: NONE,
        right: NONE,
        insideHorizontal: NONE,
        insideVertical: NONE,
        bottom: { style: d.BorderStyle.SINGLE, size: 13, color: c.accent },
      },
      rows: [new d.TableRow({ cantSplit: true, children: cells })],
    },
    { above: 0, below: mmToTwips(2) },
  );
}

const NONE = { style: 'none', size: 0, color: 'FFFFFF' } as const;

