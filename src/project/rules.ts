// Checks that go beyond the shape of the file: cross-references, dates in the right order, and the
// approach's advice. Each rule has an id (listed in the README) and pushes errors or warnings.
import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkLanguage } from '../content/language.js';
import { loadSituations } from '../content/library.js';
import { loadKickoffProgramme, loadMeetingProgramme } from '../content/programme.js';
import { inspectImage, type ImageInfo } from '../image.js';
import { nameKey, sameName as same } from './names.js';
import type { MessageKey } from '../messages.js';
import type { PathSegment, Problem, Severity } from './problems.js';
import { AUDIENCES, type Project } from './schema.js';
import { closest } from './suggest.js';
import { planMeeting } from './timing.js';

export interface RuleContext {
  project: Project;
  /** Today as YYYY-MM-DD (WELKOME_WIJK_TODAY when set, so a check of an old file can be repeated). */
  today: string;
  /** The folder of the neighbourhood file: relative paths (logo, templates) start here. */
  baseDir: string;
  report(severity: Severity, path: PathSegment[], key: MessageKey, params?: Record<string, string | number>): void;
}

export interface Rule {
  id: string;
  check(ctx: RuleContext): void;
}

/** A logo is printed a few centimetres wide: 5 MB and 40 megapixels are far more than it needs. */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;
export const MAX_LOGO_MEGAPIXELS = 40;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const RULES: Rule[] = [
  {
    id: 'unique-names',
    check({ project, report }) {
      const seen = new Map<string, number>();
      project.team.livedExperience.forEach((p, i) => {
        const key = nameKey(p.name);
        if (seen.has(key)) report('error', ['team', 'livedExperience', i, 'name'], 'rule_duplicate_name', { name: p.name });
        seen.set(key, i);
      });
      const leaders = new Set<string>();
      project.team.discussionLeaders.forEach((p, i) => {
        const key = nameKey(p.name);
        if (leaders.has(key)) report('error', ['team', 'discussionLeaders', i, 'name'], 'rule_duplicate_name', { name: p.name });
        leaders.add(key);
      });
    },
  },
  {
    id: 'leader-exists',
    check({ project, report }) {
      const names = project.team.discussionLeaders.map((l) => l.name);
      project.meetings.forEach((m, i) => {
        if (names.some((n) => same(n, m.leader))) return;
        const suggestion = closest(m.leader, names);
        report('error', ['meetings', i, 'leader'], suggestion ? 'rule_unknown_leader_suggest' : 'rule_unknown_leader', { name: m.leader, known: names.join(', '), suggestion: suggestion ?? '' });
      });
    },
  },
  {
    id: 'person-exists',
    check({ project, report }) {
      const names = project.team.livedExperience.map((p) => p.name);
      project.meetings.forEach((m, i) => {
        m.livedExperience.forEach((name, j) => {
          if (names.some((n) => same(n, name))) return;
          const suggestion = closest(name, names);
          report('error', ['meetings', i, 'livedExperience', j], suggestion ? 'rule_unknown_person_suggest' : 'rule_unknown_person', { name, known: names.join(', ') || '-', suggestion: suggestion ?? '' });
        });
      });
    },
  },
  {
    id: 'pair-of-two',
    check({ project, report }) {
      project.meetings.forEach((m, i) => {
        if (m.livedExperience.length !== 2) report('warning', ['meetings', i, 'livedExperience'], 'rule_pair', { count: m.livedExperience.length });
        if (new Set(m.livedExperience.map(nameKey)).size < m.livedExperience.length)
          report('error', ['meetings', i, 'livedExperience'], 'rule_pair_twice');
      });
    },
  },
  {
    id: 'avoided-area',
    check({ project, report }) {
      project.meetings.forEach((m, i) => {
        m.livedExperience.forEach((name, j) => {
          const person = project.team.livedExperience.find((p) => same(p.name, name));
          const avoided = person?.avoidAreas.find((a) => same(a, project.area.name) || same(a, project.municipality));
          if (avoided) report('error', ['meetings', i, 'livedExperience', j], 'rule_avoided_area', { name, area: avoided });
        });
      });
    },
  },
  {
    id: 'private-person-role',
    check({ project, report }) {
      // The same name as a person with lived experience who did not consent: the file contradicts
      // itself. Where the role's name is printed for participants (leader, contact) that is an error;
      // elsewhere the materials for participants leave the name out, and the user should know.
      const hidden = new Set(project.team.livedExperience.filter((p) => !p.public).map((p) => nameKey(p.name)));
      const check = (name: string | undefined, path: PathSegment[], printed: boolean) => {
        if (!name || !hidden.has(nameKey(name))) return;
        report(printed ? 'error' : 'warning', path, printed ? 'rule_private_role_printed' : 'rule_private_role_hidden', { name });
      };
      check(project.organisers.projectLeader.name, ['organisers', 'projectLeader', 'name'], true);
      project.meetings.forEach((m, i) => check(m.leader, ['meetings', i, 'leader'], true));
      for (const [role, name] of Object.entries(project.kickoff?.roles ?? {})) check(name, ['kickoff', 'roles', role], false);
    },
  },
  {
    id: 'unique-audience',
    check({ project, report }) {
      const seen = new Set<string>();
      project.meetings.forEach((m, i) => {
        if (seen.has(m.audience)) report('error', ['meetings', i, 'audience'], 'rule_audience_twice', { audience: m.audience });
        seen.add(m.audience);
      });
      const missing = AUDIENCES.filter((a) => !seen.has(a));
      if (missing.length && project.meetings.length) report('warning', ['meetings'], 'rule_audience_missing', { audiences: missing.join(', ') });
    },
  },
  {
    id: 'audience-order',
    check({ project, report }) {
      // The approach invites professionals first, then volunteers, then residents.
      const ordered = AUDIENCES.map((a) => project.meetings.findIndex((m) => m.audience === a)).filter((i) => i >= 0);
      for (let k = 1; k < ordered.length; k++) {
        const before = project.meetings[ordered[k - 1]];
        const after = project.meetings[ordered[k]];
        if (after.date < before.date)
          report('warning', ['meetings', ordered[k], 'date'], 'rule_audience_order', { audience: after.audience, before: before.audience });
      }
    },
  },
  {
    id: 'ends-same-day',
    check({ project, report }) {
      project.meetings.forEach((m, i) => {
        if (minutesOf(m.start) + m.durationMinutes + (m.meal?.minutes ?? 0) > 24 * 60) report('error', ['meetings', i, 'start'], 'rule_past_midnight');
      });
    },
  },
  {
    id: 'meeting-parts',
    check({ project, report }) {
      // The same plan the materials are made from: parts set in the file must exist and fit, and
      // no part may end up too short to do its job (60 minutes leaves 15 for the life stories).
      const programme = loadMeetingProgramme(project.language);
      const titles = new Map(programme.parts.map((p) => [p.id, p.title]));
      project.meetings.forEach((m, i) => {
        const plan = planMeeting({ start: m.start, durationMinutes: m.durationMinutes, parts: m.parts, meal: m.meal }, programme.parts, programme.meal);
        for (const problem of plan.problems) {
          switch (problem.kind) {
            case 'unknown-part':
              report('error', ['meetings', i, 'parts', problem.index, 'id'], 'rule_unknown_meeting_part', { id: problem.id, known: [...titles.keys()].join(', ') });
              break;
            case 'parts-too-long':
              report('error', ['meetings', i, 'parts'], 'rule_parts_too_long', problem);
              break;
            case 'parts-too-short':
              report('error', ['meetings', i, 'parts'], 'rule_parts_too_short', problem);
              break;
            case 'part-too-short': {
              const where = problem.index === undefined ? ['meetings', i, m.durationMinutes === 150 ? 'parts' : 'durationMinutes'] : ['meetings', i, 'parts', problem.index, 'minutes'];
              report('error', where, 'rule_part_too_short', { part: titles.get(problem.id) ?? problem.id, minutes: problem.minutes, min: problem.min });
              break;
            }
          }
        }
      });
    },
  },
  {
    id: 'meeting-length',
    check({ project, report }) {
      project.meetings.forEach((m, i) => {
        if (m.durationMinutes !== 150) report('warning', ['meetings', i, 'durationMinutes'], 'rule_meeting_length', { minutes: m.durationMinutes });
      });
    },
  },
  {
    id: 'round-times',
    check({ project, report }) {
      // The parts move in five-minute steps; from a start like 19:32 every time on the programme is odd.
      project.meetings.forEach((m, i) => {
        if (minutesOf(m.start) % 5 !== 0) report('warning', ['meetings', i, 'start'], 'rule_round_start', { start: m.start });
      });
    },
  },
  {
    id: 'registration-contact',
    check({ project, report }) {
      project.meetings.forEach((m, i) => {
        const r = m.registration;
        if (!r.email && !r.phone && !r.url) report('error', ['meetings', i, 'registration'], 'rule_registration_contact');
        if (r.deadline && r.deadline > m.date) report('error', ['meetings', i, 'registration', 'deadline'], 'rule_deadline_after', { deadline: r.deadline, date: m.date });
      });
    },
  },
  {
    id: 'kickoff-place',
    check({ project, report }) {
      const k = project.kickoff;
      if (!k) return;
      if (k.mode === 'online' && !k.link) report('error', ['kickoff', 'mode'], 'rule_kickoff_link');
      if (k.mode === 'in-person' && !k.venue) report('error', ['kickoff', 'mode'], 'rule_kickoff_venue');
    },
  },
  {
    id: 'kickoff-parts',
    check({ project, report }) {
      const ids = loadKickoffProgramme(project.language).parts.map((p) => p.id);
      project.kickoff?.parts.forEach((part, i) => {
        if (ids.includes(part.id)) return;
        const suggestion = closest(part.id, ids);
        report('error', ['kickoff', 'parts', i, 'id'], suggestion ? 'rule_unknown_kickoff_part_suggest' : 'rule_unknown_kickoff_part', { id: part.id, known: ids.join(', '), suggestion: suggestion ?? '' });
      });
    },
  },
  {
    id: 'kickoff-first',
    check({ project, report }) {
      const k = project.kickoff;
      if (!k) return;
      project.meetings.forEach((m, i) => {
        if (m.date <= k.date) report('warning', ['meetings', i, 'date'], 'rule_kickoff_first', { date: m.date, kickoff: k.date });
      });
    },
  },
  {
    id: 'situation-ids',
    check({ project, report }) {
      const library = loadSituations(project.language);
      const builtIn = new Map(library.map((s) => [s.id, s]));
      const own = new Map<string, (typeof project.situations)[number]>();
      project.situations.forEach((s, i) => {
        if (builtIn.has(s.id) || own.has(s.id)) report('error', ['situations', i, 'id'], 'rule_situation_id_taken', { id: s.id });
        own.set(s.id, s);
      });
      project.hideSituations.forEach((id, i) => {
        if (builtIn.has(id)) return;
        const suggestion = closest(id, [...builtIn.keys()]);
        report('warning', ['hideSituations', i], suggestion ? 'rule_hide_unknown_suggest' : 'rule_hide_unknown', { id, suggestion: suggestion ?? '' });
      });
      // What a typo most likely meant: the project's own ids and the built-in ones it did not hide.
      const choosable = [...own.keys(), ...[...builtIn.keys()].filter((id) => !project.hideSituations.includes(id))];
      project.meetings.forEach((m, i) => {
        m.situations.forEach(({ id }, j) => {
          const found = own.get(id) ?? builtIn.get(id);
          const suggestion = found ? undefined : closest(id, choosable);
          if (!found) report('error', ['meetings', i, 'situations', j], suggestion ? 'rule_unknown_situation_suggest' : 'rule_unknown_situation', { id, suggestion: suggestion ?? '' });
          else if (!own.has(id) && project.hideSituations.includes(id)) report('error', ['meetings', i, 'situations', j], 'rule_hidden_situation', { id });
          else if (!(found.audiences as readonly string[]).includes(m.audience))
            report('warning', ['meetings', i, 'situations', j], 'rule_situation_audience', { id, audience: m.audience });
        });
      });
    },
  },
  {
    id: 'no-situations',
    check({ project, report }) {
      // Without situations there are no cards for the small groups, and the run sheet says "still to choose".
      project.meetings.forEach((m, i) => {
        if (m.situations.length === 0) report('warning', ['meetings', i, 'situations'], 'rule_no_situations', { audience: m.audience });
      });
    },
  },
  {
    id: 'character-names',
    check({ project, report }) {
      // A card about "Marco" discussed while Marco of the pair sits at the table: the group would
      // think the story is his. First names of everyone on the team are compared, whole words.
      const team = [
        ...project.team.livedExperience.map((p) => p.name),
        ...project.team.discussionLeaders.map((p) => p.name),
        project.organisers.projectLeader.name,
        ...project.organisers.projectGroup.map((p) => p.name),
      ];
      // A placeholder ("nog invullen", "Persoon A") is nobody: its first word is not a name.
      const firstNames = [...new Set(team.filter((n) => !isPlaceholder(n)).map((n) => n.trim().split(/\s+/)[0]).filter((n) => n.length > 1))];
      const named = (texts: (string | undefined)[]) => {
        const text = texts.filter(Boolean).join(' ');
        return firstNames.find((n) => new RegExp(`(?<![\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text));
      };
      const library = new Map(loadSituations(project.language).map((s) => [s.id, s]));
      project.situations.forEach((s, i) => {
        const name = named([s.title, s.role, s.story, ...s.questions]);
        if (name) report('warning', ['situations', i, 'story'], 'rule_character_name', { id: s.id, name });
      });
      project.meetings.forEach((m, i) =>
        m.situations.forEach(({ id }, j) => {
          const s = library.get(id);
          const name = s && named([s.title, s.role, s.story, ...s.questions]);
          if (name) report('warning', ['meetings', i, 'situations', j], 'rule_character_name', { id, name });
        }),
      );
    },
  },
  {
    id: 'situations-per-group',
    check({ project, report }) {
      // Each small group (4-5 people) works on a different situation.
      project.meetings.forEach((m, i) => {
        const groups = Math.max(1, Math.ceil(m.expectedParticipants / 5));
        if (m.situations.length > 0 && m.situations.length < groups)
          report('warning', ['meetings', i, 'situations'], 'rule_too_few_situations', { groups, count: m.situations.length });
      });
    },
  },
  {
    id: 'placeholders',
    check({ project, report }) {
      // What `init` writes where it cannot know the answer, and obvious fakes: printed on an
      // invitation they look like a real number or name.
      walkStrings(project, [], (value, path) => {
        if (isPlaceholder(value)) report('warning', path, 'rule_placeholder', { value });
      });
    },
  },
  {
    id: 'dates-past',
    check({ project, report, today }) {
      // A kick-off with findings has taken place: its date is meant to be in the past.
      const findings = project.kickoff?.findings;
      const held = !!findings && Object.values(findings).some((v) => (Array.isArray(v) ? v.length > 0 : v && Object.keys(v).length > 0));
      const dated: [PathSegment[], string | undefined][] = [
        [['kickoff', 'date'], held ? undefined : project.kickoff?.date],
        ...project.meetings.map((m, i): [PathSegment[], string] => [['meetings', i, 'date'], m.date]),
        ...project.training.map((t, i): [PathSegment[], string] => [['training', i, 'date'], t.date]),
        ...project.learningSessions.map((t, i): [PathSegment[], string] => [['learningSessions', i, 'date'], t.date]),
        [['finalEvaluation', 'date'], project.finalEvaluation?.date],
      ];
      for (const [path, date] of dated) {
        if (date && date < today) report('warning', path, 'rule_date_past', { date, today });
      }
    },
  },
  {
    id: 'logo-file',
    check({ project, baseDir, report }) {
      if (project.branding.logo) checkImageFile(project.branding.logo, ['branding', 'logo'], 'logo', baseDir, report);
    },
  },
  {
    id: 'photo-file',
    check({ project, baseDir, report }) {
      if (project.branding.photo) checkImageFile(project.branding.photo.file, ['branding', 'photo', 'file'], 'photo', baseDir, report);
    },
  },
  {
    id: 'templates-folder',
    check({ project, baseDir, report }) {
      if (!project.templates) return;
      const full = resolve(baseDir, project.templates);
      if (!existsSync(full) || !statSync(full).isDirectory()) report('error', ['templates'], 'rule_templates_missing', { path: project.templates });
    },
  },
  {
    id: 'word-length',
    check({ project, report }) {
      // A word longer than a card's or a column's width cannot be set: the PDF engines clip it or,
      // pdfmake, spend minutes and gigabytes breaking it letter by letter. Web addresses and e-mail
      // addresses are links, not set as words, and may be long.
      walkStrings(project, [], (value, path) => {
        const key = path.at(-1);
        if (typeof key === 'string' && /^(url|link|email|logo|file|templates|accentColor)$/.test(key)) return;
        const longest = value.split(/\s+/).reduce((a, w) => (w.length > a.length && !/^(https?:\/\/|www\.)|@/.test(w) ? w : a), '');
        if (longest.length > MAX_WORD) report('error', path, 'rule_word_too_long', { length: longest.length, max: MAX_WORD, start: longest.slice(0, 20) });
      });
    },
  },
  {
    id: 'stigma-words',
    check({ project, report }) {
      // Texts the project writes itself end up on materials: warn about words that label people.
      const texts: [PathSegment[], string][] = [];
      const walk = (value: unknown, path: PathSegment[]) => {
        if (typeof value === 'string') texts.push([path, value]);
        else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
        else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      };
      walk(project.kickoff?.findings, ['kickoff', 'findings']);
      walk(project.situations, ['situations']);
      for (const [path, text] of texts) {
        for (const finding of checkLanguage(text, project.language)) {
          report('warning', path, 'rule_stigma_word', { word: finding.word, instead: finding.instead });
        }
      }
    },
  },
];

/** The messages for a logo and for a photo that cannot be used, by what is wrong. */
const IMAGE_PROBLEMS = {
  logo: {
    missing: 'rule_logo_missing',
    notFile: 'rule_logo_not_file',
    tooBig: 'rule_logo_too_big',
    unreadable: 'rule_logo_unreadable',
    empty: 'rule_logo_empty',
    broken: 'rule_logo_broken',
    type: 'rule_logo_type',
    tooManyPixels: 'rule_logo_too_many_pixels',
  },
  photo: {
    missing: 'rule_photo_missing',
    notFile: 'rule_photo_not_file',
    tooBig: 'rule_photo_too_big',
    unreadable: 'rule_photo_unreadable',
    empty: 'rule_photo_empty',
    broken: 'rule_photo_broken',
    type: 'rule_photo_type',
    tooManyPixels: 'rule_photo_too_many_pixels',
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

/** A photo may come straight from a phone camera; a logo is small. */
const MAX_IMAGE_BYTES = { logo: MAX_LOGO_BYTES, photo: 3 * MAX_LOGO_BYTES };

/**
 * An image the writers will embed, checked here by its content, because the PDF and DOCX writers
 * trust it: a text file named .png crashed them, and a 16000×16000 PNG took a minute and 4 GB to lay out.
 */
function checkImageFile(file: string, at: PathSegment[], kind: keyof typeof IMAGE_PROBLEMS, baseDir: string, report: RuleContext['report']): void {
  const keys = IMAGE_PROBLEMS[kind];
  const full = resolve(baseDir, file);
  let stat: Stats;
  try {
    stat = statSync(full); // follows a symlink: what counts is the file it points at
  } catch {
    return report('error', at, keys.missing, { path: file });
  }
  if (!stat.isFile()) return report('error', at, keys.notFile, { path: file });
  const max = MAX_IMAGE_BYTES[kind];
  if (stat.size > max) return report('error', at, keys.tooBig, { path: file, size: Math.round((stat.size / 1024 / 1024) * 10) / 10, max: max / 1024 / 1024 });
  let info: ImageInfo;
  try {
    info = inspectImage(readFileSync(full));
  } catch {
    return report('error', at, keys.unreadable, { path: file });
  }
  if (!info.ok) {
    if (info.reason === 'empty') return report('error', at, keys.empty, { path: file });
    if (info.reason === 'broken') return report('error', at, keys.broken, { path: file, type: info.type });
    return report('error', at, keys.type, { path: file });
  }
  const megapixels = (info.width * info.height) / 1_000_000;
  if (megapixels > MAX_LOGO_MEGAPIXELS) {
    report('error', at, keys.tooManyPixels, { path: file, width: info.width, height: info.height, megapixels: Math.round(megapixels), max: MAX_LOGO_MEGAPIXELS });
  }
}

/** The longest word a file may hold: more than the longest Dutch compounds, less than a card's width at its size. */
const MAX_WORD = 40;

/** Values that stand in for a real answer: "000 000 00 00", "Persoon A", "TODO", "nog invullen". */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return (
    /^(persoon|person)\s+[a-z]$/i.test(v) ||
    /^(todo|tbd|nnb|n\.n\.b\.|xxx+|\.\.\.|…|\?+|nog invullen|invullen|vul in|fill in)$/i.test(v) ||
    // A phone number of zeros or one repeated digit.
    (/^[+0-9][0-9 ()-]{5,}$/.test(v) && /^(\d)\1+$/.test(v.replace(/[^0-9]/g, '')))
  );
}

function walkStrings(value: unknown, path: PathSegment[], visit: (value: string, path: PathSegment[]) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, [...path, i], visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkStrings(v, [...path, k], visit);
}

/** Today as YYYY-MM-DD: WELKOME_WIJK_TODAY when set (tests, re-checking an old file), else the clock's UTC date. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const set = env.WELKOME_WIJK_TODAY;
  return set && /^\d{4}-\d{2}-\d{2}$/.test(set) ? set : new Date().toISOString().slice(0, 10);
}

/** Run every rule; problems come back without positions (the loader adds them). */
export function checkRules(project: Project, file: string): Problem[] {
  const problems: Problem[] = [];
  const baseDir = dirname(resolve(file));
  const now = today();
  for (const rule of RULES) {
    rule.check({
      project,
      baseDir,
      today: now,
      report: (severity, path, key, params) => problems.push({ severity, path, key, params, rule: rule.id }),
    });
  }
  return problems;
}
