// Checks for one answer as it is typed, with the file format's own validators (the zod schema) and
// the same catalogue messages `validate` shows, so a wrong e-mail reads the same in both places.
import type { z } from 'zod';
import { hasMessage, t, type Lang, type MessageKey } from '../../messages.js';
import { nameKey } from '../../project/names.js';
import { clockTime, isoDate, kickoffFindingsSchema, meetingSchema, projectLeaderSchema, projectSchema, registrationSchema } from '../../project/schema.js';

/** true when the answer is fine, else the message to show under the question. */
export type Check = (value: string) => true | string;

/** The schema's own validators for the fields init asks. */
export const FIELDS = {
  text: projectSchema.shape.municipality,
  email: projectLeaderSchema.shape.email.unwrap(),
  phone: projectLeaderSchema.shape.phone.unwrap(),
  url: registrationSchema.shape.url.unwrap(),
  date: isoDate,
  time: clockTime,
  inhabitants: projectSchema.shape.area.shape.inhabitants.unwrap(),
  participants: meetingSchema.shape.expectedParticipants.unwrap(),
  stigmaIssues: kickoffFindingsSchema.shape.stigmaIssues.unwrap(),
} satisfies Record<string, z.ZodType>;

/** The message for the first thing zod finds wrong with `value`, as `validate` would word it. */
export function schemaMessage(schema: z.ZodType, value: unknown, lang: Lang, field: string): string | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const named = issue.message.startsWith('msg:') ? issue.message.slice(4) : '';
  const got = typeof value === 'string' ? `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'` : String(value);
  let key: MessageKey = hasMessage(named) ? named : 'invalid';
  if (!hasMessage(named)) {
    if (issue.code === 'too_small') key = issue.origin === 'array' ? 'array_min' : 'number_min';
    else if (issue.code === 'too_big') key = issue.origin === 'array' ? 'array_max' : 'number_max';
  }
  const limit = 'minimum' in issue ? Number(issue.minimum) : 'maximum' in issue ? Number(issue.maximum) : 0;
  return t(lang, key, { field, got, limit, detail: issue.message });
}

/** A check from a field's validator; an empty answer is asked again unless the field may stay empty. */
export function fieldCheck(schema: z.ZodType, lang: Lang, field: string, opts: { optional?: boolean; also?: (value: string) => string | undefined } = {}): Check {
  return (raw) => {
    const value = raw.trim();
    if (!value) return opts.optional ? true : t(lang, 'init_required');
    return schemaMessage(schema, value, lang, field) ?? opts.also?.(value) ?? true;
  };
}

/** A whole number as typed: "15", "-3", or with thousands grouped as "8.000", "8,000" or "8 000". */
export function wholeNumber(value: string): number | undefined {
  const v = value.trim();
  if (/^-?\d+$/.test(v)) return Number(v);
  if (/^\d{1,3}([.,\s]\d{3})+$/.test(v)) return Number(v.replace(/\D/g, ''));
  return undefined;
}

/** A whole number typed as text, checked as the number the file will hold. */
export function numberCheck(schema: z.ZodType, lang: Lang, field: string, opts: { optional?: boolean } = {}): Check {
  return (raw) => {
    const value = raw.trim();
    if (!value) return opts.optional ? true : t(lang, 'init_required');
    const n = wholeNumber(value);
    if (n === undefined) return t(lang, 'expected_int', { field, got: `'${value}'` });
    return schemaMessage(schema, n, lang, field) ?? true;
  };
}

/** Several answers in one line, separated by semicolons. */
export function splitList(value: string): string[] {
  return value
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export type ContactKind = 'email' | 'phone' | 'url';

/** What a way to register looks like: an address with @, a web address, or else a phone number. */
export function contactKind(value: string): ContactKind {
  if (value.includes('@')) return 'email';
  if (/^[a-z]+:\/\/|^www\./i.test(value)) return 'url';
  return 'phone';
}

/** "anna@example.nl; 024 123 45 67" → { email, phone }, each checked with its own validator. */
export function contactsCheck(lang: Lang, opts: { optional?: boolean } = {}): Check {
  return (raw) => {
    const parts = splitList(raw);
    if (!parts.length) return opts.optional ? true : t(lang, 'init_contact_required');
    const seen = new Set<ContactKind>();
    for (const part of parts) {
      const kind = contactKind(part);
      if (seen.has(kind)) return t(lang, 'init_contact_twice', { value: part });
      seen.add(kind);
      const problem = schemaMessage(FIELDS[kind], part, lang, kind);
      if (problem) return problem;
    }
    return true;
  };
}

export function parseContacts(value: string): Partial<Record<ContactKind, string>> {
  const out: Partial<Record<ContactKind, string>> = {};
  for (const part of splitList(value)) out[contactKind(part)] = part;
  return out;
}

/** A name that nobody else on the team has: the file's `unique-names` rule, asked at once. */
export function uniqueNameCheck(lang: Lang, taken: () => string[]): Check {
  return (raw) => {
    const value = raw.trim();
    if (!value) return t(lang, 'init_required');
    const other = taken().find((n) => nameKey(n) === nameKey(value));
    return other ? t(lang, 'init_name_taken', { name: value }) : true;
  };
}
