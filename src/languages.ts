// The languages the materials and messages exist in: one table, from which the `Lang` type is derived.
// Adding a language is a line here plus `content/<code>/` and `templates/<code>/`; the language test
// checks that the new folders have every file and key the reference language (Dutch) has.
import { join } from 'node:path';
import { InternalError } from './errors.js';
import { packageRoot } from './paths.js';

export interface LanguageInfo {
  /** The language's own name, for choices in `init`. */
  name: string;
  /** BCP 47 tag for number formats, upper-casing, PDF /Lang and DOCX w:lang. */
  locale: string;
  /** Where its texts live; default `content/<code>` and `templates/<code>` in the package. */
  contentDir?: string;
  templatesDir?: string;
}

const BUILT_IN = {
  nl: { name: 'Nederlands', locale: 'nl-NL' },
  en: { name: 'English', locale: 'en-GB' },
} as const satisfies Record<string, LanguageInfo>;

/** A language code of the table. */
export type Lang = keyof typeof BUILT_IN;

/** The reference language: every other language must have the same content files and keys. */
export const REFERENCE_LANG: Lang = 'nl';

const table = new Map<string, LanguageInfo>(Object.entries(BUILT_IN));

/** The codes of every known language, in table order. */
export function languageCodes(): Lang[] {
  return [...table.keys()] as Lang[];
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && table.has(value);
}

export function languageInfo(lang: Lang): LanguageInfo {
  const info = table.get(lang);
  if (!info) throw new InternalError(`Unknown language "${String(lang)}"; known: ${languageCodes().join(', ')}.`);
  return info;
}

/** BCP 47 tag of a language: "nl-NL". */
export function localeOf(lang: Lang): string {
  return languageInfo(lang).locale;
}

/** `content/<lang>` of the package, or the folder the table names. */
export function contentDirOf(lang: Lang): string {
  return languageInfo(lang).contentDir ?? join(packageRoot(), 'content', lang);
}

/** `templates/<lang>` of the package, or the folder the table names. */
export function templatesDirOf(lang: Lang): string {
  return languageInfo(lang).templatesDir ?? join(packageRoot(), 'templates', lang);
}

/**
 * Adds a language at run time, for a language pack kept outside the package (and for the test that
 * proves a language is data, not code). Built-in languages cannot be replaced.
 */
export function registerLanguage(code: string, info: LanguageInfo): void {
  if (!/^[a-z]{2,3}$/.test(code)) throw new InternalError(`A language code is two or three lower-case letters, got "${code}".`);
  if (code in BUILT_IN) throw new InternalError(`"${code}" is a built-in language.`);
  table.set(code, info);
}
