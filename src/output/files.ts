// Safe file names and atomic writes: a file appears whole (temp file, then rename) or not at all.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * A file-name-safe slug of any text: "Nijmegen" → "nijmegen", "'s-Hertogenbosch" → "s-hertogenbosch",
 * "../../etc" → "etc". Accents are folded so names work on every file system.
 */
export function slug(text: string, fallback = 'project'): string {
  const folded = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  // Windows refuses these as file or folder names, whatever the extension.
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/.test(folded)) return `${folded}-1`;
  // A name without Latin letters or digits (Москва, 北京) keeps a short fingerprint of itself, so two
  // such areas do not share one folder.
  if (!folded && text.trim()) return `${fallback}-${createHash('sha256').update(text.trim().normalize('NFC')).digest('hex').slice(0, 8)}`;
  return folded || fallback;
}

/** The folder for one project's materials: <out>/<municipality>/<area>. */
export function projectFolder(outDir: string, municipality: string, area: string): string {
  const base = resolve(outDir);
  const folder = join(base, slug(municipality, 'gemeente'), slug(area, 'gebied'));
  // slug() already removes separators and dots; this guards the invariant.
  if (!folder.startsWith(base + sep)) throw new Error(`Refusing to write outside ${base}`);
  return folder;
}

/** Write bytes to `path` atomically: a reader sees the old file or the whole new one, never a part. */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, bytes, { flush: true });
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
