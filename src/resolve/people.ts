// Everyone the file names, resolved once, with one answer to "may this person be named here?".
// A person with lived experience who did not consent (`public: false`) is never named in a public
// material, whatever other role the file gives the same name (chair, host, leader, contact).
import { nameKey } from '../project/names.js';
import type { Project } from '../project/schema.js';
import type { Visibility } from '../document/model.js';

export type { Visibility } from '../document/model.js';

/** A person as materials see them. Contact details of people with lived experience never get here. */
export interface Person {
  /** The name as written in the file. Print it only through `shown()`. */
  readonly name: string;
  readonly organisation?: string;
  readonly email?: string;
  readonly phone?: string;
  /** False for a person with lived experience who did not consent, in whatever role the name appears. */
  readonly nameable: boolean;
}

/** What a document of a given visibility may show of a person; all fields absent when nothing may. */
export interface ShownPerson {
  name?: string;
  organisation?: string;
  email?: string;
  phone?: string;
}

/** The names of people with lived experience who did not agree to be named (compared by `nameKey`). */
export function privateNames(project: Project): Set<string> {
  return new Set(project.team.livedExperience.filter((p) => !p.public).map((p) => nameKey(p.name)));
}

export class People {
  private readonly hidden: Set<string>;

  constructor(project: Project) {
    this.hidden = privateNames(project);
  }

  /** A person in an organising role (leader, chair, contact); contact details as the file gives them. */
  person(name: string, details: { organisation?: string; email?: string; phone?: string } = {}): Person {
    return { name, ...details, nameable: !this.hidden.has(nameKey(name)) };
  }

  /** Someone with lived experience: name only (their e-mail, phone and avoided areas stay in the file). */
  livedExperience(entry: Project['team']['livedExperience'][number]): Person {
    return { name: entry.name, nameable: entry.public && !this.hidden.has(nameKey(entry.name)) };
  }
}

/**
 * What a document may show of `person`. Team documents (run sheets) show everything; public ones
 * show nothing of a person who may not be named, not even an e-mail address that could give them away.
 */
export function shown(person: Person | undefined, visibility: Visibility): ShownPerson {
  if (!person) return {};
  if (visibility === 'public' && !person.nameable) return { organisation: person.organisation };
  return { name: person.name, organisation: person.organisation, email: person.email, phone: person.phone };
}

/** The name a document may print, or undefined. */
export function shownName(person: Person | undefined, visibility: Visibility): string | undefined {
  return shown(person, visibility).name;
}
