// Mistakes on the command line and refusals of the file system, said in the user's language:
// commander's own English error texts are recognised and replaced with catalogue messages.
import { UserError } from '../errors.js';
import { hasMessage, t, type Lang } from '../messages.js';
import { closest } from '../project/suggest.js';

/** commander's error texts (v14) and the catalogue message for each. */
const COMMANDER: [RegExp, (m: RegExpExecArray, lang: Lang) => string][] = [
  [/^error: unknown option '(.+?)'(?:\n\(Did you mean (.+?)\?\))?$/s, (m, lang) => t(lang, m[2] ? 'cli_unknown_option_suggest' : 'cli_unknown_option', { option: m[1], suggestion: m[2] ?? '' })],
  [/^error: unknown command '(.+?)'(?:\n\(Did you mean (.+?)\?\))?$/s, (m, lang) => t(lang, m[2] ? 'cli_unknown_command_suggest' : 'cli_unknown_command', { command: m[1], suggestion: m[2] ?? '' })],
  [/^error: missing required argument '(.+)'$/, (m, lang) => t(lang, 'cli_missing_argument', { name: m[1] })],
  [/^error: option '(.+)' argument missing$/, (m, lang) => t(lang, 'cli_option_missing_value', { option: m[1] })],
  [/^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/s, (m, lang) => t(lang, 'cli_invalid_choice', { option: m[1], got: m[2], allowed: m[3] })],
  [/^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (m, lang) => t(lang, 'cli_too_many_arguments', { expected: Number(m[2]), got: Number(m[3]) })],
  [/^error: required option '(.+)' not specified$/, (m, lang) => t(lang, 'cli_option_missing_value', { option: m[1] })],
];

/** A commander error text in the user's language (unchanged when it is one we do not know). */
export function commanderMessage(text: string, lang: Lang): string {
  const message = text.trim();
  for (const [pattern, say] of COMMANDER) {
    const m = pattern.exec(message);
    if (m) return say(m, lang);
  }
  return message.replace(/^error: /, '');
}

/** Error codes of file-system refusals that the user can do something about. */
const REFUSALS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EISDIR', 'ENOTDIR', 'ENOENT', 'EEXIST', 'ENAMETOOLONG', 'ELOOP', 'EMFILE', 'ENFILE', 'EBUSY', 'ETXTBSY']);

/** A plain message for a refused read or write, or undefined for any other error. */
export function fileSystemMessage(err: unknown, lang: Lang): string | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  if (!e || typeof e.code !== 'string' || !REFUSALS.has(e.code) || typeof e.syscall !== 'string') return undefined;
  const path = (e as { dest?: string }).dest ?? e.path ?? '';
  const key = `fs_${e.code}`;
  return t(lang, hasMessage(key) ? key : 'fs_other', { path, code: e.code });
}

/** A wrong value for a closed choice, with "did you mean" when one is near. */
export function wrongChoice(lang: Lang, key: 'cli_bad_audience' | 'cli_bad_format' | 'cli_bad_theme' | 'cli_bad_pdf_engine', got: string, allowed: readonly string[]): UserError {
  const suggestion = closest(got, [...allowed]);
  return new UserError(t(lang, suggestion ? `${key}_suggest` : key, { got, suggestion: suggestion ?? '', allowed: allowed.join(', ') }));
}
