// The one QR encoder every writer uses (the `qrcode` package), loaded on first use: the same data
// gives the same modules in the PDF, the DOCX and any later writer.
import type * as QRCodeNamespace from 'qrcode';
import type { Block } from '../document/model.js';

export type QRCode = typeof QRCodeNamespace;

/** Medium error correction: survives a crease or a smudge on a printed handout. */
export const QR_ECC = 'M' as const;

/** A QR code's modules: `dark[row][col]`, a square of `size` modules, without the quiet zone. */
export interface QrMatrix {
  size: number;
  dark: boolean[][];
}

let module: Promise<QRCode> | undefined;

export function loadQRCode(): Promise<QRCode> {
  // qrcode is CommonJS: its functions live on the default export.
  module ??= import('qrcode').then((m) => (m as unknown as { default: QRCode }).default ?? m);
  return module;
}

/** The modules for `data`, for writers that draw the code themselves (as vectors). */
export async function qrMatrix(data: string): Promise<QrMatrix> {
  const qr = (await loadQRCode()).create(data, { errorCorrectionLevel: QR_ECC });
  const size = qr.modules.size;
  const dark = Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => qr.modules.get(r, c) === 1));
  return { size, dark };
}

/** Every QR code's data in a list of blocks, also inside callouts, columns and cards (fronts, feet, backs). */
function qrData(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case 'qr':
        return [b.data];
      case 'callout':
        return qrData(b.blocks);
      case 'columns':
        return b.columns.flatMap((c) => qrData(c.blocks));
      case 'cards':
        return b.cards.flatMap((card) => [...qrData(card.blocks), ...qrData(card.foot ?? []), ...qrData(card.back)]);
      default:
        return [];
    }
  });
}

/** The modules of every QR code in `blocks`, each encoded once (the encoder loads asynchronously, layout does not wait). */
export async function qrMatrices(blocks: readonly Block[]): Promise<Map<string, QrMatrix>> {
  const out = new Map<string, QrMatrix>();
  for (const data of new Set(qrData(blocks))) out.set(data, await qrMatrix(data));
  return out;
}

/** A QR code's dark modules as SVG path data, one rectangle per horizontal run, in module units. */
export function qrPath(matrix: QrMatrix): string {
  let d = '';
  matrix.dark.forEach((row, y) => {
    for (let x = 0; x < row.length; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < row.length && row[x + run]) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  });
  return d;
}
