// The resolve stage, between validation and the materials: turns the validated file into the one
// resolved project every material reads — people looked up once (with one answer to "may this person
// be named?"), situations merged once, the kick-off's and meetings' timetables computed once, and the
// organisations, file date and logo ready. Materials read nothing else.
import { resolve as resolvePath } from 'node:path';
import { areaPlaceholders, fillAreaWords } from '../content/area-words.js';
import { loadLabels } from '../content/labels.js';
import { loadSituations, type PracticeSituation } from '../content/library.js';
import {
  loadKickoffProgramme,
  loadMeetingProgramme,
  type KickoffPart,
  type KickoffProgramme,
  type KickoffRole,
  type MeetingPart,
  type MeetingProgramme,
} from '../content/programme.js';
import { UserError } from '../errors.js';
import type { Lang } from '../languages.js';
import { sameName } from '../project/names.js';
import type { Audience, DatedEvent, Kickoff, Meeting, Project, Training, Venue } from '../project/schema.js';
import { addMinutes, kickoffTimes, planMeeting, smallGroups, type KickoffSchedule, type SmallGroup, type TimedPart, type TimeSpan } from '../project/timing.js';
import { People, type Person } from './people.js';

export { shown, shownName, type Person, type ShownPerson, type Visibility } from './people.js';
export type { TimedPart, TimeSpan } from '../project/timing.js';

/** A practice situation ready for a card: the project's own or one from the library. */
export interface Situation {
  id: string;
  title: string;
  role?: string;
  story: string;
  questions: string[];
  /** What the people with lived experience may add after the groups have talked (never on the card). */
  tip?: string;
  audiences: Audience[];
  themes: string[];
  origin: PracticeSituation['origin'];
  /** Why the project chose it for this meeting, when the file says so. */
  why?: string;
}

export interface ResolvedMeeting {
  audience: Audience;
  /** Part of file names: the audience, with the date only when an audience repeats (never overwrite). */
  fileSuffix: string;
  date: string;
  /** When participants are welcome (the meal, when it comes first) and when they go home. */
  start: string;
  end: string;
  /** From start to end: the whole time participants are there, a meal included. */
  minutes: number;
  /** The programme without the meal. */
  programme: { start: string; end: string; minutes: number };
  /** When the discussion leader and the pair arrive: before the participants, for the briefing. */
  arrive: string;
  /** The team's debrief, when the participants have gone. */
  debrief: TimeSpan;
  /** Everything on the clock in order: the programme's parts and the meal (kind 'meal'). */
  parts: TimedPart<MeetingPart>[];
  /** The meal on the clock, and whether it comes before, after or in the break. */
  meal?: TimedPart<MeetingPart> & { when: 'before' | 'after' | 'break' };
  venue: Venue;
  expectedParticipants: number;
  participantsWork: string[];
  registration: Meeting['registration'];
  leader: Person;
  /** The pair of people with lived experience. */
  pair: Person[];
  /** The chosen practice situations, in the order chosen. */
  situations: Situation[];
  groups: SmallGroup[];
}

export interface ResolvedKickoff {
  date: string;
  mode: Kickoff['mode'];
  venue?: Venue;
  link?: string;
  /** How to say you come; absent: reply to the project leader. */
  registration?: Kickoff['registration'];
  schedule: KickoffSchedule<KickoffPart>;
  /** The roles that exist in this mode (an online meeting has no room host), with who takes them. */
  roles: { role: KickoffRole; person?: Person }[];
  findings: Kickoff['findings'];
}

/** A dated event of the project (training, learning session, final evaluation), with what is known of time and place. */
export interface ResolvedEvent {
  date: string;
  start?: string;
  end?: string;
  venue?: Venue;
  link?: string;
  title?: string;
}

export interface ResolvedProject {
  lang: Lang;
  /** The programmes' texts, with the area's words filled in ("Het dorp in beeld"). */
  programmes: { meeting: MeetingProgramme; kickoff: KickoffProgramme };
  /** The date written into every file: SOURCE_DATE_EPOCH, else the earliest date in the project. */
  date: Date;
  /** The folder of the neighbourhood file; relative paths in it start here. */
  baseDir: string;
  /** Folders with the user's own templates, searched before the built-ins. */
  templateDirs: string[];
  municipality: string;
  area: Project['area'];
  projectLeader: Person;
  projectGroup: { person: Person; role?: string }[];
  /** The organisations behind the project, for footers and author fields. */
  organisations: string[];
  accentColor: string;
  /** Absolute path of the logo, when there is one (checked to exist by the rules). */
  logo?: string;
  /** The photo for the residents' invitation (absolute path, checked by the rules) and what it shows. */
  photo?: { path: string; alt: string };
  kickoff?: ResolvedKickoff;
  meetings: ResolvedMeeting[];
  /** Every situation that may be offered, built-in (not hidden) and the project's own, by id. */
  situations: Map<string, Situation>;
  training: (ResolvedEvent & { kind: Training['kind'] })[];
  learningSessions: ResolvedEvent[];
  finalEvaluation?: ResolvedEvent;
  /** How the questionnaires' results are reported: free text quoted only when the file opts in. */
  results: { quoteFreeText: boolean };
}

export interface ResolveOptions {
  /** The folder of the neighbourhood file. */
  baseDir: string;
  /** Template folders from the command line, searched before the file's own `templates`. */
  templateDirs?: string[];
  env?: NodeJS.ProcessEnv;
}

/** The latest date a file may carry (zip and PDF dates stop being meaningful long before). */
const MAX_EPOCH_SECONDS = 253402300799; // 9999-12-31T23:59:59Z

/**
 * The date inside generated files: SOURCE_DATE_EPOCH when set (reproducible builds), else the
 * earliest date in the project, so it never depends on when the command runs.
 */
export function documentDate(project: Project, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,15}$/.test(epoch) || Number(epoch) > MAX_EPOCH_SECONDS) {
      throw new UserError({ key: 'source_date_epoch', params: { got: epoch.length > 40 ? `${epoch.slice(0, 40)}…` : epoch, min: '0', max: String(MAX_EPOCH_SECONDS) } });
    }
    return new Date(Number(epoch) * 1000);
  }
  const dates = [project.kickoff?.date, ...project.meetings.map((m) => m.date)].filter((d): d is string => !!d).sort();
  return new Date(`${dates[0] ?? '2026-01-01'}T00:00:00Z`);
}

/** Built-in situations in the project's language (minus the hidden ones) and the project's own, by id. */
function situationLibrary(project: Project): Map<string, Situation> {
  const all = new Map<string, Situation>();
  for (const s of loadSituations(project.language)) {
    if (!project.hideSituations.includes(s.id)) all.set(s.id, s);
  }
  // The project's own come last and win: their ids are checked not to clash with built-in ones.
  for (const s of project.situations) all.set(s.id, { ...s, origin: 'project' });
  return all;
}

function resolveEvent(event: DatedEvent): ResolvedEvent {
  const { date, start, durationMinutes, venue, link, title } = event;
  return { date, start, end: start && durationMinutes ? addMinutes(start, durationMinutes) : undefined, venue, link, title };
}

/** File names per meeting: by audience, with the date only when an audience repeats. */
function fileSuffixes(meetings: readonly Meeting[]): string[] {
  const count = new Map<string, number>();
  for (const m of meetings) count.set(m.audience, (count.get(m.audience) ?? 0) + 1);
  return meetings.map((m) => ((count.get(m.audience) ?? 0) > 1 ? `${m.audience}-${m.date}` : m.audience));
}

function resolveMeeting(project: Project, programme: MeetingProgramme, people: People, situations: Map<string, Situation>, meeting: Meeting, fileSuffix: string): ResolvedMeeting {
  const listed = project.team.discussionLeaders.find((l) => sameName(l.name, meeting.leader));
  const leader = people.person(listed?.name ?? meeting.leader, { organisation: listed?.organisation, email: listed?.email, phone: listed?.phone });
  const pair = meeting.livedExperience
    .map((n) => project.team.livedExperience.find((p) => sameName(p.name, n)))
    .filter((p): p is NonNullable<typeof p> => !!p)
    .map((p) => people.livedExperience(p));
  // The rules refuse unknown and hidden ids before anything is resolved.
  const chosen = meeting.situations.flatMap((ref) => {
    const found = situations.get(ref.id);
    return found ? [{ ...found, why: ref.why }] : [];
  });
  const plan = planMeeting<MeetingPart>({ start: meeting.start, durationMinutes: meeting.durationMinutes, parts: meeting.parts, meal: meeting.meal }, programme.parts, programme.meal);
  return {
    audience: meeting.audience,
    fileSuffix,
    date: meeting.date,
    start: plan.start,
    end: plan.end,
    minutes: plan.items.reduce((sum, item) => sum + item.minutes, 0),
    programme: plan.programme,
    // The team is there before anyone else, the meal included: the briefing is before the doors open.
    arrive: addMinutes(plan.start, -programme.arriveMinutesBefore),
    debrief: { start: plan.end, end: addMinutes(plan.end, programme.debrief.minutes), minutes: programme.debrief.minutes },
    parts: plan.items,
    meal: plan.meal && meeting.meal ? { ...plan.meal, when: meeting.meal.when } : undefined,
    venue: meeting.venue,
    expectedParticipants: meeting.expectedParticipants,
    participantsWork: meeting.participantsWork,
    registration: meeting.registration,
    leader,
    pair,
    situations: chosen,
    groups: smallGroups(meeting.expectedParticipants, chosen.map((s) => s.id)),
  };
}

function resolveKickoff(project: Project, programme: KickoffProgramme, people: People, kickoff: Kickoff): ResolvedKickoff {
  const leader = project.organisers.projectLeader;
  const roles = programme.roles
    .filter((role) => role.modes.includes(kickoff.mode))
    .map((role) => {
      // The project leader presents the project; the other roles are named in `kickoff.roles`.
      const name = role.id === 'projectLeader' ? leader.name : kickoff.roles[role.id];
      return { role, person: name ? people.person(name) : undefined };
    });
  return {
    date: kickoff.date,
    mode: kickoff.mode,
    venue: kickoff.venue,
    link: kickoff.link,
    registration: kickoff.registration,
    schedule: kickoffTimes(kickoff, programme),
    roles,
    findings: kickoff.findings,
  };
}

/** Resolve a validated project (see the module comment). */
export function resolveProject(project: Project, opts: ResolveOptions): ResolvedProject {
  const people = new People(project);
  const situations = situationLibrary(project);
  const suffixes = fileSuffixes(project.meetings);
  const leader = project.organisers.projectLeader;
  // The programmes' texts once, in the project's language, with the area's words filled in.
  const words = areaPlaceholders(loadLabels(project.language), project.area.kind, project.area.name);
  const programmes = {
    meeting: fillAreaWords(loadMeetingProgramme(project.language), words),
    kickoff: fillAreaWords(loadKickoffProgramme(project.language), words),
  };
  const templateDirs = (opts.templateDirs ?? []).map((d) => resolvePath(d));
  if (project.templates) templateDirs.push(resolvePath(opts.baseDir, project.templates));
  return {
    lang: project.language,
    programmes,
    date: documentDate(project, opts.env),
    baseDir: opts.baseDir,
    templateDirs,
    municipality: project.municipality,
    area: project.area,
    projectLeader: people.person(leader.name, { organisation: leader.organisation, email: leader.email, phone: leader.phone }),
    projectGroup: project.organisers.projectGroup.map((m) => ({
      person: people.person(m.name, { organisation: m.organisation, email: m.email, phone: m.phone }),
      role: m.role,
    })),
    organisations: project.branding.organisations.length ? project.branding.organisations : [leader.organisation],
    accentColor: project.branding.accentColor,
    logo: project.branding.logo ? resolvePath(opts.baseDir, project.branding.logo) : undefined,
    photo: project.branding.photo ? { path: resolvePath(opts.baseDir, project.branding.photo.file), alt: project.branding.photo.alt } : undefined,
    kickoff: project.kickoff ? resolveKickoff(project, programmes.kickoff, people, project.kickoff) : undefined,
    meetings: project.meetings.map((m, i) => resolveMeeting(project, programmes.meeting, people, situations, m, suffixes[i])),
    situations,
    training: project.training.map((t) => ({ ...resolveEvent(t), kind: t.kind })),
    learningSessions: project.learningSessions.map(resolveEvent),
    finalEvaluation: project.finalEvaluation ? resolveEvent(project.finalEvaluation) : undefined,
    results: { quoteFreeText: project.results.quoteFreeText },
  };
}
