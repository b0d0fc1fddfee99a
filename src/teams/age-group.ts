/** The programme's age groups; a team's group follows from its oldest member on the event date. */
export const AGE_GROUPS = ['14-17', '18-24', '25-29'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const MIN_AGE = 14;
export const MAX_AGE = 29;

/** Whole years between an ISO birth date and an ISO event date (a birthday on the event date counts). */
export function ageOn(birthDate: string, eventDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ey, em, ed] = eventDate.split('-').map(Number);
  const hadBirthday = em > bm || (em === bm && ed >= bd);
  return ey - by - (hadBirthday ? 0 : 1);
}

export function ageGroupOf(age: number): AgeGroup | undefined {
  if (age < MIN_AGE || age > MAX_AGE) return undefined;
  if (age <= 17) return '14-17';
  if (age <= 24) return '18-24';
  return '25-29';
}

export interface MemberAgeProblem {
  index: number;
  age: number;
}

/** Derives the team's group, or lists every member outside 14–29 so the 400 names each one. */
export function teamAgeGroup(
  birthDates: string[],
  eventDate: string,
): { ageGroup: AgeGroup; problems: [] } | { ageGroup: undefined; problems: MemberAgeProblem[] } {
  const ages = birthDates.map((date) => ageOn(date, eventDate));
  const problems = ages.flatMap((age, index) => (ageGroupOf(age) ? [] : [{ index, age }]));
  if (problems.length > 0 || ages.length === 0) return { ageGroup: undefined, problems };
  return { ageGroup: ageGroupOf(Math.max(...ages))!, problems: [] };
}
