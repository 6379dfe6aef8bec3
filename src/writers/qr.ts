// The one QR encoder every writer uses (the `qrcode` package), loaded on first use: the same data
// gives the same modules in the PDF, the DOCX and any later writer.
import type * as QRCodeNamespace from 'qrcode';

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
