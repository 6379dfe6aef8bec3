// Puts a whole bundle in place at once: its files are written into a temporary folder beside the
// target, which is renamed into place when complete. A reader, an interrupted run or a failed one sees
// the previous bundle or the new one, never a mix. A bundle folder belongs to welkome-wijk.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { MANIFEST, type Manifest, type RenderedBundle } from './render.js';

/** Names of the folders a bundle passes through: `.<area>.tmp-<pid>-<random>` and `.<area>.old-<pid>-<random>`. */
const PASSING = /^\.(.+)\.(tmp|old)-(\d+)-[0-9a-f]+$/;

function passingName(folder: string, kind: 'tmp' | 'old'): string {
  return join(dirname(folder), `.${basename(folder)}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

function alive(pid: number): boolean {
  // Ours: a folder of this run is not a leftover (writeBundle tidies its own on failure).
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just not ours to signal.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Clears what a killed run (SIGKILL, a power cut) left in `parent` (a municipality's folder): a
 * temporary folder is removed; a previous bundle moved aside is put back if the new one never
 * arrived, else removed. Folders of a run still going (its process is alive) are left alone.
 */
export function recoverBundles(parent: string): void {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of entries.sort()) {
    const m = PASSING.exec(name);
    if (!m) continue;
    const pid = Number(m[3]);
    if (alive(pid)) continue;
    const path = join(parent, name);
    const folder = join(parent, m[1]);
    if (m[2] === 'old' && !existsSync(folder)) renameSync(path, folder);
    else rmSync(path, { recursive: true, force: true });
  }
}

/** The manifest of the bundle in `folder`, if there is one we can read. */
export function readManifest(folder: string): Manifest | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8')) as Manifest;
    return parsed && Array.isArray(parsed.files) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The manifest of `folder` when the bundle there was made from exactly these inputs (`key`, see
 * inputs.ts) and still holds every file it lists, at its size (a file removed, or emptied by a power
 * cut, means rebuilding). Undefined when the bundle must be made.
 */
export function bundleIsCurrent(folder: string, key: string): Manifest | undefined {
  const manifest = readManifest(folder);
  if (!manifest || manifest.inputs?.key !== key) return undefined;
  for (const f of manifest.files) {
    try {
      if (typeof f.file !== 'string' || f.file.includes('/') || statSync(join(folder, f.file)).size !== f.bytes) return undefined;
    } catch {
      return undefined;
    }
  }
  return manifest;
}

/**
 * What is in `folder` that welkome-wijk did not make: anything that is neither listed in its
 * manifest, nor a file of the new bundle (a file from an earlier `render invite`, say), nor the
 * manifest. Such a folder is not replaced: replacing it would delete someone's own files.
 */
export function foreignEntries(folder: string, newNames: ReadonlySet<string>): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const ours = new Set([MANIFEST, ...newNames, ...(readManifest(folder)?.files.map((f) => f.file) ?? [])]);
  return entries.filter((e) => !e.isFile() || !ours.has(e.name)).map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
}

/** The refusal to replace a folder holding `foreign` entries, naming the first few. */
export function foreignError(folder: string, foreign: readonly string[]): UserError {
  const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ', …' : '');
  return new UserError({ key: 'bundle_foreign_files', params: { folder, files: shown } });
}

/**
 * Write a rendered bundle into its folder as one step (see the module comment). Synchronous on
 * purpose: a signal handler runs between bundles, never in the middle of one. No fsync per file: a
 * bundle cut short by a power failure has files of the wrong size, and bundleIsCurrent rebuilds it.
 */
export function writeBundle(bundle: RenderedBundle): void {
  const { folder, files } = bundle;
  mkdirSync(dirname(folder), { recursive: true });
  recoverBundles(dirname(folder));
  if (existsSync(folder) && !statSync(folder).isDirectory()) {
    // A file where the folder should be: the same refusal a single write would meet.
    throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR', syscall: 'mkdir', path: folder });
  }
  const foreign = foreignEntries(folder, new Set(files.map((f) => f.name)));
  if (foreign.length) throw foreignError(folder, foreign);
  const temp = passingName(folder, 'tmp');
  let old: string | undefined;
  try {
    mkdirSync(temp);
    for (const file of files) writeFileSync(join(temp, file.name), file.bytes);
    if (existsSync(folder)) {
      old = passingName(folder, 'old');
      renameSync(folder, old);
    }
    renameSync(temp, folder);
  } catch (err) {
    rmSync(temp, { recursive: true, force: true });
    // The previous bundle was moved aside but the new one could not take its place: put it back.
    if (old && existsSync(old) && !existsSync(folder)) renameSync(old, folder);
    throw err;
  }
  if (old) rmSync(old, { recursive: true, force: true });
}
