// The questions of `welkome-wijk init`, in the handbook's order: the area, the project leader, the
// kick-off (and what it yielded), the team, then one meeting per audience with its practice
// situations. Every answer is checked as it is typed; the result is answers in the file's shape.
import { checkbox, confirm, input, select, Separator } from '@inquirer/prompts';
import { loadLabels } from '../../content/labels.js';
import { loadThemes } from '../../content/library.js';
import { groupsFor, rankSituations, type FindingsInput, type RankedSituation } from '../../content/suggest-situations.js';
import { languageCodes, languageInfo } from '../../languages.js';
import { t, type Lang, type MessageKey, type MessageParam } from '../../messages.js';
import { AUDIENCES, type Audience } from '../../project/schema.js';
import { paletteFor } from '../colour.js';
import type { RawAnswers } from './answers.js';
import { contactsCheck, FIELDS, fieldCheck, numberCheck, parseContacts, schemaMessage, splitList, uniqueNameCheck, wholeNumber, type Check } from './checks.js';
import { KICKOFF_START, proposeDeadline, proposeKickoff, proposeMeeting, proposeStart } from './schedule.js';

const MEAL_MINUTES = 45;
const PROGRAMME_MINUTES = 150;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

type Obj = Record<string, unknown>;

/** @inquirer's looks and words in the user's language, with colour only where the CLI would use it. */
export function themeFor(lang: Lang) {
  const c = paletteFor(process.stdout);
  // @inquirer names keys and actions in English; 'select' is "choose" on a list and "on/off" on a checkbox.
  const action: Record<string, string> = {
    navigate: t(lang, 'init_key_navigate'),
    '⏎ select': t(lang, 'init_key_choose'),
    select: t(lang, 'init_key_select'),
    submit: t(lang, 'init_key_submit'),
    all: t(lang, 'init_key_all'),
    invert: t(lang, 'init_key_invert'),
  };
  const keyName: Record<string, string> = { space: t(lang, 'init_key_space') };
  return {
    prefix: { idle: c.bold('?'), done: c.ok('✔') },
    style: {
      answer: c.ok,
      message: c.bold,
      error: (text: string) => c.error(`> ${text}`),
      defaultAnswer: (text: string) => c.dim(`(${text})`),
      help: c.dim,
      highlight: c.bold,
      description: c.dim,
      disabled: c.dim,
      key: (text: string) => c.bold(`<${text}>`),
      keysHelpTip: (keys: [string, string][]) => keys.map(([key, what]) => `${c.bold(keyName[key] ?? key)} ${c.dim(action[`${key} ${what}`] ?? action[what] ?? what)}`).join(c.dim(' • ')),
    },
    icon: { checked: c.ok('◉'), unchecked: '◯', cursor: '❯' },
    keywords: { yes: t(lang, 'init_yes'), no: t(lang, 'init_no'), error: () => t(lang, 'init_yes_no_error') },
  };
}

/** The questions' plumbing: one theme, checks on every answer, and notes that do not stop the user. */
class Asker {
  readonly theme: ReturnType<typeof themeFor>;
  constructor(readonly lang: Lang) {
    this.theme = themeFor(lang);
  }
  m(key: MessageKey, params?: Record<string, MessageParam>) {
    return t(this.lang, key, params);
  }
  heading(key: MessageKey, params?: Record<string, MessageParam>) {
    const c = paletteFor(process.stdout);
    process.stdout.write(`\n${c.bold(this.m(key, params))}\n`);
  }
  say(text: string) {
    process.stdout.write(`${paletteFor(process.stdout).dim(text)}\n`);
  }
  /** Advice from a rule (`validate` would warn): shown, and the answer stands. */
  note(text: string | undefined) {
    if (text) process.stdout.write(`${paletteFor(process.stdout).warning(`  ! ${text}`)}\n`);
  }
  async text(key: MessageKey, params: Record<string, MessageParam>, check: Check, fallback?: string): Promise<string> {
    const answer = await input({ message: this.m(key, params), default: fallback || undefined, validate: check, theme: this.theme });
    return answer.trim();
  }
  async optional(key: MessageKey, params: Record<string, MessageParam>, check: Check = () => true, fallback?: string): Promise<string | undefined> {
    return (await this.text(key, params, check, fallback)) || undefined;
  }
  async list(key: MessageKey, params: Record<string, MessageParam> = {}, check?: Check): Promise<string[] | undefined> {
    const items = splitList(await this.text(key, params, check ?? (() => true)));
    return items.length ? items : undefined;
  }
  yesNo(key: MessageKey, params: Record<string, MessageParam>, fallback: boolean): Promise<boolean> {
    return confirm({ message: this.m(key, params), default: fallback, theme: this.theme });
  }
  choose<T extends string>(key: MessageKey, params: Record<string, MessageParam>, choices: { value: T; name: string }[], fallback?: T): Promise<T> {
    return select({ message: this.m(key, params), choices, default: fallback, theme: this.theme });
  }
}

/** Dates: real, and on the right side of today. */
function dateCheck(lang: Lang, today: string, field: string, when: 'today-or-later' | 'today-or-earlier', also?: (date: string) => string | undefined): Check {
  return fieldCheck(FIELDS.date, lang, field, {
    also: (date) => {
      if (when === 'today-or-later' && date < today) return t(lang, 'init_date_past', { date, today });
      if (when === 'today-or-earlier' && date > today) return t(lang, 'init_date_future', { date, today });
      return also?.(date);
    },
  });
}

export interface AskOptions {
  lang: Lang;
  today: string;
}

/** Ask every question; Ctrl-C rejects with @inquirer's ExitPromptError (the caller says nothing was written). */
export async function askAnswers(opts: AskOptions): Promise<RawAnswers> {
  const { lang: ui, today } = opts;
  const ask = new Asker(ui);
  ask.say(ask.m('init_intro'));

  const language = await ask.choose('init_language', {}, languageCodes().map((code) => ({ value: code, name: languageInfo(code).name })), ui);
  const labels = loadLabels(ui);
  const people = (audience: Audience) => labels.audiences[audience].people;

  // Step 1: the area and the organisers.
  ask.heading('init_step_area');
  const municipality = await ask.text('init_municipality', {}, fieldCheck(FIELDS.text, ui, 'municipality'));
  const areaName = await ask.text('init_area', {}, fieldCheck(FIELDS.text, ui, 'name'));
  const kind = await ask.choose('init_kind', {}, (['wijk', 'dorp', 'stadsdeel', 'gemeente'] as const).map((k) => ({ value: k, name: labels.areaKinds[k] })));
  const inhabitants = await ask.optional('init_inhabitants', {}, numberCheck(FIELDS.inhabitants, ui, 'inhabitants', { optional: true }));
  const area: Obj = { name: areaName, kind, ...(inhabitants ? { inhabitants: wholeNumber(inhabitants) } : {}) };

  ask.heading('init_step_organisers');
  const leaderName = await ask.text('init_leader', {}, fieldCheck(FIELDS.text, ui, 'name'));
  const organisation = await ask.text('init_organisation', {}, fieldCheck(FIELDS.text, ui, 'organisation'));
  const email = await ask.optional('init_email', {}, fieldCheck(FIELDS.email, ui, 'email', { optional: true }));
  const phone = await ask.optional('init_phone', {}, fieldCheck(FIELDS.phone, ui, 'phone', { optional: true }));
  const projectLeader: Obj = { name: leaderName, organisation, ...(email ? { email } : {}), ...(phone ? { phone } : {}) };

  // Step 1 too: the kick-off with the broad network, and what it yielded if it has been.
  ask.heading('init_step_kickoff');
  const held = await ask.yesNo('init_kickoff_held', {}, false);
  const kickoffDate = await ask.text('init_kickoff_date', {}, dateCheck(ui, today, 'date', held ? 'today-or-earlier' : 'today-or-later'), held ? undefined : proposeKickoff(today));
  const kickoffStart = await ask.text('init_kickoff_start', {}, fieldCheck(FIELDS.time, ui, 'start'), KICKOFF_START);
  const mode = await ask.choose('init_kickoff_mode', {}, [
    { value: 'in-person', name: ask.m('init_mode_in_person') },
    { value: 'online', name: ask.m('init_mode_online') },
  ]);
  const kickoff: Obj = { date: kickoffDate, start: kickoffStart, mode };
  let kickoffVenue: { name: string; address: string } | undefined;
  if (mode === 'online') kickoff.link = await ask.text('init_kickoff_link', {}, fieldCheck(FIELDS.url, ui, 'link'));
  else {
    const name = await ask.text('init_kickoff_venue', {}, fieldCheck(FIELDS.text, ui, 'name'));
    kickoffVenue = { name, address: await ask.text('init_venue_address', { venue: name }, fieldCheck(FIELDS.text, ui, 'address')) };
    kickoff.venue = kickoffVenue;
  }
  let findings: FindingsInput | undefined;
  if (held && (await ask.yesNo('init_findings_now', {}, true))) {
    findings = await askFindings(ask, areaName, people);
    const kept = Object.fromEntries(Object.entries(findings).filter(([, v]) => v !== undefined && (!Array.isArray(v) || v.length)));
    if (Object.keys(kept).length) kickoff.findings = kept;
  }

  // Step 2: discussion leaders and the pair of people with lived experience.
  ask.heading('init_step_team');
  ask.say(ask.m('init_team_hint'));
  const names: string[] = [];
  const leaders: Obj[] = [];
  do {
    const name = await ask.text('init_discussion_leader', {}, uniqueNameCheck(ui, () => names));
    names.push(name);
    leaders.push({ name });
  } while (await ask.yesNo('init_another_leader', {}, false));
  const pair: Obj[] = [];
  for (const key of ['init_person_first', 'init_person_second'] as const) {
    const name = await ask.text(key, {}, uniqueNameCheck(ui, () => names));
    names.push(name);
    ask.say(ask.m('init_person_public_hint', { name }));
    pair.push({ name, public: await ask.yesNo('init_person_public', { name }, false) });
  }

  // Steps 3 and 4: the meetings, in the handbook's order, each with its situations.
  ask.heading('init_step_meetings');
  const audiences = await checkbox({
    message: ask.m('init_audiences'),
    choices: AUDIENCES.map((a) => ({ value: a, name: labels.audiences[a].name, checked: true })),
    validate: (chosen) => (chosen.length ? true : ask.m('init_audiences_none')),
    theme: ask.theme,
  });
  const meetings: Obj[] = [];
  let previous: { date: string; venue?: { name: string; address: string }; contacts?: string } | undefined;
  const teamNames = [leaderName, ...names];
  for (const audience of AUDIENCES.filter((a) => audiences.includes(a))) {
    const who = people(audience);
    ask.heading('init_step_meeting', { audience: labels.audiences[audience].name, when: { key: audience === 'professionals' ? 'init_daytime' : 'init_evening' } });
    const proposed = proposeMeeting(today, { kickoff: kickoffDate, previousMeeting: previous?.date });
    const date = await ask.text('init_meeting_date', { audience: who }, dateCheck(ui, today, 'date', 'today-or-later'), proposed);
    if (date <= kickoffDate) ask.note(ask.m('rule_kickoff_first', { date, kickoff: kickoffDate }));
    if (previous && date < previous.date) ask.note(ask.m('rule_audience_order', { audience, before: meetings[meetings.length - 1].audience as string }));

    const meal = await ask.choose('init_meal', { audience: who }, [
      { value: 'none', name: ask.m('init_meal_none') },
      { value: 'before', name: ask.m('init_meal_before') },
      { value: 'break', name: ask.m('init_meal_break') },
      { value: 'after', name: ask.m('init_meal_after') },
    ], audience === 'professionals' ? 'none' : 'before');
    const mealMinutes = meal === 'none' ? 0 : MEAL_MINUTES;
    const start = await ask.text(meal === 'before' ? 'init_meeting_start_meal' : 'init_meeting_start', { audience: who }, fieldCheck(FIELDS.time, ui, 'start', {
      also: (time) => (minutesOf(time) + PROGRAMME_MINUTES + mealMinutes > 24 * 60 ? t(ui, 'rule_past_midnight') : undefined),
    }), proposeStart(audience, meal === 'before' ? MEAL_MINUTES : 0));
    if (minutesOf(start) % 5 !== 0) ask.note(ask.m('rule_round_start', { start }));

    const fallbackVenue = previous?.venue ?? kickoffVenue;
    const venueName = await ask.text('init_meeting_venue', { audience: who }, fieldCheck(FIELDS.text, ui, 'name'), fallbackVenue?.name);
    const address = await ask.text('init_venue_address', { venue: venueName }, fieldCheck(FIELDS.text, ui, 'address'), fallbackVenue?.name === venueName ? fallbackVenue.address : undefined);
    const participants = wholeNumber(await ask.text('init_participants', { audience: who }, numberCheck(FIELDS.participants, ui, 'expectedParticipants'), '15'))!;

    const leaderContacts = [email, phone].filter(Boolean).join('; ');
    const contacts = await ask.text('init_registration', { audience: who }, contactsCheck(ui), previous?.contacts ?? leaderContacts);
    const deadline = await ask.text('init_deadline', {}, dateCheck(ui, today, 'deadline', 'today-or-later', (d) => (d > date ? t(ui, 'rule_deadline_after', { deadline: d, date }) : undefined)), proposeDeadline(today, date));

    const leader = leaders.length === 1 ? (leaders[0].name as string) : await ask.choose('init_meeting_leader', { audience: who }, leaders.map((l) => ({ value: l.name as string, name: l.name as string })));
    const situations = await askSituations(ask, { audience, participants, findings, teamNames, language });

    meetings.push({
      audience,
      date,
      start,
      venue: { name: venueName, address },
      ...(meal === 'none' ? {} : { meal: meal === 'before' ? true : { when: meal } }),
      expectedParticipants: participants,
      registration: { ...parseContacts(contacts), deadline },
      leader,
      livedExperience: pair.map((p) => p.name),
      situations,
    });
    previous = { date, venue: { name: venueName, address }, contacts };
  }

  return {
    language,
    municipality,
    area,
    organisers: { projectLeader },
    kickoff,
    team: { discussionLeaders: leaders, livedExperience: pair },
    meetings,
  };
}

/** What the kick-off yielded: a few quick lists, each allowed to stay empty. */
async function askFindings(ask: Asker, area: string, people: (a: Audience) => string): Promise<FindingsInput> {
  ask.say(ask.m('init_findings_hint'));
  const stigmaCheck: Check = (raw) => {
    const items = splitList(raw);
    return (items.length && schemaMessage(FIELDS.stigmaIssues, items, ask.lang, 'stigmaIssues')) || true;
  };
  const findings: FindingsInput = {
    reasons: await ask.list('init_findings_reasons', { area }),
    stigmaIssues: await ask.list('init_findings_stigma', {}, stigmaCheck),
    involved: await ask.list('init_findings_involved'),
    policies: await ask.list('init_findings_policies'),
  };
  if (await ask.yesNo('init_findings_changes_now', {}, false)) {
    const wanted: NonNullable<FindingsInput['wantedChanges']> = {};
    for (const audience of AUDIENCES) {
      const rightAfter = await ask.list('init_findings_right_after', { audience: people(audience) });
      const afterOneYear = await ask.list('init_findings_after_year', { audience: people(audience) });
      if (rightAfter || afterOneYear) wanted[audience] = { ...(rightAfter ? { rightAfter } : {}), ...(afterOneYear ? { afterOneYear } : {}) };
    }
    if (Object.keys(wanted).length) findings.wantedChanges = wanted;
  }
  findings.preconditions = await ask.list('init_findings_preconditions');
  return findings;
}

/** The practice situations: proposed from the audience and the findings, changed with a checkbox. */
async function askSituations(ask: Asker, o: { audience: Audience; participants: number; findings?: FindingsInput; teamNames: string[]; language: Lang }): Promise<(string | { id: string; why: string })[]> {
  const groups = groupsFor(o.participants);
  const ranked = rankSituations({ lang: o.language, audience: o.audience, count: groups, findings: o.findings, teamNames: o.teamNames });
  const hasFindings = ranked.some((r) => r.matches.length);
  ask.say(ask.m(hasFindings ? 'init_situations_basis' : 'init_situations_no_findings'));
  const labels = loadLabels(ask.lang);
  const themeLabels = new Map(loadThemes(o.language).map((th) => [th.id, th.label]));
  // Situations for another audience only when this one has too few for the groups.
  const shown = ranked.filter((r) => r.fitsAudience || r.suggested);
  const choice = (r: RankedSituation) => ({
    value: r.situation.id,
    name: `${r.situation.title} (${r.situation.id})`,
    short: r.situation.id,
    checked: r.suggested,
    description: explain(r),
    ...(r.namesTeamMember ? { disabled: ask.m('init_situation_names_short', { name: r.namesTeamMember }) } : {}),
  });
  const explain = (r: RankedSituation): string => {
    if (r.namesTeamMember) return ask.m('init_situation_names', { name: r.namesTeamMember });
    // Per finding: the words it shares with the situation, by theme ("hardop, zichzelf (Hardop praten)").
    const byFinding = new Map<string, string[]>();
    for (const m of r.matches) {
      const words = `${m.words.join(', ')} (${m.theme ?? ask.m('init_situation_place')})`;
      byFinding.set(m.finding, [...(byFinding.get(m.finding) ?? []), words]);
    }
    const because = [...byFinding].slice(0, 2).map(([finding, words]) => ask.m('init_situation_because', { finding: finding.length > 70 ? `${finding.slice(0, 70)}…` : finding, words: words.join('; ') }));
    const written = r.fitsAudience
      ? ask.m('init_situation_audience', { audience: labels.audiences[o.audience].people, themes: r.situation.themes.map((id) => themeLabels.get(id) ?? id).join(', ') })
      : ask.m('init_situation_other_audience', { audiences: r.situation.audiences.map((a) => labels.audiences[a].people).join(', ') });
    return [...because, written].join('\n');
  };
  const chosen = await checkbox({
    message: ask.m('init_situations', { audience: labels.audiences[o.audience].people, groups }),
    choices: [...shown.filter((r) => !r.namesTeamMember).map(choice), ...(shown.some((r) => r.namesTeamMember) ? [new Separator(), ...shown.filter((r) => r.namesTeamMember).map(choice)] : [])],
    pageSize: 12,
    theme: ask.theme,
  });
  if (chosen.length === 0) ask.note(ask.m('rule_no_situations', { audience: o.audience }));
  else if (chosen.length < groups) ask.note(ask.m('rule_too_few_situations', { groups, count: chosen.length }));
  const byId = new Map(ranked.map((r) => [r.situation.id, r]));
  // Keep the proposal's order (best first); a why only where the findings say why.
  return ranked
    .filter((r) => chosen.includes(r.situation.id))
    .map((r) => (byId.get(r.situation.id)?.why ? { id: r.situation.id, why: r.why! } : r.situation.id));
}
