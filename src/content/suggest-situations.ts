// Which practice situations fit a meeting: ranked by audience and by the words the kick-off's
// findings share with each situation's themes and setting (word lists in content/<lang>/suggest.yaml).
//
// Kept simple on purpose, so a project leader can be told why a situation is proposed:
// 1. a situation written for the meeting's audience always comes before one that is not;
// 2. each finding that uses a word of one of the situation's themes adds the finding's weight
//    (stigma issues 3, reasons 2, the wanted changes for this audience 2, for other audiences 0.5,
//    who is involved and policies 1; preconditions are about organising and do not count);
//    a theme already covered by a situation chosen before counts half, then a third, ...,
//    so the groups get different subjects rather than three stories about noise;
// 3. each finding that names the situation's place or job ("wijkagent", "bibliotheek") adds its
//    weight once;
// 4. ties go to the situation that brings themes not yet covered, then to the handbook's own.
// A situation whose story uses the first name of someone on the team is never proposed: the group
// would think the story is about that person (the `character-names` rule warns about it too).
import { z } from 'zod';
import { InternalError } from '../errors.js';
import type { Lang } from '../languages.js';
import { loadContentFile, loadSituations, loadThemes, type Audience, type PracticeSituation } from './library.js';

/** The kick-off's findings, as the file has them (every list optional). */
export interface FindingsInput {
  reasons?: string[];
  stigmaIssues?: string[];
  involved?: string[];
  policies?: string[];
  wantedChanges?: Partial<Record<Audience, { rightAfter?: string[]; afterOneYear?: string[] }>>;
  preconditions?: string[];
}

/** One finding that points at a situation, and the words by which it does. */
export interface SituationMatch {
  finding: string;
  words: string[];
  /** The theme's label, or undefined when the words name the situation's place or job. */
  theme?: string;
}

export interface RankedSituation {
  situation: PracticeSituation;
  score: number;
  /** Among the first `count` proposals. */
  suggested: boolean;
  /** Written for the meeting's audience. */
  fitsAudience: boolean;
  matches: SituationMatch[];
  /** The finding that fits best, to write as the situation's `why`. */
  why?: string;
  /** A first name from the team that the story uses (never proposed). */
  namesTeamMember?: string;
}

export interface RankOptions {
  lang: Lang;
  audience: Audience;
  /** How many to propose: one per small group. */
  count: number;
  findings?: FindingsInput;
  /** Built-in situations the project hides. */
  hidden?: string[];
  /** Names of everyone on the team; a story using one of their first names is not proposed. */
  teamNames?: string[];
}

/** More than all findings together can add: the audience decides first. */
const AUDIENCE_FIT = 1000;

const WEIGHTS = { stigmaIssues: 3, reasons: 2, ownChanges: 2, otherChanges: 0.5, involved: 1, policies: 1 } as const;

const wordsSchema = z.array(z.string().min(1));
const suggestFileSchema = z.strictObject({
  themes: z.record(z.string(), wordsSchema),
  situations: z.record(z.string(), wordsSchema),
});

/** Lower case, accents and apostrophes gone: "Geluidsoverlast" and "’s nachts" compare as typed words. */
export function normaliseWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether a listed word (a stem, or a phrase of two words) occurs in a finding's words. */
export function wordFits(listed: string, words: string[]): string | undefined {
  const key = normaliseWords(listed);
  if (key.length > 1) {
    const phrase = key.join(' ');
    return ` ${words.join(' ')}`.includes(` ${phrase}`) ? phrase : undefined;
  }
  const [stem] = key;
  if (!stem) return undefined;
  return words.find((w) => w === stem || (stem.length >= 5 && w.startsWith(stem)) || (stem.length >= 6 && w.includes(stem)));
}

interface WordLists {
  themes: Map<string, string[]>;
  situations: Map<string, string[]>;
}

const listsCache = new Map<Lang, WordLists>();

/** The word lists of a language, checked against the library: every id they name exists. */
export function loadSuggestWords(lang: Lang): WordLists {
  const cached = listsCache.get(lang);
  if (cached) return cached;
  const data = loadContentFile(lang, 'suggest.yaml', suggestFileSchema);
  const themeIds = new Set(loadThemes(lang).map((t) => t.id));
  const situationIds = new Set(loadSituations(lang).map((s) => s.id));
  for (const id of Object.keys(data.themes)) if (!themeIds.has(id)) throw new InternalError(`content/${lang}/suggest.yaml names an unknown theme "${id}"`);
  for (const id of Object.keys(data.situations)) if (!situationIds.has(id)) throw new InternalError(`content/${lang}/suggest.yaml names an unknown situation "${id}"`);
  const lists = { themes: new Map(Object.entries(data.themes)), situations: new Map(Object.entries(data.situations)) };
  listsCache.set(lang, lists);
  return lists;
}

/** The findings as weighted texts, for one audience. */
function weightedFindings(findings: FindingsInput | undefined, audience: Audience): { text: string; weight: number }[] {
  if (!findings) return [];
  const out: { text: string; weight: number }[] = [];
  const add = (texts: string[] | undefined, weight: number) => texts?.forEach((text) => text.trim() && out.push({ text, weight }));
  add(findings.stigmaIssues, WEIGHTS.stigmaIssues);
  add(findings.reasons, WEIGHTS.reasons);
  for (const [who, changes] of Object.entries(findings.wantedChanges ?? {})) {
    const weight = who === audience ? WEIGHTS.ownChanges : WEIGHTS.otherChanges;
    add(changes?.rightAfter, weight);
    add(changes?.afterOneYear, weight);
  }
  add(findings.involved, WEIGHTS.involved);
  add(findings.policies, WEIGHTS.policies);
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first team member's first name the situation's texts use as a whole word, if any. */
function teamNameIn(situation: PracticeSituation, firstNames: string[]): string | undefined {
  const text = [situation.title, situation.role, situation.story, ...situation.questions, situation.tip ?? ''].join(' ');
  return firstNames.find((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n)}(?![\\p{L}\\p{N}])`, 'u').test(text));
}

/**
 * Every built-in situation that is not hidden, best first, with the first `count` that may be
 * proposed marked `suggested`. The order and the marks follow the rules at the top of this file.
 */
export function rankSituations(opts: RankOptions): RankedSituation[] {
  const lists = loadSuggestWords(opts.lang);
  const labels = new Map(loadThemes(opts.lang).map((t) => [t.id, t.label]));
  const findings = weightedFindings(opts.findings, opts.audience).map((f) => ({ ...f, words: normaliseWords(f.text) }));
  const hidden = new Set(opts.hidden ?? []);
  const firstNames = [...new Set((opts.teamNames ?? []).map((n) => n.trim().split(/\s+/)[0]).filter((n) => n && n.length > 1))];

  interface Candidate {
    situation: PracticeSituation;
    fitsAudience: boolean;
    themeHits: Map<string, number>;
    placeHits: number;
    matches: SituationMatch[];
    namesTeamMember?: string;
  }
  const candidates: Candidate[] = loadSituations(opts.lang)
    .filter((s) => !hidden.has(s.id))
    .map((situation) => {
      const themeHits = new Map<string, number>();
      const matches: SituationMatch[] = [];
      let placeHits = 0;
      for (const f of findings) {
        for (const theme of situation.themes) {
          const words = (lists.themes.get(theme) ?? []).map((w) => wordFits(w, f.words)).filter((w): w is string => !!w);
          if (!words.length) continue;
          themeHits.set(theme, (themeHits.get(theme) ?? 0) + f.weight);
          matches.push({ finding: f.text, words: [...new Set(words)], theme: labels.get(theme) ?? theme });
        }
        const placeWords = (lists.situations.get(situation.id) ?? []).map((w) => wordFits(w, f.words)).filter((w): w is string => !!w);
        if (placeWords.length) {
          placeHits += f.weight;
          matches.push({ finding: f.text, words: [...new Set(placeWords)] });
        }
      }
      return { situation, fitsAudience: situation.audiences.includes(opts.audience), themeHits, placeHits, matches, namesTeamMember: teamNameIn(situation, firstNames) };
    });

  const covered = new Map<string, number>();
  const score = (c: Candidate) => {
    let themes = 0;
    let fresh = 0;
    for (const theme of c.situation.themes) {
      themes += (c.themeHits.get(theme) ?? 0) / (1 + (covered.get(theme) ?? 0));
      if (!covered.has(theme)) fresh++;
    }
    return (c.fitsAudience ? AUDIENCE_FIT : 0) + themes + c.placeHits + 0.1 * fresh + (c.situation.origin === 'handbook' ? 0.05 : 0);
  };

  const ranked: RankedSituation[] = [];
  // Situations that name a team member go last and are never proposed.
  const pool = candidates.filter((c) => !c.namesTeamMember);
  const named = candidates.filter((c) => c.namesTeamMember);
  while (pool.length) {
    let best = 0;
    let bestScore = score(pool[0]);
    for (let i = 1; i < pool.length; i++) {
      const s = score(pool[i]);
      if (s > bestScore + 1e-9) [best, bestScore] = [i, s];
    }
    const [c] = pool.splice(best, 1);
    for (const theme of c.situation.themes) covered.set(theme, (covered.get(theme) ?? 0) + 1);
    ranked.push(toRanked(c, bestScore, ranked.length < opts.count));
  }
  for (const c of named) ranked.push(toRanked(c, score(c), false));
  return ranked;

  function toRanked(c: Candidate, s: number, suggested: boolean): RankedSituation {
    // The finding that says most about this situation: its weight times the words it shares.
    const weightOf = new Map(findings.map((f) => [f.text, f.weight]));
    let why: string | undefined;
    let whyScore = 0;
    const perFinding = new Map<string, number>();
    for (const m of c.matches) perFinding.set(m.finding, (perFinding.get(m.finding) ?? 0) + m.words.length);
    for (const [finding, n] of perFinding) {
      const value = n * (weightOf.get(finding) ?? 0);
      if (value > whyScore) [why, whyScore] = [finding, value];
    }
    return { situation: c.situation, score: Math.round((s % AUDIENCE_FIT) * 100) / 100, suggested, fitsAudience: c.fitsAudience, matches: c.matches, why, namesTeamMember: c.namesTeamMember };
  }
}

/** One small group per 4-5 participants: the number of situations a meeting needs. */
export function groupsFor(expectedParticipants: number): number {
  return Math.max(1, Math.ceil(expectedParticipants / 5));
}
