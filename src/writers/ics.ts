// The iCalendar writer (RFC 5545): a Calendar model in, the bytes of a .ics file out, written by hand
// so that the same calendar always gives the same bytes.
import type { Calendar, EventTime } from '../document/calendar.js';
import { InternalError } from '../errors.js';

/** TEXT values: backslash, semicolon, comma and newlines are escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters are not allowed in TEXT at all; a tab is.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/** A parameter value, always quoted; RFC 6868 caret escapes for what a quoted value cannot hold. */
function paramValue(value: string): string {
  return `"${value.replace(/\^/g, '^^').replace(/"/g, "^'").replace(/\r\n|\r|\n/g, '^n')}"`;
}

/**
 * A URI value: RFC 5545 wants a URI (RFC 3986), so letters outside ASCII ("café") and spaces are
 * percent-encoded; characters that already form a valid URI stay as they are.
 */
export function uriValue(value: string): string {
  return value.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c)).replace(/[<>"{}|\\^`]/g, (c) => encodeURIComponent(c));
}

const FOLD_AT = 75;

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): continuation lines start with one space,
 * which counts towards their 75. Splits only between code points, so a multi-byte UTF-8
 * character (é, ë, an emoji) is never cut in half.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= FOLD_AT) return line;
  const chunks: string[] = [];
  let current = '';
  let size = 0;
  let limit = FOLD_AT;
  for (const char of line) {
    const bytes = Buffer.byteLength(char, 'utf8');
    if (size + bytes > limit) {
      chunks.push(current);
      current = '';
      size = 0;
      limit = FOLD_AT - 1;
    }
    current += char;
    size += bytes;
  }
  chunks.push(current);
  return chunks.join('\r\n ');
}

export const TZID = 'Europe/Amsterdam';

/**
 * The Netherlands' time zone with the EU rules in force since 1996 (summer time from the last
 * Sunday of March at 02:00 to the last Sunday of October at 03:00). Written out rather than
 * taken from a tz database so the bytes never change with the machine; every event in these
 * files is after 1996, so the older rules are not needed.
 */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function basicDate(at: Date): string {
  return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
}

/** "2026-02-10" + "19:30" + n minutes → "20260210T193000" (wall-clock arithmetic; the TZID says where). */
export function localDateTime(date: string, time: string, plusMinutes = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!t) throw new InternalError(`Expected a time like 19:30, got "${time}".`);
  // Date.UTC is used as a plain calendar calculator here (no time zone involved), so that an
  // event running past midnight ends on the next day.
  const at = new Date(Date.UTC(y, m - 1, d, 0, Number(t[1]) * 60 + Number(t[2]) + plusMinutes));
  return `${basicDate(at)}T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}00`;
}

/** "2026-04-14" → "20260414", and the day after for an all-day event's exclusive DTEND. */
function dateValue(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return basicDate(new Date(Date.UTC(y, m - 1, d + plusDays)));
}

/** DTSTAMP in UTC from the calendar's fixed date. */
function utcStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

class Lines {
  private readonly lines: string[] = [];

  raw(line: string): this {
    this.lines.push(line);
    return this;
  }

  /** A property; `value` is written as is (dates, URIs, numbers). */
  prop(name: string, value: string, params: Record<string, string> = {}): this {
    const p = Object.entries(params)
      .map(([k, v]) => `;${k}=${v}`)
      .join('');
    return this.raw(`${name}${p}:${value}`);
  }

  /** A TEXT property, escaped. */
  text(name: string, value: string): this {
    return this.prop(name, escapeText(value));
  }

  toBytes(): Uint8Array {
    return new TextEncoder().encode(this.lines.map(foldLine).join('\r\n') + '\r\n');
  }
}

/** Write a calendar as an iCalendar file. */
export async function writeIcs(calendar: Calendar): Promise<Uint8Array> {
  const ics = new Lines()
    .raw('BEGIN:VCALENDAR')
    .prop('VERSION', '2.0')
    // No version number in PRODID: an upgrade alone should not change the bytes of every file.
    .prop('PRODID', `-//welkome-wijk//Welkome Wijk materials//${calendar.language.split('-')[0].toUpperCase()}`)
    .prop('CALSCALE', 'GREGORIAN')
    .prop('METHOD', 'PUBLISH');
  if (calendar.name) ics.text('X-WR-CALNAME', calendar.name);
  for (const line of VTIMEZONE) ics.raw(line);

  const stamp = utcStamp(calendar.date);
  for (const event of calendar.events) {
    ics.raw('BEGIN:VEVENT').prop('UID', event.uid).prop('DTSTAMP', stamp);
    const when = event.when;
    if (when.kind === 'timed') {
      ics.prop('DTSTART', localDateTime(when.date, when.start), { TZID }).prop('DTEND', localDateTime(when.date, when.start, when.minutes), { TZID });
    } else {
      // All day: the end date is exclusive. Transparent, because the hours are not known and the
      // whole day should not show as busy.
      ics.prop('DTSTART', dateValue(when.date), { VALUE: 'DATE' }).prop('DTEND', dateValue(when.date, 1), { VALUE: 'DATE' }).prop('TRANSP', 'TRANSPARENT');
    }
    ics.text('SUMMARY', event.summary);
    if (event.location) ics.text('LOCATION', event.location);
    if (event.url) ics.prop('URL', uriValue(event.url));
    ics.text('DESCRIPTION', event.description);
    // METHOD:PUBLISH expects an organiser; the project leader is the public contact anyway.
    const organiser = calendar.organiser;
    if (organiser) ics.prop('ORGANIZER', `mailto:${uriValue(organiser.email)}`, organiser.name ? { CN: paramValue(organiser.name) } : {});
    ics.prop('SEQUENCE', '0').prop('STATUS', 'CONFIRMED').raw('END:VEVENT');
  }
  ics.raw('END:VCALENDAR');
  return ics.toBytes();
}
