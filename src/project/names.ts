// How names in the file refer to people: the same name in another case or with stray spaces is the
// same person ("ingrid willems" in a meeting means "Ingrid Willems" in the team).

/** The form of a name used to compare it. */
export function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase('nl');
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}
