// One zip file per municipality with all its bundles (`--zip`): the same bundles give the same bytes
// (entries in name order, each dated by its bundle's date, no extra fields). A zip whose bundles are
// unchanged is not written again: its comment records a checksum of what went in.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { MANIFEST, type Manifest } from '../output/render.js';
import { writeFileAtomic } from '../output/files.js';
import { packageVersion } from '../paths.js';

export interface ZipBundle {
  /** The bundle's folder (absolute) and its name inside the zip (the area's folder name). */
  folder: string;
  name: string;
  manifest: Manifest;
}

/** Made on Unix, an ordinary file readable by all (rw-r--r--): how unzip sets it when extracting. */
const UNIX_FILE = 0o100644 * 2 ** 16;

/** Already compressed: stored as they are, which is fast and no bigger. */
const STORED = /\.(pdf|docx|zip|png|jpe?g)$/i;

/** A zip entry's date: the bundle's date, as local fields because zip times are local (see docx determinism). */
function entryTime(iso: string): Date {
  const d = new Date(iso);
  const year = Math.min(2099, Math.max(1980, Number.isNaN(d.getTime()) ? 1980 : d.getUTCFullYear()));
  return Number.isNaN(d.getTime()) || year !== d.getUTCFullYear() ? new Date(year, 0, 1) : new Date(year, d.getUTCMonth(), d.getUTCDate());
}

/** What the zip holds, as one checksum: tool version, and every entry's name and checksum. */
function contentKey(bundles: readonly ZipBundle[]): string {
  const h = createHash('sha256').update(`welkome-wijk ${packageVersion()}\n`);
  for (const b of [...bundles].sort((x, y) => (x.name < y.name ? -1 : 1))) {
    h.update(`${b.name}\n${b.manifest.date}\n`);
    for (const f of b.manifest.files) h.update(`${f.file}\0${f.sha256}\n`);
    h.update(`${MANIFEST}\0${createHash('sha256').update(readFileSync(join(b.folder, MANIFEST))).digest('hex')}\n`);
  }
  return h.digest('hex');
}

const COMMENT_PREFIX = 'welkome-wijk ';

/** The archive comment of an existing zip file (the end record's), or undefined. */
function zipComment(path: string): string | undefined {
  let fd: number | undefined;
  try {
    const size = statSync(path).size;
    const tail = Math.min(size, 22 + 200);
    const buf = Buffer.alloc(tail);
    fd = openSync(path, 'r');
    readSync(fd, buf, 0, tail, size - tail);
    for (let i = tail - 22; i >= 0; i--) {
      if (buf.readUInt32LE(i) !== 0x06054b50) continue;
      const length = buf.readUInt16LE(i + 20);
      if (i + 22 + length !== tail) continue;
      return buf.subarray(i + 22, i + 22 + length).toString('latin1');
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Write `<zipPath>` with the bundles (unless it already holds exactly these); returns whether it was written. */
export function writeMunicipalityZip(zipPath: string, bundles: readonly ZipBundle[]): 'written' | 'unchanged' {
  const comment = `${COMMENT_PREFIX}${contentKey(bundles)}`;
  if (zipComment(zipPath) === comment) return 'unchanged';
  const entries: Zippable = {};
  for (const b of [...bundles].sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const mtime = entryTime(b.manifest.date);
    const names = [...b.manifest.files.map((f) => f.file), MANIFEST].sort();
    for (const name of names) entries[`${b.name}/${name}`] = [readFileSync(join(b.folder, name)), { level: STORED.test(name) ? 0 : 6, mtime, os: 3, attrs: UNIX_FILE }];
  }
  const zipped = zipSync(entries);
  // fflate writes no archive comment: patch its length into the end record and append it.
  const text = Buffer.from(comment, 'latin1');
  const out = new Uint8Array(zipped.length + text.length);
  out.set(zipped);
  out.set(text, zipped.length);
  out[zipped.length - 2] = text.length & 0xff;
  out[zipped.length - 1] = text.length >> 8;
  writeFileAtomic(zipPath, out);
  return 'written';
}
