// Schedule arithmetic: scaled meeting parts, clock times, the kick-off with overrides, small groups.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKickoffProgramme, loadMeetingProgramme } from '../../src/content/programme.js';
import {
  addMinutes,
  BREAK_MAX,
  BREAK_MIN,
  clockTimes,
  fromMinutes,
  kickoffTimes,
  planMeeting,
  type MeetingPlanInput,
  scaleParts,
  smallGroups,
  toMinutes,
} from '../../src/project/timing.js';

const parts = loadMeetingProgramme('nl').parts.map(({ id, minutes, kind }) => ({ id, minutes, kind }));
const minutesOf = (list: { minutes: number }[]) => list.map((p) => p.minutes);
const sum = (list: { minutes: number }[]) => list.reduce((a, p) => a + p.minutes, 0);
const spans = (start: string, total: number) => clockTimes(start, scaleParts(parts, total)).map((p) => `${p.start}-${p.end}`);

describe('clock', () => {
  it('adds minutes, also backwards and past midnight', () => {
    expect(addMinutes('19:30', 150)).toBe('22:00');
    expect(addMinutes('13:20', -20)).toBe('13:00');
    expect(addMinutes('23:30', 45)).toBe('00:15');
    expect(addMinutes('00:10', -20)).toBe('23:50');
    expect(addMinutes('9:05', 0)).toBe('09:05');
    expect(toMinutes('09:07')).toBe(547);
    expect(fromMinutes(547)).toBe('09:07');
  });

  it('rejects what is not a time', () => {
    expect(() => toMinutes('24:00')).toThrow();
    expect(() => toMinutes('19.30')).toThrow();
  });
});

describe('scaleParts', () => {
  it('keeps the default 150 minutes as they are', () => {
    expect(minutesOf(scaleParts(parts, 150))).toEqual([20, 10, 35, 15, 55, 15]);
  });

  it.each([
    [60, [8, 4, 14, 6, 22, 6]],
    [90, [12, 6, 21, 9, 33, 9]],
    [120, [16, 8, 28, 12, 44, 12]],
    [150, [20, 10, 35, 15, 55, 15]],
    [180, [24, 12, 42, 18, 66, 18]],
    [210, [28, 14, 49, 20, 78, 21]],
    [240, [33, 16, 57, 20, 90, 24]],
  ])('%i minutes', (total, expected) => {
    const scaled = scaleParts(parts, total);
    expect(minutesOf(scaled)).toEqual(expected);
    expect(scaled.map((p) => p.id)).toEqual(parts.map((p) => p.id));
  });

  it('keeps the break between 5 and 20 minutes', () => {
    const withShortBreak = [
      { id: 'a', minutes: 60, kind: 'part' as const },
      { id: 'b', minutes: 3, kind: 'break' as const },
      { id: 'c', minutes: 60, kind: 'part' as const },
    ];
    expect(minutesOf(scaleParts(withShortBreak, 100))).toEqual([48, 5, 47]);
  });

  it('gives rounding minutes to the largest remainders, ties to the longest part, then the earlier one', () => {
    const p = (id: string, minutes: number) => ({ id, minutes, kind: 'part' as const });
    expect(minutesOf(scaleParts([p('a', 1), p('b', 3)], 2))).toEqual([0, 2]);
    expect(minutesOf(scaleParts([p('a', 10), p('b', 10)], 3))).toEqual([2, 1]);
    expect(minutesOf(scaleParts([p('a', 10), p('b', 20)], 5))).toEqual([2, 3]);
  });

  it('leaves parts with 0 minutes out and keeps the extra fields', () => {
    const scaled = scaleParts(
      [
        { id: 'a', minutes: 0, kind: 'part' as const, title: 'A' },
        { id: 'b', minutes: 30, kind: 'part' as const, title: 'B' },
      ],
      45,
    );
    expect(scaled).toEqual([
      { id: 'a', minutes: 0, kind: 'part', title: 'A' },
      { id: 'b', minutes: 45, kind: 'part', title: 'B' },
    ]);
  });

  it('does not change its input', () => {
    const copy = structuredClone(parts);
    scaleParts(parts, 97);
    expect(parts).toEqual(copy);
  });
});

describe('a meeting on the clock: five-minute steps, parts set in the file, the meal placed', () => {
  const programme = loadMeetingProgramme('nl');
  const plan = (input: Partial<MeetingPlanInput> & { start: string }) =>
    planMeeting({ durationMinutes: 150, parts: [], ...input }, programme.parts, programme.meal);
  const clockOf = (p: ReturnType<typeof plan>) => p.items.map((i) => `${i.start}-${i.end}`);

  it.each([
    ['19:30', 150, ['19:30-19:50', '19:50-20:00', '20:00-20:35', '20:35-20:50', '20:50-21:45', '21:45-22:00']],
    ['13:30', 90, ['13:30-13:40', '13:40-13:45', '13:45-14:05', '14:05-14:15', '14:15-14:50', '14:50-15:00']],
    ['19:45', 120, ['19:45-20:00', '20:00-20:10', '20:10-20:40', '20:40-20:50', '20:50-21:35', '21:35-21:45']],
    // The Hoorn residents' 180 minutes read 17:30-17:54-18:06-18:48-19:06-20:12 before: now round times.
    ['17:30', 180, ['17:30-17:55', '17:55-18:05', '18:05-18:45', '18:45-19:05', '19:05-20:10', '20:10-20:30']],
  ])('from %s for %i minutes', (start, durationMinutes, expected) => {
    expect(clockOf(plan({ start, durationMinutes }))).toEqual(expected);
  });

  it('a part set in the file keeps its minutes; the others share the rest', () => {
    const p = plan({ start: '14:00', parts: [{ id: 'kennismaking', minutes: 15 }, { id: 'praktijksituaties', minutes: 65 }] });
    expect(p.items.map((i) => [i.id, i.minutes])).toEqual([
      ['kennismaking', 15],
      ['uitleg', 10],
      ['achtergrond', 30],
      ['pauze', 15],
      ['praktijksituaties', 65],
      ['afsluiting', 15],
    ]);
    expect(p.problems).toEqual([]);
    expect(p.end).toBe('16:30');
  });

  it('a meal before: participants come at the start, the programme begins after the meal', () => {
    const p = plan({ start: '17:30', meal: { when: 'before', minutes: 45 } });
    expect(p.items[0]).toMatchObject({ kind: 'meal', start: '17:30', end: '18:15' });
    expect(p.programme).toEqual({ start: '18:15', end: '20:45', minutes: 150 });
    expect(p.end).toBe('20:45');
  });

  it('a meal after: the programme first, then the meal', () => {
    const p = plan({ start: '10:00', meal: { when: 'after', minutes: 45 } });
    expect(p.programme).toEqual({ start: '10:00', end: '12:30', minutes: 150 });
    expect(p.meal).toMatchObject({ start: '12:30', end: '13:15' });
    expect(p.end).toBe('13:15');
  });

  it('a meal as the break: it takes the break’s place and its own length', () => {
    const p = plan({ start: '18:00', meal: { when: 'break', minutes: 40 } });
    expect(p.items.map((i) => i.id)).toEqual(['kennismaking', 'uitleg', 'achtergrond', 'maaltijd', 'praktijksituaties', 'afsluiting']);
    expect(p.meal).toMatchObject({ start: '19:05', end: '19:45' });
    expect(p.end).toBe('20:55');
  });

  it('reports what does not fit: unknown parts, too much set time, parts below their minimum', () => {
    expect(plan({ start: '19:30', parts: [{ id: 'bestaat-niet', minutes: 10 }] }).problems).toEqual([{ kind: 'unknown-part', index: 0, id: 'bestaat-niet' }]);
    expect(plan({ start: '19:30', parts: [{ id: 'praktijksituaties', minutes: 160 }] }).problems).toContainEqual({ kind: 'parts-too-long', fixed: 160, duration: 150 });
    // 60 minutes leaves too little for the life stories.
    expect(plan({ start: '19:30', durationMinutes: 60 }).problems).toContainEqual(expect.objectContaining({ kind: 'part-too-short', id: 'achtergrond' }));
    expect(plan({ start: '19:30', parts: [{ id: 'achtergrond', minutes: 10 }] }).problems).toContainEqual({ kind: 'part-too-short', id: 'achtergrond', minutes: 10, min: 20, index: 0 });
  });
});

describe('properties', () => {
  // Start times such that start + duration stays within the day (the meeting ends by 24:00).
  const meeting = fc
    .integer({ min: 60, max: 240 })
    .chain((duration) => fc.tuple(fc.constant(duration), fc.integer({ min: 0, max: 24 * 60 - duration })));

  it('any duration 60..240 from any start: contiguous, none negative, sum = duration, last end = start + duration', () => {
    fc.assert(
      fc.property(meeting, ([duration, startMinutes]) => {
        const start = fromMinutes(startMinutes);
        const scaled = scaleParts(parts, duration);
        expect(sum(scaled)).toBe(duration);
        for (const p of scaled) {
          expect(Number.isInteger(p.minutes)).toBe(true);
          expect(p.minutes).toBeGreaterThanOrEqual(0);
          if (p.kind === 'part') expect(p.minutes).toBeGreaterThan(0);
        }
        const brk = scaled.find((p) => p.kind === 'break');
        expect(brk!.minutes).toBeGreaterThanOrEqual(BREAK_MIN);
        expect(brk!.minutes).toBeLessThanOrEqual(BREAK_MAX);

        const timed = clockTimes(start, scaled);
        expect(timed[0].start).toBe(start);
        for (let i = 1; i < timed.length; i++) expect(timed[i].start).toBe(timed[i - 1].end);
        for (const p of timed) expect((toMinutes(p.end) - toMinutes(p.start) + 24 * 60) % (24 * 60)).toBe(p.minutes);
        const endMinutes = startMinutes + duration;
        expect(timed.at(-1)!.end).toBe(endMinutes === 24 * 60 ? '00:00' : fromMinutes(endMinutes));
        expect(timed.at(-1)!.end).toBe(addMinutes(start, duration));
      }),
      { numRuns: 500 },
    );
  });

  it('each part stays within one minute of its exact share of the non-break time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 240 }), (duration) => {
        const scaled = scaleParts(parts, duration);
        const brk = scaled.find((p) => p.kind === 'break')!.minutes;
        const defaultOthers = sum(parts.filter((p) => p.kind === 'part'));
        scaled.forEach((p, i) => {
          if (p.kind === 'break') return;
          const exact = (parts[i].minutes * (duration - brk)) / defaultOthers;
          expect(Math.abs(p.minutes - exact)).toBeLessThan(1);
        });
      }),
    );
  });

  it('small groups: sum to the participant count, sizes 4-5 from 8 (except 11), never above 5, even', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 }), (n, situations) => {
        const groups = smallGroups(n, situations);
        expect(groups.reduce((a, g) => a + g.size, 0)).toBe(n);
        const sizes = groups.map((g) => g.size);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        if (n >= 8 && n !== 11) for (const s of sizes) expect(s).toBeGreaterThanOrEqual(4);
        if (n <= 3) expect(groups).toHaveLength(1);
        expect(groups.map((g) => g.group)).toEqual(groups.map((_, i) => i + 1));
      }),
      { numRuns: 500 },
    );
  });

  it('small groups: different situations while there are enough, then cycling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 12 }), (n, situations) => {
        const groups = smallGroups(n, situations);
        const used = groups.map((g) => g.situation);
        const firstRound = used.slice(0, situations.length);
        expect(new Set(firstRound).size).toBe(firstRound.length);
        groups.forEach((g, i) => expect(g.situation).toBe(situations[i % situations.length]));
      }),
    );
  });
});

describe('smallGroups', () => {
  it.each([
    [1, [1]],
    [3, [3]],
    [5, [5]],
    [6, [3, 3]],
    [8, [4, 4]],
    [9, [5, 4]],
    [11, [4, 4, 3]],
    [12, [4, 4, 4]],
    [18, [5, 5, 4, 4]],
    [20, [5, 5, 5, 5]],
  ])('%i participants', (n, sizes) => {
    expect(smallGroups(n).map((g) => g.size)).toEqual(sizes);
  });

  it('hands out situations in order and has none without situations', () => {
    expect(smallGroups(18, ['x', 'y', 'z'])).toEqual([
      { group: 1, size: 5, situation: 'x' },
      { group: 2, size: 5, situation: 'y' },
      { group: 3, size: 4, situation: 'z' },
      { group: 4, size: 4, situation: 'x' },
    ]);
    expect(smallGroups(9)).toEqual([
      { group: 1, size: 5 },
      { group: 2, size: 4 },
    ]);
  });
});

describe('kick-off', () => {
  const programme = loadKickoffProgramme('nl');

  it('from 13:20 with the default parts: pre-meeting 13:00, ends at 16:30, debrief until 16:45', () => {
    const s = kickoffTimes({ start: '13:20', parts: [] }, programme);
    expect(s.preMeeting).toEqual({ start: '13:00', end: '13:20', minutes: 20 });
    expect(s.parts.map((p) => p.start)).toEqual(['13:20', '13:30', '13:45', '14:05', '14:45', '15:00', '15:05', '15:10', '15:30', '15:45', '16:00', '16:10']);
    expect(s.start).toBe('13:20');
    expect(s.end).toBe('16:30');
    expect(s.parts.at(-1)!.end).toBe('16:30');
    expect(s.debrief).toEqual({ start: '16:30', end: '16:45', minutes: 15 });
    expect(s.unknownOverrides).toEqual([]);
    expect(s.parts[0]).toHaveProperty('title');
  });

  it('applies overrides by id; 0 leaves a part out; unknown ids are reported', () => {
    const s = kickoffTimes(
      {
        start: '09:30',
        parts: [
          { id: 'uitleg', minutes: 30 },
          { id: 'pauze-2', minutes: 0 },
          { id: 'bestaat-niet', minutes: 5 },
        ],
      },
      programme,
    );
    expect(s.parts.map((p) => p.id)).not.toContain('pauze-2');
    expect(s.parts.find((p) => p.id === 'uitleg')!.minutes).toBe(30);
    // 190 default minutes - 10 (uitleg) - 10 (pauze-2) = 170 minutes from 09:30.
    expect(s.end).toBe('12:20');
    expect(s.preMeeting.start).toBe('09:10');
    expect(s.unknownOverrides).toEqual(['bestaat-niet']);
    for (let i = 1; i < s.parts.length; i++) expect(s.parts[i].start).toBe(s.parts[i - 1].end);
  });

  it('the English programme has the same times', () => {
    const en = kickoffTimes({ start: '13:20', parts: [] }, loadKickoffProgramme('en'));
    expect(en.end).toBe('16:30');
  });
});
