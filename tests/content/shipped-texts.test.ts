// Every text the package ships (content/ and templates/, both languages) passes the language check.
import { describe, expect, it } from 'vitest';
import { checkShippedTexts, listShippedTextFiles } from '../../src/content/language.js';

describe('shipped texts', () => {
  it('covers the content files and leaves the word lists out', () => {
    const files = listShippedTextFiles().map((file) => file.replaceAll('\\', '/'));
    for (const name of ['kickoff', 'meeting', 'evaluation']) {
      expect(files.some((file) => file.endsWith(`content/nl/${name}.yaml`))).toBe(true);
      expect(files.some((file) => file.endsWith(`content/en/${name}.yaml`))).toBe(true);
    }
    expect(files.some((file) => file.endsWith('/words.yaml'))).toBe(false);
  });

  it('use no stigmatising words', () => {
    expect(checkShippedTexts()).toEqual([]);
  });
});
