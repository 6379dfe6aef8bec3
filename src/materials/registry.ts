// Every material, registered in one table: a function from the resolved project to outputs. The CLI's
// commands and help, the render order, the manifest and the README's table are built from it; a new
// material touches only its own module and one entry here.
import type { MessageKey } from '../messages.js';
import type { MaterialContext, MaterialOptions, Output } from './context.js';

export interface Material {
  id: string;
  /** One line for `--help` and the README, from the message catalogue. */
  summary: MessageKey;
  /** How the CLI names what was written ("uitnodigingen: 6 bestanden"). */
  group: MessageKey;
  /** Whether `--audience` narrows this material to one meeting. */
  perAudience: boolean;
  /** What it produces: documents (written in the requested formats), calendars (always .ics) or ready files (texts, a picture). */
  produces: 'documents' | 'calendars' | 'files';
  /** The module is imported on use, so commands load only what they render. */
  load(): Promise<(ctx: MaterialContext, opts: MaterialOptions) => Promise<Output[]>>;
}

function material(m: Material): Material {
  return m;
}

export const MATERIALS = {
  invite: material({
    id: 'invite',
    summary: 'help_render_invite',
    group: 'material_invite',
    perAudience: true,
    produces: 'documents',
    load: async () => (await import('./invitation.js')).renderInvitations,
  }),
  kickoff: material({
    id: 'kickoff',
    summary: 'help_render_kickoff',
    group: 'material_kickoff',
    perAudience: false,
    produces: 'documents',
    load: async () => (await import('./kickoff.js')).renderKickoff,
  }),
  schedule: material({
    id: 'schedule',
    summary: 'help_render_schedule',
    group: 'material_schedule',
    perAudience: true,
    produces: 'documents',
    load: async () => (await import('./schedule.js')).renderSchedules,
  }),
  calendar: material({
    id: 'calendar',
    summary: 'help_render_calendar',
    group: 'material_calendar',
    perAudience: true,
    produces: 'calendars',
    load: async () => (await import('./calendar.js')).renderCalendars,
  }),
  cards: material({
    id: 'cards',
    summary: 'help_render_cards',
    group: 'material_cards',
    perAudience: true,
    produces: 'documents',
    load: async () => (await import('./cards.js')).renderCards,
  }),
  evaluation: material({
    id: 'evaluation',
    summary: 'help_render_evaluation',
    group: 'material_evaluation',
    perAudience: true,
    produces: 'documents',
    load: async () => (await import('./evaluation.js')).renderEvaluation,
  }),
  recruit: material({
    id: 'recruit',
    summary: 'help_render_recruit',
    group: 'material_recruit',
    perAudience: true,
    produces: 'documents',
    load: async () => (await import('./recruit.js')).renderRecruitment,
  }),
  social: material({
    id: 'social',
    summary: 'help_render_social',
    group: 'material_social',
    perAudience: true,
    produces: 'files',
    load: async () => (await import('./social.js')).renderSocial,
  }),
  briefing: material({
    id: 'briefing',
    summary: 'help_render_briefing',
    group: 'material_briefing',
    perAudience: true,
    produces: 'documents',
    load: async () => (await import('./briefing.js')).renderBriefings,
  }),
  evening: material({
    id: 'evening',
    summary: 'help_render_evening',
    group: 'material_evening',
    perAudience: true,
    produces: 'documents',
    load: async () => (await import('./evening.js')).renderEvening,
  }),
  followup: material({
    id: 'followup',
    summary: 'help_render_followup',
    group: 'material_followup',
    perAudience: false,
    produces: 'documents',
    load: async () => (await import('./followup.js')).renderFollowUp,
  }),
} as const;

export type MaterialId = keyof typeof MATERIALS;

export const MATERIAL_IDS = Object.keys(MATERIALS) as MaterialId[];
