// The short words on the materials (audience names, fact labels), from content/<lang>/labels.yaml.
import { z } from 'zod';
import { loadContentFile, type Lang } from './library.js';

const audienceLabel = z.strictObject({ name: z.string(), people: z.string(), invitee: z.string() });

/** An object of texts with exactly these keys: the compiler then knows every label a material may use. */
function texts<const K extends string>(...keys: K[]) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, z.string().min(1)])) as Record<K, z.ZodString>);
}

const areaWord = texts('the', 'The', 'plural');

const labelsSchema = z.strictObject({
  audiences: z.strictObject({ professionals: audienceLabel, vrijwilligers: audienceLabel, bewoners: audienceLabel }),
  areaKinds: z.strictObject({ wijk: z.string(), dorp: z.string(), stadsdeel: z.string(), gemeente: z.string() }),
  /** The area kind with its article and in the plural, for texts that name it ("Het dorp in beeld"). */
  areaWords: z.strictObject({ wijk: areaWord, dorp: areaWord, stadsdeel: areaWord, gemeente: areaWord }),
  facts: texts('when', 'where', 'address', 'duration', 'accessibility', 'meal', 'cost', 'register', 'email', 'phone', 'website', 'deadline', 'organiser', 'contact', 'link', 'leader', 'experts', 'participants', 'notes'),
  materials: texts(
    'invitation',
    'meetingName',
    'kickoffName',
    'goldenRule',
    'contactTip',
    'practiceSituation',
    'goldenRulesDeck',
    'contactTipsDeck',
    'situationsDeck',
    'evaluationForm',
    'finalEvaluationGuide',
    'kickoffInvitation',
    'kickoffReport',
  ),
  /** The meal with its clock times, by when it is: {start}, {end}, {programme} (when the programme starts). */
  mealText: texts('before', 'after', 'break'),
  costText: z.string(),
  pageLabel: z.string(),
  qrCaption: z.string(),
  qrAlt: z.string(),
  logoAlt: z.string(),
  /** The name in the brand lockup. */
  wordmark: z.string().min(1),
  /** In the margin of a card sheet: how to print and cut it. */
  cardPrintNote: z.string().min(1),
  /** Above the short address under a flyer's QR code. */
  qrOrType: z.string().min(1),
  /** Agendas, run sheets, worksheet and season overview: column heads, fact labels, document titles. */
  schedule: z.strictObject({
    audience: z.string(),
    time: z.string(),
    part: z.string(),
    who: z.string(),
    method: z.string(),
    questions: z.string(),
    role: z.string(),
    name: z.string(),
    task: z.string(),
    toBeDecided: z.string(),
    date: z.string(),
    programme: z.string(),
    team: z.string(),
    mode: z.string(),
    modeOnline: z.string(),
    modeInPerson: z.string(),
    online: z.string(),
    link: z.string(),
    arrive: z.string(),
    expected: z.string(),
    participantOne: z.string(),
    participantMany: z.string(),
    work: z.string(),
    group: z.string(),
    groupSize: z.string(),
    situation: z.string(),
    notChosen: z.string(),
    what: z.string(),
    unnamedOne: z.string(),
    unnamedMany: z.string(),
    leaderNotes: z.string(),
    notesWentWell: z.string(),
    notesBetter: z.string(),
    notesFollowUp: z.string(),
    learningSession: z.string(),
    finalEvaluation: z.string(),
    internal: z.string(),
    agendaTitle: z.string(),
    kickoffRunSheetTitle: z.string(),
    worksheetTitle: z.string(),
    programmeTitle: z.string(),
    meetingRunSheetTitle: z.string(),
    seasonTitle: z.string(),
  }),
  /** The training blocks of step 2, by kind. */
  training: texts('webinar', 'instructiedag', 'terugkomdag'),
  /** One plain line per awareness-meeting part (by id in meeting.yaml; a test checks every part has one). */
  meetingPartLines: z.record(z.string(), z.string()),
});

export type Labels = z.output<typeof labelsSchema>;

export function loadLabels(lang: Lang): Labels {
  return loadContentFile(lang, 'labels.yaml', labelsSchema);
}
