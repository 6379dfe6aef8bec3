// Makes docx's output byte-identical for identical input. docx stamps the current time into the core
// properties, gives hyperlinks (and some other parts) random nanoid relationship ids, and obfuscates each
// embedded font with a random GUID; we rewrite all of those from the content and re-zip with fixed settings.
import { createHash } from 'node:crypto';
import type { Zippable } from 'fflate';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A fixed, valid DOS timestamp for every zip entry; built from local fields because zip times are local. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Parts Word and validators like to find first; the rest follow in name order. */
const FIRST = ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'docProps/app.xml', 'word/document.xml'];

/** `2026-01-15T00:00:00Z`: W3CDTF as Word writes it, without milliseconds. */
export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The part a `.rels` file belongs to: `word/_rels/document.xml.rels` → `word/document.xml`. */
function relsOwner(relsPath: string): string {
  return relsPath.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');
}

/**
 * Renames relationship ids that are not `rId<n>` (docx's nanoid ids) to the next free `rId<n>`, in the order the
 * relationships appear, and rewrites the owning part's references to match.
 */
function normaliseRelationshipIds(files: Record<string, Uint8Array>): void {
  for (const relsPath of Object.keys(files).filter((p) => p.endsWith('.rels'))) {
    const rels = dec.decode(files[relsPath]);
    const ids = [...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]);
    const used = new Set(ids.filter((id) => /^rId\d+$/.test(id)));
    const renames = new Map<string, string>();
    let next = 1;
    ids.forEach((id, position) => {
      if (/^rId\d+$/.test(id)) return;
      // Prefer the id matching the relationship's position (where docx's counter would have put it).
      let candidate = `rId${position + 1}`;
      while (used.has(candidate)) candidate = `rId${next++}`;
      used.add(candidate);
      renames.set(id, candidate);
    });
    if (renames.size === 0) continue;
    const swap = (xml: string) =>
      xml.replace(new RegExp(`"(${[...renames.keys()].map(escapeRe).join('|')})"`, 'g'), (_, id: string) => `"${renames.get(id)}"`);
    files[relsPath] = enc.encode(swap(rels));
    const owner = relsOwner(relsPath);
    if (files[owner]) files[owner] = enc.encode(swap(dec.decode(files[owner])));
  }
}

/** XORs the first 32 bytes of a font with its GUID key, as ECMA-376 §17.8.1 obfuscation does (its own inverse). */
function xorFontKey(data: Uint8Array, guid: string): Uint8Array {
  const hex = guid.replace(/[{}-]/g, '');
  const key = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).reverse();
  const out = data.slice();
  for (let i = 0; i < 32 && i < out.length; i++) out[i] ^= key[i % 16];
  return out;
}

/** A GUID derived from the font bytes, so the same font always gets the same key. */
function guidFor(data: Uint8Array, salt: string): string {
  const h = createHash('sha256').update(salt).update(data).digest('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

/** Re-obfuscates every embedded font with a content-derived key instead of docx's random one. */
function normaliseFontKeys(files: Record<string, Uint8Array>): void {
  const tablePath = 'word/fontTable.xml';
  const relsPath = 'word/_rels/fontTable.xml.rels';
  if (!files[tablePath] || !files[relsPath]) return;
  const rels = dec.decode(files[relsPath]);
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/\bId="([^"]+)"/.exec(m[0])?.[1], /\bTarget="([^"]+)"/.exec(m[0])?.[1]]));
  const table = dec.decode(files[tablePath]).replace(
    /(<w:embed\w+\b[^>]*?\br:id="([^"]+)"[^>]*?\bw:fontKey=")(\{[0-9A-Fa-f-]+\})(")/g,
    (whole, before: string, rid: string, oldKey: string, after: string) => {
      const target = targets.get(rid);
      const part = target ? `word/${target.replace(/^\//, '').replace(/^word\//, '')}` : undefined;
      if (!part || !files[part]) return whole;
      const plain = xorFontKey(files[part], oldKey);
      const newKey = guidFor(plain, part);
      files[part] = xorFontKey(plain, newKey);
      return `${before}${newKey}${after}`;
    },
  );
  files[tablePath] = enc.encode(table);
}

/** Sets the core properties' created/modified dates to the document's own date. */
function normaliseCoreDates(files: Record<string, Uint8Array>, date: Date): void {
  const path = 'docProps/core.xml';
  if (!files[path]) return;
  const stamp = w3cdtf(date);
  files[path] = enc.encode(
    dec.decode(files[path]).replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`),
  );
}

function entryOrder(a: string, b: string): number {
  const ia = FIRST.indexOf(a);
  const ib = FIRST.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? FIRST.length : ia) - (ib === -1 ? FIRST.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Unzips docx's package, removes everything random or time-dependent, and re-zips it reproducibly. */
export async function normaliseDocx(
  packed: Uint8Array,
  date: Date,
  /** Edits to the XML parts that docx has no option for, made before the package is rebuilt. */
  patch: (path: string, xml: string) => string = (_, xml) => xml,
): Promise<Uint8Array> {
  // Loaded here, not at the top: only DOCX rendering needs it.
  const { unzipSync } = await import('fflate');
  return normaliseParts(unzipSync(packed), date, patch);
}

/**
 * The same from the package's parts before docx zips them (see compiledParts in index.ts): the
 * package is zipped once instead of zipped, unzipped and zipped again. Same bytes as normaliseDocx.
 */
export async function normaliseParts(
  files: Record<string, Uint8Array>,
  date: Date,
  patch: (path: string, xml: string) => string = (_, xml) => xml,
): Promise<Uint8Array> {
  const { zipSync } = await import('fflate');
  for (const path of Object.keys(files)) {
    if (path.endsWith('.xml')) files[path] = enc.encode(patch(path, dec.decode(files[path])));
  }
  normaliseCoreDates(files, date);
  normaliseRelationshipIds(files);
  normaliseFontKeys(files);
  const zippable: Zippable = {};
  for (const name of Object.keys(files).sort(entryOrder)) zippable[name] = [files[name], { level: 6, mtime: ZIP_TIME }];
  return zipSync(zippable, { level: 6, mtime: ZIP_TIME });
}
