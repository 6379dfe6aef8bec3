// Every material, registered in one table: a function from the validated project to outputs.
// A new material touches only its own module and one line here.
import type { MaterialContext, MaterialOptions, Output } from './context.js';

export type MaterialId = 'invite' | 'kickoff' | 'schedule' | 'calendar' | 'cards' | 'evaluation';

export interface Material {
  id: MaterialId;
  /** One line for `--help`. */
  summary: string;
  /** Whether `--audience` narrows this material to one meeting. */
  perAudience: boolean;
  render(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]>;
}

/** Modules are imported on use, so commands load only what they render. */
export const MATERIALS: Record<MaterialId, Omit<Material, 'render'> & { load: () => Promise<Material['render']> }> = {
  invite: { id: 'invite', summary: 'invitations, one per audience', perAudience: true, load: async () => (await import('./invitation.js')).renderInvitations },
  kickoff: { id: 'kickoff', summary: 'kick-off agenda, run sheet and timeline worksheet', perAudience: false, load: async () => (await import('./kickoff.js')).renderKickoff },
  schedule: { id: 'schedule', summary: "each meeting's programme and run sheet, and the season overview", perAudience: true, load: async () => (await import('./schedule.js')).renderSchedules },
  calendar: { id: 'calendar', summary: 'calendar files (.ics) for the kick-off and each meeting', perAudience: true, load: async () => (await import('./calendar.js')).renderCalendars },
  cards: { id: 'cards', summary: 'handout cards: golden rules, contact tips, practice situations', perAudience: true, load: async () => (await import('./cards.js')).renderCards },
  evaluation: { id: 'evaluation', summary: 'evaluation forms per meeting and the final evaluation guide', perAudience: true, load: async () => (await import('./evaluation.js')).renderEvaluation },
};

export const MATERIAL_IDS = Object.keys(MATERIALS) as MaterialId[];
