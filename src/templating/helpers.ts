// Language-aware wording of dates, times, lists and counts, as plain functions and as the template helpers built on them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { parse } from 'yaml';
import { InternalError } from '../errors.js';
import { contentDirOf, isLang, localeOf, type Lang } from '../languages.js';

/**
 * A value that cannot be formatted (not a date, not a time...). It is an InternalError for code
 * callers, whose data was validated; the template engine turns it into a UserError when a user's
 * template passed the wrong field.
 */
export class FormatError extends InternalError {}

// ---------------------------------------------------------------------------------------------
// Words from content/<lang>/calendar-words.yaml (texts live in content/, not in code)

export interface CalendarWords {
  months: string[];
  /** Monday first. */
  weekdays: string[];
  date: string;
  shortDate: string;
  timeSeparator: string;
  hourLeadingZero: boolean;
  timeRange: string;
  timeAlone: string;
  when: string;
  listAnd: string;
  hours: string;
  hour: string;
  minutes: string;
  hoursAndMinutes: string;
}

const wordsCache = new Map<Lang, CalendarWords>();

export function calendarWords(lang: Lang): CalendarWords {
  const cached = wordsCache.get(lang);
  if (cached) return cached;
  const file = path.join(contentDirOf(lang), 'calendar-words.yaml');
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InternalError(`Cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  const words = checkWords(data, file);
  wordsCache.set(lang, words);
  return words;
}

function checkWords(data: unknown, file: string): CalendarWords {
  const bad = (what: string): never => {
    throw new InternalError(`${file}: ${what}`);
  };
  if (typeof data !== 'object' || data === null) return bad('expected a mapping');
  const d = data as Record<string, unknown>;
  const strings = (key: string, n: number): string[] => {
    const v = d[key];
    if (!Array.isArray(v) || v.length !== n || !v.every((x) => typeof x === 'string')) return bad(`"${key}" must be a list of ${n} words`);
    return v as string[];
  };
  const string = (key: string): string => (typeof d[key] === 'string' ? (d[key] as string) : bad(`"${key}" must be text`));
  if (typeof d.hourLeadingZero !== 'boolean') bad('"hourLeadingZero" must be true or false');
  return {
    months: strings('months', 12),
    weekdays: strings('weekdays', 7),
    date: string('date'),
    shortDate: string('shortDate'),
    timeSeparator: string('timeSeparator'),
    hourLeadingZero: d.hourLeadingZero as boolean,
    timeRange: string('timeRange'),
    timeAlone: string('timeAlone'),
    when: string('when'),
    listAnd: string('listAnd'),
    hours: string('hours'),
    hour: string('hour'),
    minutes: string('minutes'),
    hoursAndMinutes: string('hoursAndMinutes'),
  };
}

/** Fills `{name}` placeholders; an unknown one means the words file and the code disagree. */
function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!Object.hasOwn(values, key)) throw new InternalError(`Unknown placeholder {${key}} in "${pattern}" (calendar-words.yaml).`);
    return values[key];
  });
}

// ---------------------------------------------------------------------------------------------
// Pure formatting functions

export type DateInput = string | Date;

/**
 * Year, month (1-12), day and weekday (0 = Monday) of a calendar date. A string must be `YYYY-MM-DD`
 * and is read as a calendar date, never through `new Date(...)`, whose time zone could shift the day.
 * A Date object is read by its UTC date (what YAML and `new Date('2026-02-10')` produce).
 */
function calendarDate(input: unknown): { year: number; month: number; day: number; weekday: number } {
  let year: number, month: number, day: number;
  if (input instanceof Date && !Number.isNaN(input.getTime())) {
    [year, month, day] = [input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate()];
  } else {
    const m = typeof input === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(input) : null;
    if (!m) throw new FormatError(`Expected a date like 2026-02-10, got ${describe(input)}.`);
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  // Date.UTC only to check the date exists and to find its weekday: no local time zone involved.
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new FormatError(`${describe(input)} is not a date that exists.`);
  }
  return { year, month, day, weekday: (utc.getUTCDay() + 6) % 7 };
}

/** "dinsdag 10 februari 2026" / "Tuesday 10 February 2026". */
export function formatDate(iso: DateInput, lang: Lang): string {
  const w = calendarWords(lang);
  const d = calendarDate(iso);
  return fill(w.date, { weekday: w.weekdays[d.weekday], day: String(d.day), month: w.months[d.month - 1], year: String(d.year) });
}

/** "10 februari" / "10 February". */
export function formatShortDate(iso: DateInput, lang: Lang): string {
  const w = calendarWords(lang);
  const d = calendarDate(iso);
  return fill(w.shortDate, { day: String(d.day), month: w.months[d.month - 1], year: String(d.year) });
}

/** "19.30" / "19:30" from "19:30" (also accepts "9:30" and "19.30"). Dutch drops the hour's leading zero, English keeps it. */
export function formatTime(hhmm: string, lang: Lang): string {
  const m = typeof hhmm === 'string' ? /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(hhmm) : null;
  if (!m) throw new FormatError(`Expected a time like 19:30, got ${describe(hhmm)}.`);
  const w = calendarWords(lang);
  const hour = w.hourLeadingZero ? m[1].padStart(2, '0') : String(Number(m[1]));
  return `${hour}${w.timeSeparator}${m[2]}`;
}

/** "19.30 - 22.00 uur" / "19:30 to 22:00". */
export function formatTimeRange(start: string, end: string, lang: Lang): string {
  return fill(calendarWords(lang).timeRange, { start: formatTime(start, lang), end: formatTime(end, lang) });
}

/**
 * "dinsdag 10 februari 2026, 19.30 - 22.00 uur" / "Tuesday 10 February 2026, 19:30 to 22:00";
 * without an end time "dinsdag 10 februari 2026, 19.30 uur" / "Tuesday 10 February 2026, 19:30".
 */
/** A clock time on its own, "9.15 uur" / "9:15". */
export function formatTimeAlone(hhmm: string, lang: Lang): string {
  return fill(calendarWords(lang).timeAlone, { time: formatTime(hhmm, lang) });
}

export function formatWhen(iso: DateInput, start: string, end: string | null | undefined, lang: Lang): string {
  const w = calendarWords(lang);
  const times = end === undefined || end === null || end === '' ? formatTimeAlone(start, lang) : formatTimeRange(start, end, lang);
  return fill(w.when, { date: formatDate(iso, lang), times });
}

/** "Anna" / "Anna en Bas" / "Anna, Bas en Cem" (en: "and"); empty for an empty list. */
export function formatList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${calendarWords(lang).listAnd} ${items[items.length - 1]}`;
}

/**
 * "2,5 uur" / "2.5 hours" for whole and half hours; "45 minuten"; "1 uur en 45 minuten" otherwise.
 * Half hours read naturally as decimals; other minutes do not ("1,75 uur" is hard to picture).
 */
export function formatDuration(minutes: number, lang: Lang): string {
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 0) throw new FormatError(`Expected a number of minutes, got ${describe(minutes)}.`);
  const w = calendarWords(lang);
  const number = (n: number) => new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 }).format(n);
  const hours = (h: number) => fill(h === 1 ? w.hour : w.hours, { n: number(h) });
  if (minutes < 60) return fill(w.minutes, { n: String(minutes) });
  if (minutes % 30 === 0) return hours(minutes / 60);
  return fill(w.hoursAndMinutes, { hours: hours(Math.floor(minutes / 60)), minutes: fill(w.minutes, { n: String(minutes % 60) }) });
}

/** The singular only for exactly 1, in both languages ("0 deelnemers", "0 participants"). */
export function pluralWord(n: number, singular: string, plural: string): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new FormatError(`Expected a number, got ${describe(n)}.`);
  return n === 1 ? singular : plural;
}

/** "1 deelnemer", "12 deelnemers"; large numbers grouped the local way ("1.250" / "1,250"). */
export function formatCount(n: number, singular: string, plural: string, lang: Lang): string {
  const word = pluralWord(n, singular, plural);
  return `${new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 2 }).format(n)} ${word}`;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// Template helpers

/**
 * Handlebars passes its options object after the arguments; this checks the argument count (a
 * mistake here would otherwise print "[object Object]") and the language from `@root.lang`.
 */
function helper(name: string, min: number, max: number, fn: (args: unknown[], lang: Lang) => unknown): HelperDelegate {
  return function (this: unknown, ...all: unknown[]) {
    const options = all.pop() as HelperOptions;
    if (all.length < min || all.length > max) {
      const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      throw new FormatError(`The helper "${name}" takes ${expected} value${max === 1 ? '' : 's'}, but got ${all.length}.`);
    }
    return fn(all, rootLang(options, name));
  };
}

function rootLang(options: HelperOptions, name: string): Lang {
  const lang = (options?.data as { root?: { lang?: unknown } } | undefined)?.root?.lang;
  if (!isLang(lang)) throw new InternalError(`The helper "${name}" needs @root.lang to be a known language, got ${describe(lang)}.`);
  return lang;
}

/** A text argument (values reach helpers as written in the file; the engine escapes what a helper returns). */
function text(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  throw new FormatError(`Expected ${what}, got ${describe(value)}.`);
}

/** The same truth as `{{#if}}`: empty lists, empty text, 0, null and false are false. */
function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : !!value;
}

/** The text of list items; `key` picks a field of each item (`{{list hosts "name"}}`). */
function listItems(value: unknown, key: unknown): string[] {
  if (!Array.isArray(value)) throw new FormatError(`The helper "list" expects a list, got ${describe(value)}.`);
  return value.map((item: unknown) => {
    if (key !== undefined) {
      // Own fields only: the same rule as handlebars' prototype protection.
      if (typeof key !== 'string' || typeof item !== 'object' || item === null || !Object.hasOwn(item, key)) {
        throw new FormatError(`The helper "list" could not find the field ${describe(key)} in every item.`);
      }
      item = (item as Record<string, unknown>)[key];
    }
    if (typeof item === 'string' || typeof item === 'number') return String(item);
    throw new FormatError(`The helper "list" needs text items, got ${describe(item)}.`);
  });
}

/** The helpers by name, for registering on a handlebars instance. */
export const helpers: Record<string, HelperDelegate> = {
  date: helper('date', 1, 1, ([d], lang) => formatDate(d as DateInput, lang)),
  shortDate: helper('shortDate', 1, 1, ([d], lang) => formatShortDate(d as DateInput, lang)),
  time: helper('time', 1, 1, ([t], lang) => formatTime(text(t, 'a time like 19:30'), lang)),
  timeRange: helper('timeRange', 2, 2, ([s, e], lang) => formatTimeRange(text(s, 'a start time'), text(e, 'an end time'), lang)),
  when: helper('when', 2, 3, ([d, s, e], lang) =>
    formatWhen(d as DateInput, text(s, 'a start time'), e === undefined || e === null ? undefined : text(e, 'an end time'), lang),
  ),
  list: helper('list', 1, 2, ([items, key], lang) => formatList(listItems(items, key), lang)),
  plural: helper('plural', 3, 3, ([n, one, many], lang) => formatCount(n as number, text(one, 'the singular word'), text(many, 'the plural word'), lang)),
  pluralWord: helper('pluralWord', 3, 3, ([n, one, many]) => pluralWord(n as number, text(one, 'the singular word'), text(many, 'the plural word'))),
  duration: helper('duration', 1, 1, ([m], lang) => formatDuration(m as number, lang)),
  eq: helper('eq', 2, 2, ([a, b]) => a === b),
  and: helper('and', 1, Infinity, (args) => args.every(truthy)),
  or: helper('or', 1, Infinity, (args) => args.some(truthy)),
  not: helper('not', 1, 1, ([a]) => !truthy(a)),
  /** Free text shown as is. Every `{{...}}` is shown as written now; kept so older templates still work. */
  plain: helper('plain', 1, 1, ([v]) => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'object') throw new FormatError(`The helper "plain" needs text, got ${describe(v)}.`);
    return String(v);
  }),
};
