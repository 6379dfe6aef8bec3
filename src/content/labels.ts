// The short words on the materials (audience names, fact labels), from content/<lang>/labels.yaml.
import { z } from 'zod';
import { loadContentFile, type Lang } from './library.js';

const audienceLabel = z.strictObject({ name: z.string(), people: z.string(), invitee: z.string() });

const labelsSchema = z.strictObject({
  audiences: z.strictObject({ professionals: audienceLabel, vrijwilligers: audienceLabel, bewoners: audienceLabel }),
  areaKinds: z.strictObject({ wijk: z.string(), dorp: z.string(), stadsdeel: z.string(), gemeente: z.string() }),
  facts: z.record(z.string(), z.string()),
  materials: z.record(z.string(), z.string()),
  mealText: z.string(),
  costText: z.string(),
  qrCaption: z.string(),
  qrAlt: z.string(),
  logoAlt: z.string(),
});

export type Labels = z.output<typeof labelsSchema>;

export function loadLabels(lang: Lang): Labels {
  return loadContentFile(lang, 'labels.yaml', labelsSchema);
}
