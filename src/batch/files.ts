// Turns the command line's files, folders and patterns into one sorted list of project files, and
// splits that list into shards for a CI matrix. Patterns are matched here, not only by the shell:
// CI files quote them, and Windows shells do not expand them.
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';

/** A project file in the batch: its absolute path and the name shown to the user. */
export interface BatchFile {
  path: string;
  /** Relative to the working folder (with `/`) when inside it, else absolute: what sorting and shards go by. */
  shown: string;
}

const isPattern = (s: string) => /[*?[]/.test(s);

/** Folders never searched: version control and installed packages hold no project files. */
const SKIPPED_DIRS = new Set(['node_modules']);
const skippedDir = (name: string) => name.startsWith('.') || SKIPPED_DIRS.has(name);

function entries(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Every *.yaml file below `dir`, in subfolders too (not in hidden folders or node_modules). */
function yamlFilesIn(dir: string): string[] {
  const out: string[] = [];
  for (const e of entries(dir)) {
    const full = join(dir, e.name);
    if (e.isDirectory() || (e.isSymbolicLink() && isDir(full))) {
      if (!skippedDir(e.name)) out.push(...yamlFilesIn(full));
    } else if (e.name.endsWith('.yaml') && !e.name.startsWith('.')) {
      out.push(full);
    }
  }
  return out;
}

/** One path segment of a pattern as a regular expression: `*`, `?` and `[...]`; a leading dot is only matched by a dot. */
function segmentRegex(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = segment.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files matching a pattern such as `gemeenten/*.yaml` or `gemeenten/**\/*.yaml` (`**`: any folders, also none). */
function matchPattern(pattern: string): string[] {
  const parts = pattern.split(/[\\/]+/);
  const absolute = isAbsolute(pattern);
  // The part before the first segment with a wildcard is a plain folder to start from.
  let first = parts.findIndex(isPattern);
  if (first < 0) first = parts.length;
  const base = resolve(absolute ? parts.slice(0, first).join(sep) || sep : parts.slice(0, first).join(sep) || '.');
  const rest = parts.slice(first);
  const found = new Set<string>();
  const walk = (dir: string, i: number) => {
    if (i === rest.length) return;
    const seg = rest[i];
    const last = i === rest.length - 1;
    if (seg === '**') {
      walk(dir, i + 1);
      for (const e of entries(dir)) if ((e.isDirectory() || (e.isSymbolicLink() && isDir(join(dir, e.name)))) && !skippedDir(e.name)) walk(join(dir, e.name), i);
      return;
    }
    const re = segmentRegex(seg);
    for (const e of entries(dir)) {
      if (!re.test(e.name) || (e.name.startsWith('.') && !seg.startsWith('.'))) continue;
      const full = join(dir, e.name);
      if (last) {
        if (isDir(full)) yamlFilesIn(full).forEach((f) => found.add(f));
        else found.add(full);
      } else if (isDir(full)) walk(full, i + 1);
    }
  };
  walk(base, 0);
  return [...found];
}

/** How a path is shown and sorted: relative to the working folder with `/`, or absolute outside it. */
export function shownPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

/**
 * The project files named by `args` (files, folders, patterns), each once, sorted by the path shown
 * (plain character order, the same on every machine). A name that matches nothing is a UserError.
 */
export function expandInputs(args: readonly string[]): BatchFile[] {
  const paths = new Set<string>();
  for (const arg of args) {
    const abs = resolve(arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const found = yamlFilesIn(abs);
      if (!found.length) throw new UserError({ key: 'batch_empty_folder', params: { folder: arg } });
      found.forEach((f) => paths.add(f));
    } else if (st || !isPattern(arg)) {
      // A file, or a name that does not exist: the load step says plainly that it is missing.
      paths.add(abs);
    } else {
      const found = matchPattern(arg);
      if (!found.length) throw new UserError({ key: 'batch_no_match', params: { pattern: arg } });
      found.forEach((f) => paths.add(f));
    }
  }
  return [...paths].map((path) => ({ path, shown: shownPath(path) })).sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}

/** `--shard i/n` as numbers; a UserError for anything else. */
export function parseShard(value: string): { index: number; count: number } {
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(index >= 1 && count >= 1 && index <= count)) throw new UserError({ key: 'batch_bad_shard', params: { got: value } });
  return { index, count };
}

/**
 * The files of shard `index` of `count`. Files are grouped (by municipality, so its zip is whole in
 * one shard; a file whose municipality is unknown is a group of its own), groups are kept in the
 * order of their first file, and cut into `count` runs of about equal numbers of files. Every file
 * is in exactly one shard, and each shard computes the same split from the same files.
 */
export function shardOf<T extends BatchFile>(files: readonly T[], groupOf: (file: T) => string, index: number, count: number): T[] {
  const groups = new Map<string, T[]>();
  for (const f of files) {
    const key = groupOf(f);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const total = files.length;
  const out: T[] = [];
  let before = 0;
  for (const group of groups.values()) {
    // A group belongs to the shard in which its middle file falls, so the cut stays near even.
    const middle = before + (group.length - 1) / 2;
    const shard = Math.min(count, Math.floor((middle * count) / total) + 1);
    if (shard === index) out.push(...group);
    before += group.length;
  }
  return out;
}
