import { ageOn, DEFAULT_AGE_BANDS, teamAgeGroup, YOUTH_AGE_RANGE } from '../engine/age-groups/age-groups.js';

/** Age groups are data (src/engine/age-groups); these are names the team registry uses for the defaults. */
export type AgeGroup = string;
export const AGE_GROUP_PATTERN = /^\d{1,2}-\d{1,2}$/;

export interface MemberAgeProblem {
  index: number;
  age: number;
}

/**
 * At registration every member must be within the youth law's 14–35; the team's `ageGroup` is its group under the
 * default bands on its `eventDate` (null when its oldest member is 30–35: only a cup or championship with such a
 * band gives it a group there).
 */
export function registeredAgeGroup(
  birthDates: string[],
  eventDate: string,
): { ageGroup: AgeGroup | null; problems: MemberAgeProblem[] } {
  const problems = birthDates
    .map((date, index) => ({ index, age: ageOn(date, eventDate) }))
    .filter((p) => p.age < YOUTH_AGE_RANGE.min || p.age > YOUTH_AGE_RANGE.max);
  if (problems.length > 0) return { ageGroup: null, problems };
  return { ageGroup: teamAgeGroup(birthDates, eventDate, DEFAULT_AGE_BANDS).ageGroup, problems: [] };
}
