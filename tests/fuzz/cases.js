// Fuzz cases for `welkome-wijk validate`: neighbourhood files generated from the shape of the
// format (mostly right, sometimes wrong) and real examples mutated the ways files get broken:
// typed over, badly indented, tabbed, truncated, saved in another encoding, made hostile.
// Shared by the 10,000-case script (run.js) and the few hundred cases in `npm test`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const EXAMPLES = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readFileSync(join(root, 'examples', f), 'utf8'));

const AUDIENCES = ['professionals', 'vrijwilligers', 'bewoners'];
const SITUATIONS = ['vogels-voeren', 'stille-chris', 'de-volle-schuur', 'muziek-in-de-nacht', 'naakt-voor-het-raam', 'een-huis-vol-spullen'];
const NAMES = ['Ingrid Willems', 'Peter Bos', 'Marco', 'Esther', 'Lotte', 'Yusuf', 'Renée', 'Anouk de Vries', 'Ömer Şahin', 'Zoë'];

/** Any value at all, for a field that gets the wrong kind. */
const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);
/** Mostly the right kind of value, now and then anything. */
const maybe = (arb) => fc.oneof({ weight: 12, arbitrary: arb }, { weight: 1, arbitrary: junk });
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Nijmegen', 'Heseveld', 'Wijkcentrum De Linde', 'Lindeplein 4, 6602 AA Wijchen', "'s-Hertogenbosch", 'Welzijn Wijchen') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }) },
);
const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const email = fc.constantFrom('anna@example.nl', 'info@welzijn.example', 'geen-adres', 'a@b');
const slug = fc.oneof(fc.constantFrom(...SITUATIONS), fc.stringMatching(/^[a-z]{2,8}(-[a-z]{2,8}){0,2}$/));

const venue = fc.record({ name: maybe(text), address: maybe(text), accessibility: text }, { requiredKeys: ['name', 'address'] });

/** A project whose meetings refer to people it lists, so a fair share of cases are valid. */
const project = fc
  .record({
    leaders: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }),
    people: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 4 }),
  })
  .chain(({ leaders, people }) =>
    fc.record(
      {
        version: maybe(fc.constant(1)),
        language: maybe(fc.constantFrom('nl', 'en')),
        municipality: maybe(text),
        area: maybe(fc.record({ name: maybe(text), kind: maybe(fc.constantFrom('wijk', 'dorp', 'stadsdeel', 'gemeente')), inhabitants: maybe(fc.integer({ min: 1, max: 100000 })) }, { requiredKeys: ['name', 'kind'] })),
        organisers: fc.record({ projectLeader: fc.record({ name: maybe(text), organisation: maybe(text), email: maybe(email) }, { requiredKeys: ['name', 'organisation'] }) }),
        kickoff: fc.record({ date: maybe(date), start: maybe(time), mode: maybe(fc.constantFrom('online', 'in-person')), venue, link: fc.constantFrom('https://meet.example.nl/x', 'meet.example.nl') }, { requiredKeys: ['date', 'start'] }),
        team: fc.record({
          discussionLeaders: fc.constant(leaders.map((name) => ({ name }))),
          livedExperience: fc.constant(people.map((name) => ({ name }))),
        }),
        meetings: fc.array(
          fc.record(
            {
              audience: maybe(fc.constantFrom(...AUDIENCES)),
              date: maybe(date),
              start: maybe(time),
              durationMinutes: maybe(fc.integer({ min: 30, max: 300 })),
              venue: maybe(venue),
              meal: maybe(fc.boolean()),
              registration: maybe(fc.record({ email, deadline: date }, { requiredKeys: [] })),
              leader: maybe(fc.constantFrom(...leaders)),
              livedExperience: fc.subarray(people, { maxLength: Math.min(3, people.length) }),
              situations: fc.array(slug, { maxLength: 4 }),
            },
            { requiredKeys: ['audience', 'date', 'start', 'venue', 'registration', 'leader', 'livedExperience'] },
          ),
          { maxLength: 4 },
        ),
        hideSituations: fc.array(slug, { maxLength: 2 }),
        branding: fc.record({ accentColor: maybe(fc.constantFrom('#0b6e69', '#123456', 'red')) }, { requiredKeys: [] }),
      },
      { requiredKeys: ['municipality', 'area', 'organisers', 'team'] },
    ),
  );

/** Characters that break YAML, or that a hostile file might hold. */
const TROUBLE = ['\t', ':', ': ', '- ', '"', "'", '#', ' #', '%', '&a ', '*a', '!', '|', '>', '[', ']', '{', '}', ',', '?', '@', '`', '\\', '\u001b[31m', '\u0007', '\u0000', '\r', '\u202e', '\ufeff', 'é', '😀', '\u0085', '<<: *a', '---', '...'];

/** One way a file gets broken, applied at a relative position in the text. */
const mutation = fc.oneof(
  // Whole-file changes are few: some of them make files of megabytes, which take a second each.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert'), at: fc.double({ min: 0, max: 1, noNaN: true }), what: fc.oneof(fc.constantFrom(...TROUBLE), fc.string({ unit: 'binary', maxLength: 4 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete'), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('dupLine', 'dropLine', 'swapLines', 'indent', 'dedent', 'tabIndent', 'truncate'), at: fc.double({ min: 0, max: 1, noNaN: true }), n: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('firstLineIndent', 'crOnly', 'crlf', 'secondDocument', 'deepNesting', 'manyLines', 'aliasBomb', 'mergeBomb', 'longLine'), n: fc.integer({ min: 1, max: 4 }) }) },
);

function lineAt(lines, at) {
  return Math.min(lines.length - 1, Math.floor(at * lines.length));
}

/** Apply one mutation to YAML text. */
export function mutate(source, m) {
  const lines = source.split('\n');
  const i = m.at === undefined ? 0 : lineAt(lines, m.at);
  const pos = m.at === undefined ? 0 : Math.floor(m.at * source.length);
  switch (m.kind) {
    case 'insert':
      return source.slice(0, pos) + m.what + source.slice(pos);
    case 'delete':
      return source.slice(0, pos) + source.slice(pos + m.length);
    case 'dupLine':
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    case 'dropLine':
      lines.splice(i, m.n);
      return lines.join('\n');
    case 'swapLines': {
      const j = Math.min(lines.length - 1, i + m.n);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 'indent':
      lines[i] = ' '.repeat(m.n) + lines[i];
      return lines.join('\n');
    case 'dedent':
      lines[i] = lines[i].replace(new RegExp(`^ {1,${m.n}}`), '');
      return lines.join('\n');
    case 'tabIndent':
      lines[i] = lines[i].replace(/^ {1,4}/, '\t');
      return lines.join('\n');
    case 'truncate':
      return source.slice(0, pos);
    case 'firstLineIndent': {
      const first = lines.findIndex((l) => /^[^\s#]/.test(l));
      if (first >= 0) lines[first] = ' '.repeat(m.n) + lines[first];
      return lines.join('\n');
    }
    case 'crOnly':
      return source.replace(/\n/g, '\r');
    case 'crlf':
      return source.replace(/\n/g, '\r\n');
    case 'secondDocument':
      return `${source}\n---\nmunicipality: Tweede\n`;
    case 'deepNesting':
      return `${source}\nx: ${'['.repeat(500 * m.n)}\n`;
    case 'manyLines':
      return source.replace(/^meetings:\n/m, `meetings:\n${'  - 1\n'.repeat(2500 * m.n)}`);
    case 'aliasBomb':
      return `${source}\nb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from({ length: 3 + m.n }, (_, k) => `b${k + 1}: &b${k + 1} [${Array(9).fill(`*b${k}`).join(', ')}]`).join('\n')}\n`;
    case 'mergeBomb':
      return `%YAML 1.1\n---\n${source}\nbase: &base\n${Array.from({ length: 2000 * m.n }, (_, k) => `  k${k}: v\n`).join('')}more:\n${'  - <<: *base\n'.repeat(50)}`;
    case 'longLine':
      return source.replace('municipality:', `municipality: ${'x'.repeat(50000 * m.n)}`);
    default:
      throw new Error(`unknown mutation ${m.kind}`);
  }
}

/** How the text becomes bytes: UTF-8 mostly, sometimes the way Windows tools save it. */
const encoding = fc.oneof({ weight: 20, arbitrary: fc.constant('utf8') }, { weight: 1, arbitrary: fc.constantFrom('utf8-bom', 'latin1', 'utf16le', 'utf16le-bom', 'utf16be-bom') });

export function encode(text, how) {
  switch (how) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'latin1':
      return Buffer.from(text, 'latin1');
    case 'utf16le':
      return Buffer.from(text, 'utf16le');
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    default:
      throw new Error(`unknown encoding ${how}`);
  }
}

/** A generated project as YAML, sometimes with all strings quoted. */
const generated = fc.tuple(project, fc.boolean()).map(([p, quoted]) => stringify(p, quoted ? { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } : {}));
const example = fc.nat({ max: EXAMPLES.length - 1 }).map((k) => EXAMPLES[k]);

/** One fuzz case: a name that says how it was made, and the bytes of the file. */
export const fuzzCase = fc
  .record({
    origin: fc.oneof({ weight: 1, arbitrary: generated.map((text) => ['generated', text]) }, { weight: 2, arbitrary: example.map((text) => ['example', text]) }),
    mutations: fc.array(mutation, { maxLength: 3 }),
    encoding,
  })
  .map(({ origin: [kind, text], mutations, encoding: how }) => ({
    name: [kind, ...mutations.map((m) => m.kind), how].join('+'),
    bytes: encode(mutations.reduce(mutate, text), how),
  }));

/** Cases are made up front from a seed, so a run can be repeated exactly. */
export function fuzzCases(seed, count) {
  return fc.sample(fuzzCase, { seed, numRuns: count });
}
