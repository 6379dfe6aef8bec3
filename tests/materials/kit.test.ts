// The recruitment kit, the pair's briefing, the evening's list and badges and the follow-up worksheet
// (issue 16), read as their readers get them: PDF text via poppler, page sizes via pdfinfo, the
// picture's pixels from its PNG header, the texts as pasted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/content/kit.js';
import { checkReadability, describeFinding } from '../../src/content/readability.js';
import { sheetGeometry } from '../../src/document/imposition.js';
import type { Output } from '../../src/materials/context.js';
import { renderBriefings } from '../../src/materials/briefing.js';
import { renderEvening } from '../../src/materials/evening.js';
import { renderFollowUp } from '../../src/materials/followup.js';
import { renderRecruitment } from '../../src/materials/recruit.js';
import { CHANNEL_LIMITS, IMAGE_PX, renderSocial } from '../../src/materials/social.js';
import { writeDocument } from '../../src/writers/index.js';
import { EXAMPLES, flat, loadExample, pdfPages } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-kit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type DocumentOutput = Extract<Output, { kind: 'document' }>;
type FileOutput = Extract<Output, { kind: 'file' }>;

async function pdfOf(output: Output, prefix: string): Promise<{ text: string; info: string; path: string }> {
  if (output.kind !== 'document') throw new Error(`${output.name} is not a document`);
  const path = join(dir, `${prefix}-${output.name}.pdf`);
  writeFileSync(path, await writeDocument(output.document, 'pdf'));
  return { path, text: flat(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })), info: execFileSync('pdfinfo', [path], { encoding: 'utf8' }) };
}

const decode = (o: FileOutput) => new TextDecoder().decode(o.bytes);

describe.each(EXAMPLES)('%s', (example) => {
  const { ctx, project } = loadExample(example);
  const residents = project.meetings.find((m) => m.audience === 'bewoners')!;

  it('the poster comes on A4 and A3, with the date, the place, "free" and the short address', async () => {
    const outputs = await renderRecruitment(ctx, {});
    const sizes: Record<string, string> = { 'affiche-bewoners-a4': '595.276 x 841.89', 'affiche-bewoners-a3': '841.89 x 1190.55' };
    for (const [name, size] of Object.entries(sizes)) {
      const { text, info, path } = await pdfOf(outputs.find((o) => o.name === name)!, example);
      expect(info).toContain(`Page size:       ${size} pts`);
      expect(pdfPages(path), name).toBe(1);
      expect(text).toContain(residents.venue.name);
      expect(text.toLowerCase()).toContain(ctx.lang === 'nl' ? 'gratis' : 'free');
      // The date as the reader sees it: the day of the month and the year.
      expect(text).toContain(String(Number(residents.date.slice(8, 10))));
      if (residents.registration.url) expect(text.replace(/\s/g, '')).toContain(residents.registration.url.replace(/^https?:\/\//, ''));
      if (residents.meal) expect(text).toMatch(ctx.lang === 'nl' ? /eten/ : /eat/);
      else expect(text).not.toMatch(ctx.lang === 'nl' ? /eten we|samen eten/ : /we eat/i);
    }
  });

  it('the key figures get four cards with the two sentences to say', async () => {
    const cards = (await renderRecruitment(ctx, {})).find((o) => o.name === 'sleutelfiguren-bewoners') as DocumentOutput;
    const deck = cards.document.blocks[0];
    expect(deck.kind === 'cards' && deck.cards.length).toBe(4);
    const { text } = await pdfOf(cards, example);
    expect(text).toContain(residents.venue.name);
  });

  it('social texts fit their channel, read plainly, and come as plain text and Markdown', async () => {
    const files = (await renderSocial(ctx, {})) as FileOutput[];
    for (const channel of CHANNELS) {
      const plain = files.find((f) => f.name === `wervingstekst-bewoners-${channel}` && f.extension === 'txt')!;
      const markdown = files.find((f) => f.name === `wervingstekst-bewoners-${channel}` && f.extension === 'md')!;
      const text = decode(plain);
      expect(text.trim().length, `${channel}: ${text.length} characters`).toBeLessThanOrEqual(CHANNEL_LIMITS[channel]);
      // Plain text carries no markup and no escapes; the Markdown keeps its bold.
      expect(text).not.toMatch(/\*\*|\\|^#/m);
      expect(decode(markdown).replace(/\*\*/g, '').replace(/^# /m, '')).toBe(text);
      expect(text).toContain(residents.venue.name);
      const problems = checkReadability(text.split(/\n+/), ctx.lang).map(describeFinding);
      expect(problems, channel).toEqual([]);
    }
  });

  it('the square picture is exactly 1080 × 1080 pixels and the same bytes every time', async () => {
    const png = ((await renderSocial(ctx, {})) as FileOutput[]).find((f) => f.extension === 'png')!;
    const view = new DataView(png.bytes.buffer, png.bytes.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([IMAGE_PX, IMAGE_PX]);
    expect(IMAGE_PX).toBe(1080);
    const again = ((await renderSocial(ctx, {})) as FileOutput[]).find((f) => f.extension === 'png')!;
    expect(Buffer.from(again.bytes).equals(Buffer.from(png.bytes))).toBe(true);
  });

  it('the pair’s briefing names them, says when to arrive, their parts, the fee and whom to call', async () => {
    const letters = (await renderBriefings(ctx, {})) as DocumentOutput[];
    expect(letters).toHaveLength(project.meetings.length);
    for (const [i, meeting] of project.meetings.entries()) {
      const letter = letters[i];
      expect(letter.document.meta.visibility).toBe('team');
      const { text } = await pdfOf(letter, example);
      for (const name of meeting.livedExperience) expect(text).toContain(name);
      expect(text).toContain(meeting.venue.name);
      for (const s of ctx.meetings[i].situations) expect(text).toContain(flat(s.title));
      if (project.team.fee?.amount !== undefined) expect(text).toContain(`€ ${project.team.fee.amount}`);
      else expect(text).toMatch(ctx.lang === 'nl' ? /nog af te spreken/ : /still to be agreed/);
      if (project.organisers.projectLeader.phone) expect(text).toContain(project.organisers.projectLeader.phone);
    }
  });

  it('the attendance list and the badges are blank forms; badges come eight to an A4 sheet with cut marks', async () => {
    const outputs = (await renderEvening(ctx, {})) as DocumentOutput[];
    const badges = outputs.find((o) => o.name === 'naambadges')!;
    const deck = badges.document.blocks[0];
    if (deck.kind !== 'cards') throw new Error('badges are a deck');
    expect(deck.cards).toHaveLength(8);
    const geo = sheetGeometry(deck.layout);
    expect(geo.slots).toHaveLength(8);
    expect(geo.cutMarks.length).toBeGreaterThan(0);
    const { info, path } = await pdfOf(badges, example);
    expect(info).toContain('Page size:       595.276 x 841.89 pts');
    // One sheet: the fronts and their backs.
    expect(pdfPages(path)).toBe(2);
    const list = outputs.find((o) => o.name === 'presentielijst-bewoners')!;
    const { text } = await pdfOf(list, example);
    expect(text).toContain(ctx.lang === 'nl' ? 'Handtekening' : 'Signature');
    // Nobody's name is on it beforehand: not the pair's, not the leader's.
    for (const name of [...project.team.livedExperience.map((p) => p.name), residents.leader]) expect(text).not.toContain(name);
  });

  it('the follow-up worksheet lists the kick-off’s wanted changes and the handbook’s ways to carry on', async () => {
    const [sheet] = (await renderFollowUp(ctx)) as DocumentOutput[];
    const { text } = await pdfOf(sheet, example);
    const wanted = project.kickoff?.findings.wantedChanges;
    for (const audience of ['professionals', 'vrijwilligers', 'bewoners'] as const) {
      for (const item of [...(wanted?.[audience]?.rightAfter ?? []), ...(wanted?.[audience]?.afterOneYear ?? [])]) expect(text).toContain(flat(item));
    }
    expect(text).toContain('Mental Health First Aid');
    expect(text).toMatch(/Inclusi/);
  });
});
