// `welkome-wijk templates copy DIR`: copy the built-in texts out, to adapt them for a municipality.
import { relative } from 'node:path';
import type { Lang } from '../messages.js';
import { t } from '../messages.js';
import { copyBuiltinTemplates } from '../templating/lookup.js';

export async function templatesCopyCommand(dir: string, opts: { lang: Lang }): Promise<number> {
  const written = copyBuiltinTemplates(dir);
  process.stdout.write(`${t(opts.lang, 'templates_copied', { count: written.length, dir: relative(process.cwd(), dir) || '.' })}\n`);
  return 0;
}
