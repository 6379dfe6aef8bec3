// Loads and checks the shipped texts in content/<lang>/ (golden rules, contact tips, practice situations, themes).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { InternalError } from '../errors.js';
import { contentDirOf, languageCodes, REFERENCE_LANG, type Lang } from '../languages.js';

export type { Lang } from '../languages.js';
/** The languages the shipped content exists in (the language table's codes). */
export const LANGS: readonly Lang[] = languageCodes();

/** The three audiences, invited separately and always in this order. */
export type Audience = 'professionals' | 'vrijwilligers' | 'bewoners';
export const AUDIENCES: readonly Audience[] = Object.freeze([
  'professionals',
  'vrijwilligers',
  'bewoners',
] as const);

/** The six golden rules of the contact tips (handbook appendix 7), in the order the cards show them. */
export const GOLDEN_RULE_IDS = Object.freeze(['oma', 'lsd', 'anna', 'nivea', 'oen', 'dik'] as const);

/** A conversation rule named after an acronym (OMA, LSD, ...). */
export interface GoldenRule {
  id: string;
  /** The Dutch acronym; it is the rule's name in both languages. */
  acronym: string;
  /** The rule as the handbook heads it, a phrase around the acronym ("Laat OMA thuis"). */
  heading: string;
  /** The Dutch words whose initials spell the acronym, in order. */
  words: string[];
  /** The Dutch expansion as printed on the card. */
  expansion: string;
  /** English only: what the expansion means. */
  translation?: string;
  explanation: string;
  example: string;
}

/** A tip for contact between neighbours, from people with lived experience. */
export interface ContactTip {
  id: string;
  title: string;
  text: string;
  example?: string;
}

/** An anonymised practice situation for the small groups of an awareness meeting. */
export interface PracticeSituation {
  id: string;
  title: string;
  audiences: Audience[];
  /** Ids from themes.yaml. */
  themes: string[];
  /** handbook: retold from the handbook; new: written for the toolkit; project: added by a project group. */
  origin: 'handbook' | 'new' | 'project';
  /** Who the participant is in this situation. */
  role: string;
  story: string;
  questions: string[];
  /** A hint the people with lived experience might add. */
  tip?: string;
}

/** A theme of the awareness meetings, or a topic that practice situations are about. */
export interface Theme {
  id: string;
  label: string;
  description: string;
}

export interface Tips {
  goldenRules: GoldenRule[];
  contactTips: ContactTip[];
}

// ---------------------------------------------------------------------------------------------
// Schemas

const text = z
  .string()
  .refine((s) => s.trim().length > 0, 'must not be empty')
  .refine((s) => s.trim() === s, 'must not start or end with white space');

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug like "stille-chris"');

function uniqueIds(
  items: readonly { id: string }[],
  ctx: z.RefinementCtx,
  what: string,
  basePath: PropertyKey[] = [],
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({ code: 'custom', message: `duplicate ${what} id "${item.id}"`, path: [...basePath, index, 'id'] });
    }
    seen.add(item.id);
  });
}

export const goldenRuleSchema: z.ZodType<GoldenRule> = z
  .strictObject({
    id: slug,
    acronym: z.string().regex(/^[A-Z]+$/, 'must be upper-case letters'),
    heading: text,
    words: z.array(text).min(1),
    expansion: text,
    translation: text.optional(),
    explanation: text,
    example: text,
  })
  .superRefine((rule, ctx) => {
    if (!new RegExp(`(?<![A-Za-z])${rule.acronym}(?![A-Za-z])`).test(rule.heading)) {
      ctx.addIssue({ code: 'custom', message: `the heading must contain the acronym "${rule.acronym}"`, path: ['heading'] });
    }
    const initials = rule.words.map((word) => word.charAt(0).toUpperCase()).join('');
    if (initials !== rule.acronym) {
      ctx.addIssue({
        code: 'custom',
        message: `the initials of words spell "${initials}", not "${rule.acronym}"`,
        path: ['words'],
      });
    }
  });

export const contactTipSchema: z.ZodType<ContactTip> = z.strictObject({
  id: slug,
  title: text,
  text,
  example: text.optional(),
});

export const audienceSchema = z.enum(['professionals', 'vrijwilligers', 'bewoners']);

export const practiceSituationSchema: z.ZodType<PracticeSituation> = z.strictObject({
  id: slug,
  title: text,
  audiences: z
    .array(audienceSchema)
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'an audience is listed twice'),
  themes: z
    .array(slug)
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'a theme is listed twice'),
  origin: z.enum(['handbook', 'new', 'project']),
  role: text,
  story: text,
  questions: z.array(text).min(3).max(4),
  tip: text.optional(),
});

export const themeSchema: z.ZodType<Theme> = z.strictObject({
  id: slug,
  label: text,
  description: text,
});

/** tips.yaml; in English every golden rule also carries a translation of its Dutch expansion. */
function tipsFileSchema(lang: Lang): z.ZodType<Tips> {
  return z
    .strictObject({
      goldenRules: z.array(goldenRuleSchema).length(GOLDEN_RULE_IDS.length),
      contactTips: z.array(contactTipSchema).min(1),
    })
    .superRefine((tips, ctx) => {
      tips.goldenRules.forEach((rule, index) => {
        const expected = GOLDEN_RULE_IDS[index];
        if (expected !== undefined && rule.id !== expected) {
          ctx.addIssue({
            code: 'custom',
            message: `expected golden rule "${expected}" here, found "${rule.id}"`,
            path: ['goldenRules', index, 'id'],
          });
        }
        // The acronyms are made of Dutch words: every other language says what they mean.
        if (lang !== REFERENCE_LANG && rule.translation === undefined) {
          ctx.addIssue({
            code: 'custom',
            message: 'golden rules outside Dutch need a translation',
            path: ['goldenRules', index, 'translation'],
          });
        }
      });
      uniqueIds(tips.contactTips, ctx, 'contact tip', ['contactTips']);
    });
}

// One schema object per language, so the validation cache keys stay stable.
const tipsSchemas = new Map<Lang, z.ZodType<Tips>>();

const situationsFileSchema: z.ZodType<PracticeSituation[]> = z
  .array(practiceSituationSchema)
  .min(1)
  .superRefine((list, ctx) => uniqueIds(list, ctx, 'situation'));

const themesFileSchema: z.ZodType<Theme[]> = z
  .array(themeSchema)
  .min(1)
  .superRefine((list, ctx) => uniqueIds(list, ctx, 'theme'));

// ---------------------------------------------------------------------------------------------
// Loading


/** Parsed YAML per "lang/file", and validated results per schema and "lang/file". */
const parsedCache = new Map<string, unknown>();
const validatedCache = new WeakMap<z.ZodType, Map<string, unknown>>();

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function readParsed(lang: Lang, file: string): unknown {
  const key = `${lang}/${file}`;
  if (parsedCache.has(key)) return parsedCache.get(key);
  const where = `content/${lang}/${file}`;
  let source: string;
  try {
    source = readFileSync(resolve(contentDirOf(lang), file), 'utf8');
  } catch (error) {
    throw new InternalError(`Cannot read the shipped file ${where}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = parse(source);
  } catch (error) {
    throw new InternalError(`The shipped file ${where} is not valid YAML: ${(error as Error).message}`);
  }
  parsedCache.set(key, parsed);
  return parsed;
}

/**
 * Reads content/<lang>/<file>, parses it as YAML and validates it with `schema`. Results are
 * cached; every call returns its own copy, so callers may change what they get. A shipped file
 * that does not match its schema is our bug, so it throws an InternalError naming file and path.
 */
export function loadContentFile<T>(lang: Lang, file: string, schema: z.ZodType<T>): T {
  const key = `${lang}/${file}`;
  let perSchema = validatedCache.get(schema);
  if (perSchema === undefined) {
    perSchema = new Map();
    validatedCache.set(schema, perSchema);
  }
  if (!perSchema.has(key)) {
    const result = schema.safeParse(readParsed(lang, file));
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `  at ${formatPath(issue.path)}: ${issue.message}`);
      throw new InternalError(`The shipped file content/${lang}/${file} is broken:\n${problems.join('\n')}`);
    }
    perSchema.set(key, result.data);
  }
  return structuredClone(perSchema.get(key)) as T;
}

/** The six golden rules and the contact tips (handbook appendix 7). */
export function loadTips(lang: Lang): Tips {
  let schema = tipsSchemas.get(lang);
  if (!schema) tipsSchemas.set(lang, (schema = tipsFileSchema(lang)));
  return loadContentFile(lang, 'tips.yaml', schema);
}

/** All practice situations; every theme id they use exists in themes.yaml of the same language. */
export function loadSituations(lang: Lang): PracticeSituation[] {
  const situations = loadContentFile(lang, 'situations.yaml', situationsFileSchema);
  const themeIds = new Set(loadThemes(lang).map((theme) => theme.id));
  situations.forEach((situation, index) => {
    situation.themes.forEach((theme, themeIndex) => {
      if (!themeIds.has(theme)) {
        throw new InternalError(
          `The shipped file content/${lang}/situations.yaml is broken:\n` +
            `  at [${index}].themes[${themeIndex}]: unknown theme "${theme}" (not in content/${lang}/themes.yaml)`,
        );
      }
    });
  });
  return situations;
}

/** The meeting themes and the topics the practice situations are about. */
export function loadThemes(lang: Lang): Theme[] {
  return loadContentFile(lang, 'themes.yaml', themesFileSchema);
}
