// The typefaces the Typst writer embeds, from the design tokens' npm packages (never the system's).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { TYPEFACES, type FontFiles } from '../../document/theme.js';

/** Weights the template asks for: every one must be a file we hand the compiler. */
export const WEIGHTS = { regular: 400, bold: 700 } as const;

/** The first typeface sets the line box; the others only fill in characters it lacks. */
export const PRIMARY: FontFiles = TYPEFACES[0];

/** The bytes of every face of every typeface, read from their npm packages. */
export function typefaceBytes(faces: readonly FontFiles[] = TYPEFACES): Buffer[] {
  const require = createRequire(import.meta.url);
  return faces.flatMap((face) => {
    const root = path.dirname(require.resolve(`${face.package}/package.json`));
    // A face serving two styles (Arabic's upright as italic) is handed over once.
    return [...new Set(Object.values(face.files))].map((file) => readFileSync(path.join(root, file)));
  });
}

/** Whether an embedded font (by PostScript name) is one of ours. */
export function isOwnFont(postScriptName: string): boolean {
  return TYPEFACES.some((face) => postScriptName.startsWith(face.postScript));
}
