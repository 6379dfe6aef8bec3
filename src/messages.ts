// The message catalogue for problems in the neighbourhood file and CLI output, in Dutch and English.
// The texts live in content/<lang>/messages.yaml; this module looks them up and fills in {placeholders}.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { InternalError } from './errors.js';
import { contentDirOf, REFERENCE_LANG, type Lang } from './languages.js';
import type { MessageKey } from './message-keys.js';

export type { Lang } from './languages.js';
export type { MessageKey } from './message-keys.js';

const catalogues = new Map<Lang, Record<string, string>>();

function catalogue(lang: Lang): Record<string, string> {
  let found = catalogues.get(lang);
  if (!found) {
    const file = join(contentDirOf(lang), 'messages.yaml');
    found = parse(readFileSync(file, 'utf8')) as Record<string, string>;
    catalogues.set(lang, found);
  }
  return found;
}

/** Every key in a language's catalogue (for the test that nl and en stay in step). */
export function messageKeys(lang: Lang): string[] {
  return Object.keys(catalogue(lang)).sort();
}

/** A value for a placeholder: text as is, or a word from the catalogue, worded in the same language. */
export type MessageParam = string | number | { key: MessageKey };

/** The message `key` in `lang` with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, MessageParam> = {}): string {
  const template = catalogue(lang)[key];
  if (template === undefined) throw new InternalError(`Message '${key}' is missing from content/${lang}/messages.yaml`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return typeof value === 'object' ? t(lang, value.key) : String(value);
  });
}

/** Whether the catalogue has `key` (in Dutch, the reference language): for keys built at run time. */
export function hasMessage(key: string): key is MessageKey {
  return key in catalogue(REFERENCE_LANG);
}
