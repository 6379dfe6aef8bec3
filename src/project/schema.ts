// The neighbourhood file (`welkome-wijk.yaml`): one zod schema, the single source of truth for the
// file format, its TypeScript types and the JSON Schema that editors use.
// Messages are catalogue keys (`msg:...`), translated when errors are shown (see messages.ts).
import { z } from 'zod';
import { languageCodes, type Lang } from '../languages.js';

export const AUDIENCES = ['professionals', 'vrijwilligers', 'bewoners'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** A calendar date written as YYYY-MM-DD that exists (no 31 February). */
export const isoDate = z
  .string({ error: 'msg:expected_date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'msg:date_format', abort: true })
  .refine(isRealDate, { error: 'msg:date_not_real' })
  .describe('A date as YYYY-MM-DD, e.g. 2026-02-10.');

/** A clock time written as HH:MM, 24-hour. */
export const clockTime = z
  .string({ error: 'msg:expected_time' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'msg:time_format' })
  .describe('A time as HH:MM (24-hour), e.g. 19:30. Put it in quotes: "19:30".');

const text = z.string().trim().min(1, { error: 'msg:empty' });
const email = z.email({ error: 'msg:email' });
const phone = z
  .string()
  .regex(/^[+0-9][0-9 ()-]{5,}$/, { error: 'msg:phone' })
  .describe('A phone number, e.g. 024 123 45 67 or +31 24 123 4567.');
const url = z.url({ protocol: /^https?$/, error: 'msg:url' });
const slugId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'msg:id_format' })
  .describe('An id of lowercase letters, digits and hyphens, e.g. buurman-met-de-vogels.');

/** Minutes in five-minute steps, so every clock time on a programme is a round one. */
const fiveMinutes = (min: number, max: number, range?: string) =>
  z
    .int({ error: 'msg:expected_int' })
    .min(min, { error: range ?? 'msg:number_min' })
    .max(max, { error: range ?? 'msg:number_max' })
    .refine((n) => n % 5 === 0, { error: 'msg:five_minutes' });

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const venueSchema = z
  .strictObject({
    name: text.describe('Name of the place, e.g. Wijkcentrum De Klokketoren.'),
    address: text.describe('Street, number and town.'),
    accessibility: text.optional().describe('How accessible it is: wheelchair, lift, parking, public transport.'),
  })
  .describe('Where it happens.');

const personBase = {
  name: text.describe('Full name as it may appear on materials.'),
  organisation: text.optional(),
  email: email.optional(),
  phone: phone.optional(),
};

export const projectLeaderSchema = z.strictObject({ ...personBase, organisation: text });

export const projectGroupMemberSchema = z.strictObject({
  ...personBase,
  role: text.optional().describe('Role in the project group, e.g. gemeente sociaal domein, welzijn, ggz, woningcorporatie, ervaringsdeskundige.'),
});

const stringList = z.array(text);

const wantedChangesSchema = z.strictObject({
  rightAfter: stringList.default([]).describe('Changes wanted right after the meetings.'),
  afterOneYear: stringList.default([]).describe('Changes wanted after one year.'),
});

export const kickoffFindingsSchema = z
  .strictObject({
    reasons: stringList.default([]).describe('Why the area starts with Welkome Wijk.'),
    stigmaIssues: stringList.max(5, { error: 'msg:too_many_issues' }).default([]).describe('The main stigma issues in the area (the handbook asks for three).'),
    involved: stringList.default([]).describe('Who is involved: organisations, groups, key people.'),
    policies: stringList.default([]).describe('Policies and initiatives to connect with (inclusion agenda, Wmo, MHFA, ...).'),
    wantedChanges: z
      .strictObject({
        professionals: wantedChangesSchema.optional(),
        vrijwilligers: wantedChangesSchema.optional(),
        bewoners: wantedChangesSchema.optional(),
      })
      .default({}),
    preconditions: stringList.default([]).describe('What must be in place for the meetings to work.'),
  })
  .describe('What the kick-off yielded: used to choose practice situations and to brief the team.');

export const kickoffSchema = z
  .strictObject({
    date: isoDate,
    start: clockTime.describe('When the programme starts (the walk-in). The project team meets before it.'),
    mode: z.enum(['online', 'in-person'], { error: 'msg:enum' }).default('in-person'),
    venue: venueSchema.optional().describe('Required when the kick-off is in person.'),
    link: url.optional().describe('Meeting link; required when the kick-off is online.'),
    registration: z
      .strictObject({ email: email.optional(), phone: phone.optional(), url: url.optional(), deadline: isoDate.optional() })
      .optional()
      .describe("How to say you come, printed on the kick-off's invitation; without it, people reply to the project leader."),
    roles: z
      .strictObject({
        chair: text.optional(),
        host: text.optional(),
        chatWatcher: text.optional(),
        roomHost: text.optional(),
      })
      .default({})
      .describe('Who takes which role on the day (names).'),
    parts: z
      .array(z.strictObject({ id: slugId, minutes: z.int().min(0).max(240) }))
      .default([])
      .describe('Change the default length of kick-off parts by id (minutes; 0 leaves a part out).'),
    findings: kickoffFindingsSchema.default({
      reasons: [],
      stigmaIssues: [],
      involved: [],
      policies: [],
      wantedChanges: {},
      preconditions: [],
    }),
  })
  .describe('The kick-off (startbijeenkomst) for the broad local network.');

export const discussionLeaderSchema = z.strictObject({
  ...personBase,
});

export const livedExperienceSchema = z
  .strictObject({
    name: text.describe('First name or chosen name. Used in materials only when public is true.'),
    public: z.boolean({ error: 'msg:expected_boolean' }).default(false).describe('Consent to show the name on public materials (invitations, cards). Default false.'),
    profile: stringList.default([]).describe('Words that help form a complementary pair, e.g. introvert, extravert, man, vrouw.'),
    themes: stringList.default([]).describe('Themes they can speak about.'),
    avoidAreas: stringList.default([]).describe('Areas they do not want to appear in (private).'),
    email: email.optional().describe('Private: never printed on public materials.'),
    phone: phone.optional().describe('Private: never printed on public materials.'),
  })
  .describe('A person with lived experience (ervaringsdeskundige).');

export const registrationSchema = z
  .strictObject({
    email: email.optional(),
    phone: phone.optional(),
    url: url.optional().describe('A registration web page: printed as a QR code too.'),
    deadline: isoDate.optional().describe('Register before this date.'),
  })
  .describe('How to register: at least one of email, phone or url.');

/** When the meal is: before the programme, after it, or instead of the break in the middle. */
export const MEAL_TIMES = ['before', 'after', 'break'] as const;

export const mealSchema = z
  .strictObject(
    {
    when: z.enum(MEAL_TIMES, { error: 'msg:enum' }).default('before').describe('before (people eat first), after, or break (the meal is the break in the middle).'),
    minutes: fiveMinutes(15, 120).default(45).describe('How long the meal takes, in minutes (five-minute steps).'),
    },
    { error: 'msg:meal' },
  )
  .describe('A meal together.');

/** `meal: true` is a meal before the programme; `meal: false` none; or say when and how long. */
const mealField = z.preprocess(
  (value) => (value === true ? {} : value === false || value === null ? undefined : value),
  mealSchema.optional(),
);

/** A chosen practice situation: its id, or its id with why it fits this area (shown in the kick-off report). */
const situationRef = z.preprocess(
  (value) => (typeof value === 'string' ? { id: value } : value),
  z.strictObject({
    id: slugId,
    why: text.optional().describe('Why this situation fits what the kick-off found, in a sentence.'),
  }),
);

export const meetingSchema = z
  .strictObject({
    audience: z.enum(AUDIENCES, { error: 'msg:enum' }),
    date: isoDate,
    start: clockTime.describe('When participants are welcome: the meal, when it comes first, or the programme.'),
    durationMinutes: fiveMinutes(60, 240, 'msg:duration_range')
      .default(150)
      .describe("The programme's length in minutes, without a meal (the handbook: 150; five-minute steps)."),
    parts: z
      .array(z.strictObject({ id: slugId, minutes: fiveMinutes(0, 240) }))
      .default([])
      .describe("Set a part's length by id (minutes, five-minute steps); the other parts share the rest of durationMinutes."),
    venue: venueSchema,
    meal: mealField,
    expectedParticipants: z.int({ error: 'msg:expected_int' }).min(1, { error: 'msg:number_min' }).max(200, { error: 'msg:number_max' }).default(15),
    participantsWork: stringList.default([]).describe('For professionals: the kinds of work the participants do.'),
    registration: registrationSchema,
    leader: text.describe('Name of the discussion leader (from team.discussionLeaders).'),
    livedExperience: stringList.describe('Names of the pair of people with lived experience (from team.livedExperience).'),
    situations: z.array(situationRef).default([]).describe('The practice situations for the small groups: ids, or { id, why }.'),
  })
  .describe('One awareness meeting (bewustwordingsbijeenkomst) for one audience.');

export const ownSituationSchema = z
  .strictObject({
    id: slugId,
    title: text,
    audiences: z.array(z.enum(AUDIENCES, { error: 'msg:enum' })).min(1),
    themes: stringList.default([]),
    role: text.optional().describe("The participant's role in the story, e.g. Je bent buurman."),
    story: text,
    questions: stringList.min(1),
    tip: text.optional(),
  })
  .describe('A practice situation written for this neighbourhood (anonymised).');

export const brandingSchema = z
  .strictObject({
    organisations: stringList.default([]).describe('Organisation names for the footer.'),
    logo: text.optional().describe('Path to a PNG or JPEG logo, relative to this file.'),
    photo: z
      .strictObject({
        file: text.describe('Path to a PNG or JPEG, relative to this file.'),
        alt: text.describe('What the picture shows, for people who cannot see it.'),
      })
      .optional()
      .describe("A photo or drawing for the residents' invitation: the neighbourhood, a street, a table set for a meal."),
    accentColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { error: 'msg:colour' })
      .default('#0b6e69')
      .describe('Accent colour as #rrggbb.'),
  })
  .describe('Names and colours on the materials.');

/** A meeting of the project group or the team: a date, and when known the time and place. */
export const datedEventSchema = z.strictObject({
  date: isoDate,
  start: clockTime.optional(),
  durationMinutes: fiveMinutes(15, 600).optional().describe('How long it takes, in minutes.'),
  venue: venueSchema.optional(),
  link: url.optional().describe('The link, when it is online.'),
  title: text.optional(),
});

/** Step 2 of the handbook: the three training blocks for discussion leaders and people with lived experience. */
export const TRAINING_KINDS = ['webinar', 'instructiedag', 'terugkomdag'] as const;

export const trainingSchema = datedEventSchema
  .extend({ kind: z.enum(TRAINING_KINDS, { error: 'msg:enum' }).describe('webinar (leaders), instructiedag (leaders and experts together) or terugkomdag (after some months).') })
  .describe('A training block.');

export const projectSchema = z
  .strictObject({
    version: z.literal(1, { error: 'msg:version' }).default(1),
    // The language table decides which languages exist (read when this module loads: register first).
    language: z.enum(languageCodes() as [Lang, ...Lang[]], { error: 'msg:enum' }).default('nl').describe('The language of the materials.'),
    municipality: text,
    area: z.strictObject({
      name: text,
      kind: z.enum(['wijk', 'dorp', 'stadsdeel', 'gemeente'], { error: 'msg:enum' }),
      inhabitants: z.int({ error: 'msg:expected_int' }).positive({ error: 'msg:positive' }).optional(),
    }),
    organisers: z.strictObject({
      projectLeader: projectLeaderSchema,
      projectGroup: z.array(projectGroupMemberSchema).default([]),
    }),
    kickoff: kickoffSchema.optional(),
    team: z.strictObject({
      discussionLeaders: z.array(discussionLeaderSchema).min(1, { error: 'msg:need_leader' }),
      livedExperience: z.array(livedExperienceSchema).default([]),
    }),
    meetings: z.array(meetingSchema).default([]),
    situations: z.array(ownSituationSchema).default([]).describe("This file's own practice situations."),
    hideSituations: z.array(slugId).default([]).describe('Built-in practice situations not to offer.'),
    training: z.array(trainingSchema).default([]).describe('The training of discussion leaders and people with lived experience (step 2).'),
    learningSessions: z.array(datedEventSchema).default([]).describe('Learning sessions (intervisie) of the project group.'),
    finalEvaluation: datedEventSchema.optional().describe('Final group evaluation with the project group.'),
    results: z
      .strictObject({
        quoteFreeText: z
          .boolean({ error: 'msg:expected_boolean' })
          .default(false)
          .describe('Quote what participants wrote (take-aways, remarks) in the results report, with names taken out. Default false: only counted.'),
      })
      .default({ quoteFreeText: false })
      .describe('How `render results` reports the questionnaires.'),
    branding: brandingSchema.default({ organisations: [], accentColor: '#0b6e69' }),
    templates: text.optional().describe('A folder with your own templates, relative to this file; they win over the built-ins.'),
  })
  .describe('A Welkome Wijk neighbourhood project.');

export type Project = z.output<typeof projectSchema>;
export type ProjectInput = z.input<typeof projectSchema>;
export type Meeting = Project['meetings'][number];
export type LivedExperiencePerson = Project['team']['livedExperience'][number];
export type DiscussionLeader = Project['team']['discussionLeaders'][number];
export type Venue = z.output<typeof venueSchema>;
export type Kickoff = NonNullable<Project['kickoff']>;
export type OwnSituation = Project['situations'][number];
export type Meal = NonNullable<Meeting['meal']>;
export type DatedEvent = z.output<typeof datedEventSchema>;
export type Training = z.output<typeof trainingSchema>;
