// What every material gets to work with, and the pieces they share: the fixed file date, page
// setup, footer, theme, and who may be named in public materials.
import { resolve } from 'node:path';
import { loadLabels } from '../content/labels.js';
import type { Document, PageSetup } from '../document/model.js';
import { sameName } from '../project/names.js';
import type { Audience, DiscussionLeader, LivedExperiencePerson, Meeting, Project } from '../project/schema.js';

export type Lang = 'nl' | 'en';

export interface MaterialContext {
  project: Project;
  /** The materials' language: the file's `language`. */
  lang: Lang;
  /** The date written into every file, so the same input gives the same bytes. */
  date: Date;
  /** The folder of the neighbourhood file; relative paths in it start here. */
  baseDir: string;
  /** Folders with the user's own templates, searched before the built-ins. */
  templateDirs: string[];
}

/** What a material produces: documents (written as PDF/DOCX) or ready-made files (calendars). */
export type Output =
  | { kind: 'document'; name: string; document: Document }
  | { kind: 'file'; name: string; bytes: Uint8Array };

export interface MaterialOptions {
  /** Only this audience's meeting, where a material is per meeting. */
  audience?: Audience;
}

/**
 * The date inside generated files: SOURCE_DATE_EPOCH when set (reproducible builds), else the
 * earliest date in the project, so it never depends on when the command runs.
 */
export function documentDate(project: Project, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const dates = [project.kickoff?.date, ...project.meetings.map((m) => m.date)].filter((d): d is string => !!d).sort();
  return new Date(`${dates[0] ?? '2026-01-01'}T00:00:00Z`);
}

export function createContext(project: Project, baseDir: string, extraTemplateDirs: string[] = []): MaterialContext {
  const templateDirs = [...extraTemplateDirs.map((d) => resolve(d))];
  if (project.templates) templateDirs.push(resolve(baseDir, project.templates));
  return { project, lang: project.language, date: documentDate(project), baseDir, templateDirs };
}

/** A person with lived experience may be named in public materials only with their consent. */
export function publicName(person: LivedExperiencePerson): string | undefined {
  return person.public ? person.name : undefined;
}

/** The people in a meeting's pair, looked up by name (the rules made sure they exist). */
export function pairOf(project: Project, names: string[]): LivedExperiencePerson[] {
  return names
    .map((n) => project.team.livedExperience.find((p) => sameName(p.name, n)))
    .filter((p): p is LivedExperiencePerson => !!p);
}

/** The meeting's discussion leader as listed in the team (with organisation and contact). */
export function leaderOf(project: Project, meeting: Meeting): DiscussionLeader | undefined {
  return project.team.discussionLeaders.find((l) => sameName(l.name, meeting.leader));
}

export interface BaseOptions {
  title: string;
  subject?: string;
  header?: string;
  size?: PageSetup['size'];
  orientation?: PageSetup['orientation'];
  marginsMm?: PageSetup['marginsMm'];
}

/** A document with the project's metadata, theme and footer; materials add the blocks. */
export function baseDocument(ctx: MaterialContext, opts: BaseOptions): Document {
  const { project } = ctx;
  const organisations = project.branding.organisations.length ? project.branding.organisations : [project.organisers.projectLeader.organisation];
  const logo = project.branding.logo ? resolve(ctx.baseDir, project.branding.logo) : undefined;
  return {
    meta: {
      title: opts.title,
      subject: opts.subject ?? `Welkome Wijk ${project.area.name}`,
      author: organisations.join(', '),
      language: ctx.lang,
      date: ctx.date,
      keywords: ['Welkome Wijk', project.municipality, project.area.name],
    },
    page: {
      size: opts.size ?? 'A4',
      orientation: opts.orientation ?? 'portrait',
      marginsMm: opts.marginsMm ?? [17, 19, 19, 19],
      header: opts.header,
      logo: logo ? { path: logo, heightMm: 11, alt: loadLabels(ctx.lang).logoAlt } : undefined,
      footer: { text: organisations.join(' · '), pageLabel: loadLabels(ctx.lang).pageLabel },
    },
    theme: { accent: project.branding.accentColor },
    blocks: [],
    allowedFiles: logo ? [logo] : [],
  };
}
