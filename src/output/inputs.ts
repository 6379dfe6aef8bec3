// What a bundle is made from, as checksums: the project file, every file in the template folders it
// uses, its logo and photo, the tool's version and the options that change output. Recorded in the manifest, so
// a later run can see that nothing changed and skip the bundle (see bundle.ts: bundleIsCurrent).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageVersion } from '../paths.js';

export interface BundleInputs {
  /** One checksum over everything below: two bundles with the same key are the same bundle. */
  key: string;
  /** sha256 of the project file's bytes. */
  source: string;
  /** sha256 over the template folders (each file's path inside its folder and checksum), or null without any. */
  templates: string | null;
  /** sha256 of the logo's bytes; null without a logo, "missing" when it cannot be read. */
  logo: string | null;
  /** sha256 of the photo's bytes (branding.photo, on the residents' invitation); null without one, "missing" when it cannot be read. */
  photo: string | null;
  /** What else decides the files: formats, writers, the audience asked for, SOURCE_DATE_EPOCH. */
  options: InputOptions;
}

export interface InputOptions {
  formats: string[];
  writers: string[];
  audience: string | null;
  sourceDateEpoch: string | null;
}

export interface InputSources {
  /** The project file's bytes. */
  source: Uint8Array;
  /** Absolute template folders, in the order they are searched. */
  templateDirs: readonly string[];
  /** Absolute path of the logo. */
  logo?: string;
  /** Absolute path of the photo. */
  photo?: string;
  options: InputOptions;
}

/** A template folder bigger than this is not checksummed: its bundles are simply always rebuilt. */
const MAX_TEMPLATE_FILES = 5000;
const MAX_TEMPLATE_BYTES = 200 * 2 ** 20;

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Folder checksums already computed in this run: hundreds of projects often share one template folder. */
export type FolderSums = Map<string, string | null>;

/**
 * The checksum of everything in a folder, recursively, in a fixed order; "missing" when it does not
 * exist, null when it is too big to checksum (and so must not be trusted to be unchanged).
 */
function folderSum(dir: string): string | null {
  const lines: string[] = [];
  let bytes = 0;
  const walk = (d: string): boolean => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      lines.push(`${relative(dir, d)}\0unreadable`);
      return true;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(d, e.name);
      let st;
      try {
        st = statSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!walk(full)) return false;
      } else if (st.isFile()) {
        bytes += st.size;
        if (lines.length >= MAX_TEMPLATE_FILES || bytes > MAX_TEMPLATE_BYTES) return false;
        lines.push(`${relative(dir, full).split(sep).join('/')}\0${sha256(readFileSync(full))}`);
      }
    }
    return true;
  };
  try {
    if (!statSync(dir).isDirectory()) return 'missing';
  } catch {
    return 'missing';
  }
  return walk(dir) ? sha256(lines.join('\n')) : null;
}

/**
 * The inputs of a bundle, or undefined when one of them cannot be checksummed (a huge template
 * folder): such a bundle is rebuilt every run.
 */
export function bundleInputs(from: InputSources, sums: FolderSums = new Map()): BundleInputs | undefined {
  const folders: string[] = [];
  for (const dir of from.templateDirs) {
    if (!sums.has(dir)) sums.set(dir, folderSum(dir));
    const sum = sums.get(dir);
    if (sum === null || sum === undefined) return undefined;
    folders.push(sum);
  }
  const fileSum = (path: string | undefined): string | null => {
    if (!path) return null;
    try {
      return sha256(readFileSync(path));
    } catch {
      return 'missing';
    }
  };
  const inputs = {
    source: sha256(from.source),
    templates: folders.length ? sha256(folders.join('\n')) : null,
    logo: fileSum(from.logo),
    photo: fileSum(from.photo),
    options: from.options,
  };
  const key = sha256(JSON.stringify({ tool: packageVersion(), ...inputs }));
  return { key, ...inputs };
}
