// Checks the shipped tips, practice situations and themes: shape, counts, nl/en parity and plain Dutch.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDirOf } from '../../src/languages.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  AUDIENCES,
  GOLDEN_RULE_IDS,
  LANGS,
  loadContentFile,
  loadSituations,
  loadThemes,
  loadTips,
} from '../../src/content/library.js';
import { InternalError } from '../../src/errors.js';

/** Sentences as B1 counts them: a colon or semicolon also starts a new clause a reader must hold. */
function sentences(text: string): string[] {
  return text
    .split(/[.!?:;]+/)
    .map((part) => part.trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
}

function wordCount(sentence: string): number {
  return sentence.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** First names of everyone an example names as a person: project leader, project group, kick-off roles, team. */
function exampleTeamFirstNames(): Set<string> {
  const dir = join(import.meta.dirname, '..', '..', 'examples');
  const names = new Set<string>();
  const add = (name: unknown) => {
    if (typeof name === 'string' && name.trim()) names.add(name.trim().split(/\s+/)[0]!);
  };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const project = parse(readFileSync(join(dir, file), 'utf8')) as {
      organisers?: { projectLeader?: { name?: string }; projectGroup?: { name?: string }[] };
      kickoff?: { roles?: Record<string, string> };
      team?: { discussionLeaders?: { name?: string }[]; livedExperience?: { name?: string }[] };
    };
    add(project.organisers?.projectLeader?.name);
    for (const p of project.organisers?.projectGroup ?? []) add(p.name);
    for (const name of Object.values(project.kickoff?.roles ?? {})) add(name);
    for (const p of [...(project.team?.discussionLeaders ?? []), ...(project.team?.livedExperience ?? [])]) add(p.name);
  }
  return names;
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

describe('contentDirOf', () => {
  it('points at the package content/ folder with both languages', () => {
    for (const lang of LANGS) expect(existsSync(join(contentDirOf(lang), 'tips.yaml'))).toBe(true);
  });
});

describe('golden rules and contact tips', () => {
  it('has the six golden rules in the fixed order, in both languages', () => {
    for (const lang of LANGS) {
      expect(loadTips(lang).goldenRules.map((rule) => rule.id)).toEqual([...GOLDEN_RULE_IDS]);
    }
  });

  it('spells each acronym with the initials of its words', () => {
    for (const lang of LANGS) {
      for (const rule of loadTips(lang).goldenRules) {
        expect(rule.words.map((word) => word[0]!.toUpperCase()).join(''), rule.id).toBe(rule.acronym);
        expect(rule.acronym).toMatch(/^[A-Z]+$/);
      }
    }
  });

  it('heads the rules as the handbook does, and keeps the acronym in the English headings', () => {
    expect(loadTips('nl').goldenRules.map((rule) => rule.heading)).toEqual([
      'Laat OMA thuis',
      'Gebruik LSD',
      'Neem ANNA mee',
      'Smeer NIVEA',
      'Wees een OEN',
      'Maak je niet DIK',
    ]);
    for (const rule of loadTips('en').goldenRules) expect(rule.heading, rule.id).toContain(rule.acronym);
  });

  it('keeps acronym, words and expansion Dutch in English, and adds a translation', () => {
    const nl = byId(loadTips('nl').goldenRules);
    for (const rule of loadTips('en').goldenRules) {
      const dutch = nl.get(rule.id)!;
      expect(rule.acronym).toBe(dutch.acronym);
      expect(rule.words).toEqual(dutch.words);
      expect(rule.expansion).toBe(dutch.expansion);
      expect(rule.translation, rule.id).toBeTruthy();
    }
  });

  it('has at least seven contact tips with the same ids in nl and en', () => {
    const nl = loadTips('nl').contactTips.map((tip) => tip.id);
    const en = loadTips('en').contactTips.map((tip) => tip.id);
    expect(nl.length).toBeGreaterThanOrEqual(7);
    expect(new Set(nl).size).toBe(nl.length);
    expect(en).toEqual(nl);
  });

  it('covers the topics of the handbook appendix', () => {
    const ids = loadTips('nl').contactTips.map((tip) => tip.id);
    for (const id of ['groeten', 'contact-opbouwen', 'als-er-iets-is', 'begeleiders', 'bezoek', 'gelijkwaardig', 'schaamte']) {
      expect(ids).toContain(id);
    }
  });
});

describe('practice situations', () => {
  it('has at least thirty situations, at least eight per audience, in both languages', () => {
    for (const lang of LANGS) {
      const situations = loadSituations(lang);
      expect(situations.length).toBeGreaterThanOrEqual(30);
      for (const audience of AUDIENCES) {
        expect(situations.filter((s) => s.audiences.includes(audience)).length, `${lang} ${audience}`).toBeGreaterThanOrEqual(8);
      }
    }
  });

  it('covers addiction, suspicion, restlessness, coming home, openness and contributing', () => {
    const themes = ['verslaving', 'achterdocht', 'onrust', 'na-een-opname', 'open-over-zichzelf', 'iets-bijdragen'];
    for (const lang of LANGS) {
      const situations = loadSituations(lang);
      for (const theme of themes) expect(situations.filter((s) => s.themes.includes(theme)).length, `${lang} ${theme}`).toBeGreaterThanOrEqual(1);
    }
  });

  it('uses no first name of anyone on an example team as a character', () => {
    const names = exampleTeamFirstNames();
    expect(names.size).toBeGreaterThan(20);
    for (const lang of LANGS) {
      for (const s of loadSituations(lang)) {
        const text = [s.title, s.role, s.story, ...s.questions, s.tip].join(' ');
        // Case-sensitive: "Mark" the name, not "mark" the grade.
        const used = [...names].filter((name) => new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u').test(text));
        expect(used, `${lang} ${s.id}`).toEqual([]);
      }
    }
  });

  it('asks what the person could do themselves only where neighbours are really bothered', () => {
    const asks = { nl: /zelf kunnen doen/i, en: /\bdo (?:him|her|them)sel(?:f|ves)\b/i };
    for (const lang of LANGS) {
      const wrong = loadSituations(lang)
        .filter((s) => s.questions.some((q) => asks[lang].test(q)) && !s.themes.includes('last-van-elkaar'))
        .map((s) => s.id);
      expect(wrong, lang).toEqual([]);
    }
  });

  it("asks professionals for a neighbour's view too", () => {
    const neighbour = { nl: /\bwoonde\b|\b(?:buurman|buurvrouw) was\b|\bzelf .*\b(?:speelde|deed)\b/i, en: /\bif \w+ (?:lived|played|did)\b|\bwere your neighbour\b/i };
    for (const lang of LANGS) {
      const missing = loadSituations(lang)
        .filter((s) => s.audiences.includes('professionals') && !s.questions.some((q) => neighbour[lang].test(q)))
        .map((s) => s.id);
      expect(missing, lang).toEqual([]);
    }
  });

  it('addresses residents as neighbours, not as volunteers or in a job', () => {
    const job = { nl: /\bals (?:vrijwilliger|medewerker|professional)\b/i, en: /\bas a (?:volunteer|professional|member of staff)\b/i };
    for (const lang of LANGS) {
      const wrong = loadSituations(lang)
        .filter((s) => s.audiences.includes('bewoners') && [s.role, ...s.questions].some((t) => job[lang].test(t)))
        .map((s) => s.id);
      expect(wrong, lang).toEqual([]);
    }
  });

  it('has unique ids and 3-4 questions per situation', () => {
    for (const lang of LANGS) {
      const situations = loadSituations(lang);
      expect(new Set(situations.map((s) => s.id)).size).toBe(situations.length);
      for (const situation of situations) {
        expect(situation.questions.length, situation.id).toBeGreaterThanOrEqual(3);
        expect(situation.questions.length, situation.id).toBeLessThanOrEqual(4);
      }
    }
  });

  it('has the same ids, audiences, themes and origin in nl and en', () => {
    const nl = loadSituations('nl');
    const en = byId(loadSituations('en'));
    expect([...en.keys()]).toEqual(nl.map((s) => s.id));
    for (const situation of nl) {
      const english = en.get(situation.id)!;
      expect(english.audiences, situation.id).toEqual(situation.audiences);
      expect(english.themes, situation.id).toEqual(situation.themes);
      expect(english.origin, situation.id).toBe(situation.origin);
      expect(english.questions.length, situation.id).toBe(situation.questions.length);
      expect(english.tip === undefined, situation.id).toBe(situation.tip === undefined);
    }
  });

  it('retells the four handbook situations and adds at least eight new ones', () => {
    const situations = loadSituations('nl');
    const handbook = situations.filter((s) => s.origin === 'handbook').map((s) => s.id).sort();
    expect(handbook).toEqual(['drukke-dora', 'naakt-voor-het-raam', 'stille-chris', 'vogels-voeren']);
    expect(situations.filter((s) => s.origin === 'new').length).toBeGreaterThanOrEqual(8);
    expect(situations.every((s) => s.origin === 'handbook' || s.origin === 'new')).toBe(true);
  });

  it('tells each story in four to eight sentences', () => {
    for (const lang of LANGS) {
      for (const situation of loadSituations(lang)) {
        // Count full stops only: a quoted question inside a sentence is not a new sentence here.
        const count = situation.story.split(/[.!?](?=\s+[\p{Lu}‘’]|\s*$)/u).filter((s) => s.trim()).length;
        expect(count, `${lang} ${situation.id}`).toBeGreaterThanOrEqual(4);
        expect(count, `${lang} ${situation.id}`).toBeLessThanOrEqual(8);
      }
    }
  });
});

describe('themes', () => {
  it('has the three main themes and the same ids in nl and en', () => {
    const nl = loadThemes('nl').map((theme) => theme.id);
    expect(nl).toEqual(expect.arrayContaining(['buurtbewoner-zijn', 'huis-als-thuis', 'regie-en-ongeschreven-regels']));
    expect(new Set(nl).size).toBe(nl.length);
    expect(loadThemes('en').map((theme) => theme.id)).toEqual(nl);
  });

  it('knows every theme a situation uses, and every theme is used', () => {
    for (const lang of LANGS) {
      const themeIds = new Set(loadThemes(lang).map((theme) => theme.id));
      const used = new Set(loadSituations(lang).flatMap((s) => s.themes));
      for (const id of used) expect(themeIds.has(id), `${lang} ${id}`).toBe(true);
      for (const id of themeIds) expect(used.has(id), `${lang} unused theme ${id}`).toBe(true);
    }
  });
});

describe('plain Dutch for residents (B1)', () => {
  const MAX_WORDS = 20;

  function longSentences(texts: (string | undefined)[]): string[] {
    return texts
      .filter((text): text is string => text !== undefined)
      .flatMap(sentences)
      .filter((sentence) => wordCount(sentence) > MAX_WORDS);
  }

  it('keeps sentences in the residents’ situations short', () => {
    const forResidents = loadSituations('nl').filter((s) => s.audiences.includes('bewoners'));
    const texts = forResidents.flatMap((s) => [s.title, s.role, s.story, ...s.questions, s.tip]);
    expect(longSentences(texts)).toEqual([]);
  });

  it('keeps sentences in the tips short', () => {
    const tips = loadTips('nl');
    const texts = [
      ...tips.goldenRules.flatMap((rule) => [rule.expansion, rule.explanation, rule.example]),
      ...tips.contactTips.flatMap((tip) => [tip.title, tip.text, tip.example]),
    ];
    expect(longSentences(texts)).toEqual([]);
  });
});

describe('language', () => {
  // A safety net for these files only; the full language check lives elsewhere.
  const AVOID = [
    'gestoord', 'gestoorde', 'gek', 'gekke', 'gekken', 'knettergek', 'psychopaat', 'idioot',
    'schizofreen', 'depressieveling', 'borderliner', 'patiënt', 'patiënten', 'patient', 'patients',
    'cliënt', 'cliënten', 'client', 'clients', 'zorgmijder', 'zorgmijders', 'verward', 'verwarde',
    'verwarden', 'zwakzinnig', 'zwakbegaafd', 'junk', 'junks', 'junkie', 'zwerver', 'zwervers',
    'lijdt aan', 'lijden aan', 'slachtoffer van', 'crazy', 'mad', 'insane', 'lunatic', 'psycho',
    'nutter', 'schizo', 'tramp', 'suffers from', 'suffering from', 'mentally ill',
  ];
  const pattern = new RegExp(`(?<![\\p{L}])(?:${AVOID.join('|')})(?![\\p{L}])`, 'iu');

  it('uses none of the stigmatising words in the shipped files', () => {
    for (const lang of LANGS) {
      for (const file of ['tips.yaml', 'situations.yaml', 'themes.yaml']) {
        const lines = readFileSync(join(contentDirOf(lang), file), 'utf8').split('\n');
        const hits = lines.filter((line) => pattern.test(line)).map((line) => `${lang}/${file}: ${line.trim()}`);
        expect(hits).toEqual([]);
      }
    }
  });
});

describe('loadContentFile', () => {
  it('reports a shipped file that does not match its schema as an InternalError naming file and path', () => {
    const tooStrict = z.array(z.strictObject({ id: z.string() }));
    let caught: unknown;
    try {
      loadContentFile('nl', 'themes.yaml', tooStrict);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InternalError);
    expect((caught as Error).message).toContain('content/nl/themes.yaml');
    expect((caught as Error).message).toContain('[0]');
  });

  it('reports a missing shipped file as an InternalError', () => {
    expect(() => loadContentFile('en', 'no-such-file.yaml', z.unknown())).toThrow(InternalError);
  });

  it('caches per file but hands out independent copies', () => {
    const first = loadSituations('nl');
    first[0]!.title = 'changed';
    first.pop();
    const second = loadSituations('nl');
    expect(second[0]!.title).not.toBe('changed');
    expect(second.length).toBe(first.length + 1);
  });
});
