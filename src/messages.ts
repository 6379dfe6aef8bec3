// The message catalogue for problems in the neighbourhood file and CLI output, in Dutch and English.
// The texts live in content/<lang>/messages.yaml; this module looks them up and fills in {placeholders}.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InternalError } from './errors.js';
import { contentDirOf, REFERENCE_LANG, type Lang } from './languages.js';
import type { MessageKey } from './message-keys.js';

export type { Lang } from './languages.js';
export type { MessageKey } from './message-keys.js';

const catalogues = new Map<Lang, Record<string, string>>();

/**
 * Reads the catalogue's simple form: one `key: value` per line, the value plain or in double quotes
 * (JSON escapes). `--help` needs the catalogue, and importing the full YAML parser would cost more
 * than the rest of the start-up; a test checks that this reader and the YAML parser agree.
 */
export function readCatalogue(text: string, file = 'messages.yaml'): Record<string, string> {
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const m = /^([A-Za-z_][\w]*): (.*)$/.exec(line);
    const value = m?.[2].trim();
    const bad = () => new InternalError(`${file}:${i + 1}: write each message on one line as key: text (in double quotes when it holds : # " or starts with a special character)`);
    if (!m || !value) throw bad();
    if (value.startsWith('"')) {
      try {
        out[m[1]] = JSON.parse(value) as string;
      } catch {
        throw bad();
      }
    } else if (/^[-?:,[\]{}#&*!|>'%@`]|: | #/.test(value)) throw bad();
    else out[m[1]] = value;
  });
  return out;
}

function catalogue(lang: Lang): Record<string, string> {
  let found = catalogues.get(lang);
  if (!found) {
    const file = join(contentDirOf(lang), 'messages.yaml');
    found = readCatalogue(readFileSync(file, 'utf8'), file);
    catalogues.set(lang, found);
  }
  return found;
}

/** Every key in a language's catalogue (for the test that nl and en stay in step). */
export function messageKeys(lang: Lang): string[] {
  return Object.keys(catalogue(lang)).sort();
}

/** A value for a placeholder: text as is, a number, or a word from the catalogue, worded in the same language. */
export type MessageParam = string | number | { key: MessageKey };

/**
 * The message `key` in `lang` with `{name}` placeholders filled from `params`. `{name|one|many}`
 * picks a word by the number in `name`, for real plurals ("1 bestand", "3 bestanden"). Numbers are
 * written the language's way (20.000 in Dutch, 20,000 in English). Texts are made printable: they
 * often come from the user's file, and a terminal must not obey them.
 */
export function t(lang: Lang, key: MessageKey, params: Record<string, MessageParam> = {}): string {
  const template = catalogue(lang)[key];
  if (template === undefined) throw new InternalError(`Message '${key}' is missing from content/${lang}/messages.yaml`);
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, many: string) =>
      Object.hasOwn(params, name) ? (Number(params[name]) === 1 ? one : many) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!Object.hasOwn(params, name)) return whole;
      const value = params[name];
      if (typeof value === 'object') return t(lang, value.key);
      return typeof value === 'number' ? formatNumber(lang, value) : printable(value, { keepNewlines: true });
    });
}

/** Whether the catalogue has `key` (in Dutch, the reference language): for keys built at run time. */
export function hasMessage(key: string): key is MessageKey {
  return key in catalogue(REFERENCE_LANG);
}

/** A number the way the language writes it: 20.000 and 2,5 in Dutch, 20,000 and 2.5 in English. */
export function formatNumber(lang: Lang, n: number): string {
  return n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 3 });
}

// C0 and C1 controls, DEL, and the bidirectional overrides and isolates that can reorder what a
// terminal shows ("Trojan source").
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the user's file made safe to print on a terminal: an escape character in a value
 * (`"\e[31m"`, `"\e]0;title\a"`) would otherwise change colours, the window title or worse. Control
 * characters become visible symbols (␛ for ESC, ␇ for BEL), a tab becomes →, other controls �.
 */
export function printable(text: string, opts: { keepNewlines?: boolean } = {}): string {
  return text.replace(UNPRINTABLE, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch === '\n' && opts.keepNewlines) return ch;
    if (ch === '\t') return '→';
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '␡';
    // One character for one, so a caret under the source line still points at the right place.
    return '\ufffd';
  });
}
