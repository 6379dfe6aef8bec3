// The default programmes of the kick-off and the awareness meeting: timing, and nl/en alignment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../src/paths.js';

interface Part {
  id: string;
  title: string;
  minutes: number;
  kind: 'part' | 'break';
  who: string[];
  what: string;
  questions: string[];
}
interface KickoffPart extends Part {
  method: { online: string; 'in-person': string };
}
interface MeetingPart extends Part {
  leaderNotes: string[];
}
interface Kickoff {
  roles: { id: string; modes: string[] }[];
  preMeeting: { minutes: number };
  parts: KickoffPart[];
  debrief: { minutes: number };
  groundRules: string[];
  timeline: { moments: { id: string }[]; audiences: Record<string, string> };
}
interface Meeting {
  arriveMinutesBefore: number;
  briefing: { title: string; what: string };
  parts: MeetingPart[];
  debrief: { minutes: number };
  themes: { id: string }[];
  figures: { id: string }[];
  isNot: string[];
  groupSize: { min: number; max: number };
}
interface Evaluation {
  survey: { grades: { id: string }[]; open: { id: string }[] };
  final: { topics: { id: string; questions: string[] }[] };
}

const LANGS = ['nl', 'en'] as const;
const load = <T>(lang: string, file: string): T =>
  parse(readFileSync(join(packageRoot(), 'content', lang, `${file}.yaml`), 'utf8')) as T;
const total = (parts: Part[]) => parts.reduce((sum, part) => sum + part.minutes, 0);
const clock = (minutesAfterMidnight: number) =>
  `${Math.floor(minutesAfterMidnight / 60)}.${String(minutesAfterMidnight % 60).padStart(2, '0')}`;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe.each(LANGS)('kick-off (%s)', (lang) => {
  const kickoff = load<Kickoff>(lang, 'kickoff');

  it('runs from a 13.20 walk-in to 16.30, with every start time as in the handbook', () => {
    let at = 13 * 60 + 20;
    const starts = kickoff.parts.map((part) => {
      const start = clock(at);
      at += part.minutes;
      return start;
    });
    expect(starts).toEqual([
      '13.20', '13.30', '13.45', '14.05', '14.45', '15.00', '15.05', '15.10', '15.30', '15.45', '16.00', '16.10',
    ]);
    expect(clock(13 * 60 + 20 + total(kickoff.parts))).toBe('16.30');
    expect(kickoff.preMeeting.minutes).toBe(20); // 13.00 to 13.20
  });

  it('has two breaks, valid ids, and only known roles', () => {
    const roles = new Set(kickoff.roles.map((role) => role.id));
    expect(kickoff.parts.filter((part) => part.kind === 'break')).toHaveLength(2);
    for (const part of kickoff.parts) {
      expect(part.id).toMatch(SLUG);
      expect(part.who.length).toBeGreaterThan(0);
      for (const who of part.who) expect(roles, `${part.id}: ${who}`).toContain(who);
      expect(part.method.online && part.method['in-person'], part.id).toBeTruthy();
    }
  });

  it('has 5 to 8 ground rules', () => {
    expect(kickoff.groundRules.length).toBeGreaterThanOrEqual(5);
    expect(kickoff.groundRules.length).toBeLessThanOrEqual(8);
  });
});

describe.each(LANGS)('awareness meeting (%s)', (lang) => {
  const meeting = load<Meeting>(lang, 'meeting');

  it('lasts 150 minutes including the break', () => {
    expect(total(meeting.parts)).toBe(150);
    expect(meeting.parts.filter((part) => part.kind === 'break')).toHaveLength(1);
  });

  it('follows the handbook order and uses only leader and experts', () => {
    expect(meeting.parts.map((part) => part.id)).toEqual([
      'kennismaking', 'uitleg', 'achtergrond', 'pauze', 'praktijksituaties', 'afsluiting',
    ]);
    for (const part of meeting.parts) for (const who of part.who) expect(['leader', 'experts']).toContain(who);
    expect(meeting.groupSize).toEqual({ min: 4, max: 5 });
    expect(meeting.figures.length).toBeGreaterThanOrEqual(2);
    expect(meeting.figures.length).toBeLessThanOrEqual(4);
  });

  it('names self-stigma in the background part and in the pair’s preparation', () => {
    const word = lang === 'nl' ? 'zelfstigma' : 'self-stigma';
    const background = meeting.parts.find((part) => part.id === 'achtergrond')!;
    expect([background.what, ...background.questions, ...background.leaderNotes].join(' ')).toContain(word);
    expect(meeting.briefing.what).toContain(word);
  });

  it('gives the pair a real break right after their stories', () => {
    const order = meeting.parts.map((part) => part.id);
    expect(order.indexOf('pauze')).toBe(order.indexOf('achtergrond') + 1);
    expect(meeting.parts.find((part) => part.id === 'pauze')!.who).toEqual(['leader']);
  });

  it('names the three main themes by their ids in themes.yaml', () => {
    const themes = load<{ id: string }[]>(lang, 'themes').map((theme) => theme.id);
    expect(meeting.themes.map((theme) => theme.id)).toEqual(themes.slice(0, 3));
  });
});

describe('nl and en line up', () => {
  const ids = (items: { id: string }[]) => items.map((item) => item.id);

  it('kick-off', () => {
    const [nl, en] = LANGS.map((lang) => load<Kickoff>(lang, 'kickoff'));
    expect(ids(en.parts)).toEqual(ids(nl.parts));
    expect(en.parts.map((p) => [p.minutes, p.kind, p.who, p.questions.length])).toEqual(
      nl.parts.map((p) => [p.minutes, p.kind, p.who, p.questions.length]),
    );
    expect(ids(en.roles)).toEqual(ids(nl.roles));
    expect(en.roles.map((r) => r.modes)).toEqual(nl.roles.map((r) => r.modes));
    expect(ids(en.timeline.moments)).toEqual(ids(nl.timeline.moments));
    expect(Object.keys(en.timeline.audiences)).toEqual(['professionals', 'vrijwilligers', 'bewoners']);
    expect(Object.keys(nl.timeline.audiences)).toEqual(['professionals', 'vrijwilligers', 'bewoners']);
    expect(en.groundRules.length).toBe(nl.groundRules.length);
    expect([en.preMeeting.minutes, en.debrief.minutes]).toEqual([nl.preMeeting.minutes, nl.debrief.minutes]);
  });

  it('meeting', () => {
    const [nl, en] = LANGS.map((lang) => load<Meeting>(lang, 'meeting'));
    expect(ids(en.parts)).toEqual(ids(nl.parts));
    expect(en.parts.map((p) => [p.minutes, p.kind, p.who, p.questions.length, p.leaderNotes.length])).toEqual(
      nl.parts.map((p) => [p.minutes, p.kind, p.who, p.questions.length, p.leaderNotes.length]),
    );
    expect(ids(en.themes)).toEqual(ids(nl.themes));
    expect(ids(en.figures)).toEqual(ids(nl.figures));
    expect(en.isNot.length).toBe(nl.isNot.length);
    expect([en.arriveMinutesBefore, en.debrief.minutes]).toEqual([nl.arriveMinutesBefore, nl.debrief.minutes]);
  });

  it('evaluation', () => {
    const [nl, en] = LANGS.map((lang) => load<Evaluation>(lang, 'evaluation'));
    expect(ids(nl.survey.grades)).toEqual(['meeting', 'leader', 'experts']);
    expect(ids(en.survey.grades)).toEqual(ids(nl.survey.grades));
    expect(ids(en.survey.open)).toEqual(ids(nl.survey.open));
    expect(ids(en.final.topics)).toEqual(ids(nl.final.topics));
    expect(en.final.topics.map((t) => t.questions.length)).toEqual(nl.final.topics.map((t) => t.questions.length));
    for (const topic of nl.final.topics) {
      expect(topic.questions.length).toBeGreaterThanOrEqual(2);
      expect(topic.questions.length).toBeLessThanOrEqual(5);
    }
  });
});
