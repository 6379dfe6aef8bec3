// The words of the recruitment kit, the pair's briefing, the evening's lists and badges and the
// follow-up action list (content/<lang>/kit.yaml); the running texts are templates in templates/<lang>/kit/.
import { z } from 'zod';
import { loadContentFile, type Lang } from './library.js';

const text = z
  .string()
  .refine((s) => s.trim().length > 0, 'must not be empty')
  .refine((s) => s.trim() === s, 'must not start or end with white space');

/** An object of texts with exactly these keys, so the compiler knows every word a material may use. */
function texts<const K extends string>(...keys: K[]) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, text])) as Record<K, typeof text>);
}

/** The channels a recruitment text is written for; each has its own template and length limit. */
export const CHANNELS = ['wijkkrant', 'nieuwsbrief', 'sociale-media', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];

const kitSchema = z.strictObject({
  materials: texts('poster', 'keyFigures', 'badges', 'attendance', 'briefing', 'followup', 'socialImage'),
  poster: texts('free', 'scan'),
  keyFigures: texts('kicker', 'title', 'when', 'where', 'printNote'),
  badges: texts('title', 'nameLabel', 'printNote'),
  attendance: texts('name', 'organisation', 'street', 'signature', 'email', 'count'),
  briefing: texts(
    'arrive',
    'programme',
    'where',
    'audience',
    'expected',
    'work',
    'meal',
    'leader',
    'pair',
    'yourParts',
    'situations',
    'fee',
    'expenses',
    'feeAmount',
    'notAgreed',
    'dayContact',
    'part',
    'time',
    'length',
  ),
  followup: texts('change', 'audience', 'when', 'owner', 'date', 'done', 'rightAfter', 'afterOneYear', 'nothing', 'option', 'what', 'explore').extend({
    options: z.array(z.strictObject({ title: text, what: text })).min(1),
  }),
  social: z.strictObject({
    channels: z.strictObject(Object.fromEntries(CHANNELS.map((c) => [c, text])) as Record<Channel, typeof text>),
    imageTitle: text,
    imageAlt: text,
  }),
});

export type KitTexts = z.output<typeof kitSchema>;

/** content/<lang>/kit.yaml. */
export function loadKit(lang: Lang): KitTexts {
  return loadContentFile(lang, 'kit.yaml', kitSchema);
}
