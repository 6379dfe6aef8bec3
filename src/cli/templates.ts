// `welkome-wijk templates copy DIR`: copy the built-in texts out, to adapt them for a municipality.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { Lang } from '../messages.js';
import { t } from '../messages.js';
import { builtinTemplatesDir, copyBuiltinTemplates } from '../templating/lookup.js';

/** The built-in template files, relative to their folder (hidden files are not copied). */
function builtinFiles(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const child = rel ? join(rel, entry.name) : entry.name;
    return entry.isDirectory() ? builtinFiles(root, child) : entry.isFile() ? [child] : [];
  });
}

export async function templatesCopyCommand(dir: string, opts: { force: boolean; lang: Lang }): Promise<number> {
  const { lang } = opts;
  const dest = resolve(dir);
  const shownDir = relative(process.cwd(), dest) || '.';
  // The checks are made here, before copying, so the refusals are in the user's language.
  if (existsSync(dest) && !statSync(dest).isDirectory()) throw new UserError(t(lang, 'templates_not_folder', { dir: shownDir }));
  const existing = builtinFiles(builtinTemplatesDir()).filter((rel) => existsSync(join(dest, rel)));
  if (existing.length && !opts.force) {
    throw new UserError(t(lang, 'templates_exist', { dir: shownDir, count: existing.length, example: join(shownDir, existing[0]) }));
  }
  // --force: make room, because the copy itself never overwrites a file.
  for (const rel of existing) rmSync(join(dest, rel));
  const written = copyBuiltinTemplates(dest);
  const key = existing.length ? 'templates_replaced' : 'templates_copied';
  process.stdout.write(`${t(lang, key, { count: written.length, replaced: existing.length, dir: shownDir })}\n`);
  return 0;
}
