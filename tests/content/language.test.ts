// Tests for the language check: whole words with Dutch letters, phrases across lines, both languages.
import { describe, expect, it } from 'vitest';
import { checkLanguage, loadWordList } from '../../src/content/language.js';
import { LANGS } from '../../src/content/library.js';

const words = (text: string, lang: 'nl' | 'en' = 'nl') => checkLanguage(text, lang).map((f) => f.word);

describe('checkLanguage (nl)', () => {
  it('finds listed words as whole words, in any case', () => {
    expect(words('Die buurman is gewoon gek.')).toEqual(['gek']);
    expect(words('GESTOORD gedrag, zei ze.')).toEqual(['GESTOORD']);
    expect(words('Een Zorgmijder? Nee, een buurman.')).toEqual(['Zorgmijder']);
    expect(words('de junks bij het station')).toEqual(['junks']);
  });

  it('reports position, the alternative and the reason', () => {
    const [finding] = checkLanguage('Beste buren,\n\nonze  knettergek buurman', 'nl');
    expect(finding).toMatchObject({ word: 'knettergek', index: 20, line: 3, column: 7 });
    expect(finding.instead).toContain('psychische kwetsbaarheid');
    expect(finding.why.length).toBeGreaterThan(10);
  });

  it('does not trip on longer words that merely start or end the same', () => {
    expect(words('Een gekleurd schilderij, geknipt en geplakt, gekookt ei.')).toEqual([]);
    expect(words('Hij draagt een gekke hoed op een gekke dag.')).toEqual([]);
    expect(words('De cliëntenraad en de patiëntenvereniging')).toEqual([]);
    expect(words('Iemand met schizofrenie woont hier al jaren.')).toEqual([]);
    expect(words('Zwerfvuil en junkfood.')).toEqual([]);
  });

  it('treats accented letters as letters, not as word boundaries', () => {
    // With \b, é and ë count as boundaries and "gek" would be found inside these words.
    expect(words('Zij is een echte cafégek.')).toEqual([]);
    expect(words('gekë')).toEqual([]);
    expect(words('Geen enkele naïefgek hier.')).toEqual([]);
  });

  it('matches words with Dutch letters, also when the letter is typed as base + combining mark', () => {
    expect(words('Een cliënt van de ggz.')).toEqual(['cliënt']);
    expect(words('PSYCHIATRISCHE PATIËNT')).toEqual(['PSYCHIATRISCHE PATIËNT']);
    const decomposed = 'Mijn buurman, een clie\u0308nt, groet altijd.';
    const [finding] = checkLanguage(decomposed, 'nl');
    expect(finding.word).toBe('clie\u0308nt');
    expect(finding.index).toBe(decomposed.indexOf('clie'));
    expect(finding.column).toBe(decomposed.indexOf('clie') + 1);
  });

  it('matches phrases across any whitespace, including line breaks', () => {
    const text = 'Er liep een verwarde\n    man door de straat.';
    const [finding] = checkLanguage(text, 'nl');
    expect(finding).toMatchObject({ word: 'verwarde\n    man', line: 1, column: 13 });
    expect(words('Zij lijdt\taan een depressie.')).toEqual(['lijdt\taan']);
    expect(words('een psychiatrische\r\npatiënt')).toEqual(['psychiatrische\r\npatiënt']);
  });

  it('reports an overlapping phrase once, by its longest listed form', () => {
    expect(words('een ggz-cliënt in de flat')).toEqual(['ggz-cliënt']);
    expect(words('een ggz cliënt in de flat')).toEqual(['ggz cliënt']);
  });

  it('leaves the alternatives the approach prefers alone', () => {
    const text =
      'Iemand die in de war lijkt, iemand met verward gedrag, een buurvrouw met een depressie, ' +
      'iemand die verslaafd is, een buurman die leeft met schizofrenie.';
    expect(words(text)).toEqual([]);
  });

  it('returns nothing for an empty text', () => {
    expect(checkLanguage('', 'nl')).toEqual([]);
  });
});

describe('checkLanguage (en)', () => {
  it('finds listed words and phrases', () => {
    expect(words('My neighbour is a nutter.', 'en')).toEqual(['nutter']);
    expect(words('Help for The Mentally Ill', 'en')).toEqual(['The Mentally Ill']);
    expect(words('She suffers\nfrom depression.', 'en')).toEqual(['suffers\nfrom']);
    expect(words('a confused   person in the park, a junkie, a schizo', 'en')).toEqual([
      'confused   person',
      'junkie',
      'schizo',
    ]);
    expect(words('a Mental Patient', 'en')).toEqual(['Mental Patient']);
    expect(words('he was a real head case', 'en')).toEqual(['head case']);
  });

  it('does not trip on related everyday words', () => {
    const text =
      'Please be patient. Mental health matters. Psychology and psychotherapy help a person with ' +
      'schizophrenia; addiction is treatable; crazily enough, lunaticism is not a word.';
    expect(words(text, 'en')).toEqual([]);
  });

  it('does not apply the Dutch list to English text or the other way round', () => {
    expect(words('a gek in the street', 'en')).toEqual([]);
    expect(words('een nutter', 'nl')).toEqual([]);
  });
});

describe('the word lists', () => {
  it.each(LANGS)('%s: every suggested alternative passes the check itself', (lang) => {
    for (const entry of loadWordList(lang)) {
      expect(checkLanguage(entry.instead, lang), entry.instead).toEqual([]);
    }
  });

  it.each(LANGS)('%s: lists every form only once', (lang) => {
    const forms = loadWordList(lang).flatMap((entry) => entry.avoid.map((word) => word.toLowerCase()));
    expect(forms.filter((form, i) => forms.indexOf(form) !== i)).toEqual([]);
  });

  it.each(LANGS)('%s: finds every listed form in a sentence', (lang) => {
    for (const entry of loadWordList(lang)) {
      for (const word of entry.avoid) {
        expect(words(`(${word}).`, lang), word).toEqual([word]);
      }
    }
  });
});
