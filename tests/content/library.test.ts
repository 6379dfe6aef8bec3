// Checks the shipped tips, practice situations and themes: shape, counts, nl/en parity and plain Dutch.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDirOf } from '../../src/languages.js';
import { describe, expect, it } from 'vitest';
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
  it('has at least twelve situations, at least four per audience, in both languages', () => {
    for (const lang of LANGS) {
      const situations = loadSituations(lang);
      expect(situations.length).toBeGreaterThanOrEqual(12);
      for (const audience of AUDIENCES) {
        expect(situations.filter((s) => s.audiences.includes(audience)).length, `${lang} ${audience}`).toBeGreaterThanOrEqual(4);
      }
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
