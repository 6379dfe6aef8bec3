// Finds template and partial files (a user's folders first, then the built-in ones) and copies the built-in set out for customising.
import { copyFileSync, constants, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { InternalError, UserError } from '../errors.js';
import { templatesDirOf, type Lang } from '../languages.js';
import { packageRoot } from '../paths.js';

export type { Lang } from '../languages.js';

/** Every template and partial file ends like this; the name is the path without it. */
export const TEMPLATE_SUFFIX = '.md.hbs';

/** Where a template came from: errors in a user's file are the user's to fix, errors in ours are bugs. */
export type TemplateOrigin = 'user' | 'builtin';

export interface TemplateFile {
  /** Absolute path. */
  path: string;
  origin: TemplateOrigin;
}


/** The built-in `templates/` folder that ships with the package. */
export function builtinTemplatesDir(): string {
  return path.join(packageRoot(), 'templates');
}

/** The built-in templates of one language: the language table's folder, or `<builtinDir>/<lang>` (tests). */
function builtinLangDir(lang: Lang, builtinDir: string | undefined): string {
  return builtinDir ? path.join(path.resolve(builtinDir), lang) : templatesDirOf(lang);
}

/** Template names come from our code ("invitation/body"); anything that could leave the folder is a bug. */
function checkName(name: string, what: string): void {
  if (!/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(name)) {
    throw new InternalError(`Invalid ${what} name "${name}": use letters, digits, "-", "_" and "/" only.`);
  }
}

/** A user's folder must exist: a typo in `--templates` should not silently fall back to the built-in texts. */
function checkUserDir(dir: string): string {
  const abs = path.resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new UserError({ key: 'templates_dir_missing', params: { path: abs } });
  }
  return abs;
}

/**
 * The file for template `name` in `lang`: in each user folder `<dir>/<lang>/<name>.md.hbs`, then
 * `<dir>/<name>.md.hbs` (a text that serves both languages), and finally the built-in
 * `<builtinDir>/<lang>/<name>.md.hbs`. A missing built-in template is a bug.
 */
export function findTemplate(name: string, lang: Lang, userDirs: readonly string[], builtinDir?: string): TemplateFile {
  checkName(name, 'template');
  const file = `${name}${TEMPLATE_SUFFIX}`;
  for (const dir of userDirs.map(checkUserDir)) {
    for (const candidate of [path.join(dir, lang, file), path.join(dir, file)]) {
      if (isFile(candidate)) return { path: candidate, origin: 'user' };
    }
  }
  const builtin = path.join(builtinLangDir(lang, builtinDir), file);
  if (isFile(builtin)) return { path: builtin, origin: 'builtin' };
  throw new InternalError(`There is no built-in template "${name}" for language "${lang}" (looked for ${builtin}).`);
}

/**
 * All partials available in `lang`, by name (file name without `.md.hbs`): from `<dir>/<lang>/partials/`
 * and `<dir>/partials/` of each user folder, then the built-in `<lang>/partials/`. The first found wins.
 */
export function findPartials(lang: Lang, userDirs: readonly string[], builtinDir?: string): Map<string, TemplateFile> {
  const found = new Map<string, TemplateFile>();
  const scan = (dir: string, origin: TemplateOrigin): void => {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
    for (const entry of readdirSync(dir).sort()) {
      if (entry.startsWith('.') || !entry.endsWith(TEMPLATE_SUFFIX)) continue;
      const full = path.join(dir, entry);
      const name = entry.slice(0, -TEMPLATE_SUFFIX.length);
      if (!found.has(name) && isFile(full)) found.set(name, { path: full, origin });
    }
  };
  for (const dir of userDirs.map(checkUserDir)) {
    scan(path.join(dir, lang, 'partials'), 'user');
    scan(path.join(dir, 'partials'), 'user');
  }
  scan(path.join(builtinLangDir(lang, builtinDir), 'partials'), 'builtin');
  return found;
}

/**
 * Copies the built-in templates into `destDir` (same layout, so `destDir` can be passed as a user
 * folder afterwards) and returns the written paths. Refuses to overwrite anything: a user's edited
 * texts are worth more than a fresh copy. Hidden files (`.gitkeep`) are skipped.
 */
export function copyBuiltinTemplates(destDir: string, opts: { builtinDir?: string } = {}): string[] {
  const source = path.resolve(opts.builtinDir ?? builtinTemplatesDir());
  const dest = path.resolve(destDir);
  if (existsSync(dest) && !statSync(dest).isDirectory()) {
    throw new UserError(`Cannot copy the templates to ${dest}: it is a file, not a folder.`);
  }
  const files = listFiles(source);
  const targets = files.map((rel) => path.join(dest, rel));
  const existing = targets.filter((t) => existsSync(t));
  if (existing.length > 0) {
    throw new UserError(
      `Not copying the templates: these files already exist and would be overwritten:\n` +
        existing.map((t) => `  ${t}`).join('\n') +
        `\nMove them away or choose another folder.`,
    );
  }
  files.forEach((rel, idx) => {
    mkdirSync(path.dirname(targets[idx]), { recursive: true });
    // COPYFILE_EXCL: should a file appear between the check and the copy, fail rather than overwrite it.
    copyFileSync(path.join(source, rel), targets[idx], constants.COPYFILE_EXCL);
  });
  return targets;
}

/** Relative paths of all non-hidden files under `root`, sorted so results are stable. */
function listFiles(root: string): string[] {
  if (!existsSync(root)) throw new InternalError(`The built-in templates folder ${root} is missing.`);
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = rel === '' ? entry.name : path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
