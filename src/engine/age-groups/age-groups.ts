/**
 * Age groups as data. A cup or case championship carries its own bands (default 14–17 / 18–24 / 25–29); the law on
 * youth policy covers ages 14–35, so every band must lie within that range.
 *
 * The rule: a team's group is the band holding its OLDEST member's age on the event's reference date (an older
 * member never plays down). A member whose birth date is unknown could be the oldest, so such a team has no group
 * until the date is given; a team whose oldest member falls in no band has none either.
 */
export interface AgeBand {
  from: number;
  to: number;
}

export const YOUTH_AGE_RANGE = { min: 14, max: 35 } as const;
export const DEFAULT_AGE_BANDS: readonly AgeBand[] = [
  { from: 14, to: 17 },
  { from: 18, to: 24 },
  { from: 25, to: 29 },
];
export const MAX_AGE_BANDS = 12;

/** The group's name in URLs and rows: "14-17". */
export const bandKey = (band: AgeBand): string => `${band.from}-${band.to}`;

/** Every broken rule, each naming its field (`ageBands.1.from …`); empty when the bands may be stored. */
export function ageBandProblems(bands: readonly AgeBand[], field = 'ageBands'): string[] {
  if (bands.length === 0) return [`${field} must hold at least one band`];
  if (bands.length > MAX_AGE_BANDS) return [`${field} must hold at most ${MAX_AGE_BANDS} bands`];
  const problems: string[] = [];
  bands.forEach((band, i) => {
    for (const end of ['from', 'to'] as const) {
      const age = band[end];
      if (!Number.isInteger(age)) problems.push(`${field}.${i}.${end} must be a whole number of years`);
      else if (age < YOUTH_AGE_RANGE.min || age > YOUTH_AGE_RANGE.max)
        problems.push(
          `${field}.${i}.${end} must be within ${YOUTH_AGE_RANGE.min}–${YOUTH_AGE_RANGE.max} (the youth law's range), got ${age}`,
        );
    }
    if (band.from > band.to) problems.push(`${field}.${i}.to must not be below ${field}.${i}.from`);
    const previous = bands[i - 1];
    if (previous && band.from <= previous.to)
      problems.push(`${field}.${i}.from must be above ${field}.${i - 1}.to (bands ascending, not overlapping)`);
  });
  return problems;
}

/** Whole years between an ISO birth date and an ISO reference date (a birthday on that date counts). */
export function ageOn(birthDate: string, referenceDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ey, em, ed] = referenceDate.split('-').map(Number);
  const hadBirthday = em > bm || (em === bm && ed >= bd);
  return ey - by - (hadBirthday ? 0 : 1);
}

export function bandOf(age: number, bands: readonly AgeBand[]): AgeBand | undefined {
  return bands.find((band) => age >= band.from && age <= band.to);
}

export type TeamAgeGroup =
  | { ageGroup: string; oldestAge: number }
  | { ageGroup: null; reason: 'birth-date-unknown' | 'no-members' }
  | { ageGroup: null; reason: 'outside-bands'; oldestAge: number };

/** The team's group under these bands on the reference date, by its oldest member (see the rule above). */
export function teamAgeGroup(
  birthDates: readonly (string | null)[],
  referenceDate: string,
  bands: readonly AgeBand[],
): TeamAgeGroup {
  if (birthDates.length === 0) return { ageGroup: null, reason: 'no-members' };
  if (birthDates.some((date) => date === null)) return { ageGroup: null, reason: 'birth-date-unknown' };
  const oldestAge = Math.max(...birthDates.map((date) => ageOn(date!, referenceDate)));
  const band = bandOf(oldestAge, bands);
  return band ? { ageGroup: bandKey(band), oldestAge } : { ageGroup: null, reason: 'outside-bands', oldestAge };
}
