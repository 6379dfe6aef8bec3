// The message catalogue for problems in the neighbourhood file and CLI output, in Dutch and English.
// The texts live in content/<lang>/messages.yaml; this module looks them up and fills in {placeholders}.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { InternalError } from './errors.js';
import { packageRoot } from './paths.js';

export type Lang = 'nl' | 'en';

const catalogues = new Map<Lang, Record<string, string>>();

function catalogue(lang: Lang): Record<string, string> {
  let found = catalogues.get(lang);
  if (!found) {
    const file = join(packageRoot(), 'content', lang, 'messages.yaml');
    found = parse(readFileSync(file, 'utf8')) as Record<string, string>;
    catalogues.set(lang, found);
  }
  return found;
}

/** Every key in a language's catalogue (for the test that nl and en stay in step). */
export function messageKeys(lang: Lang): string[] {
  return Object.keys(catalogue(lang)).sort();
}

/** The message `key` in `lang` with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = catalogue(lang)[key];
  if (template === undefined) throw new InternalError(`Message '${key}' is missing from content/${lang}/messages.yaml`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Whether the catalogue has `key` (in Dutch, the reference language). */
export function hasMessage(key: string): boolean {
  return key in catalogue('nl');
}
