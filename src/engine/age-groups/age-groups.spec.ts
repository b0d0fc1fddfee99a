import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ageBandProblems, ageOn, DEFAULT_AGE_BANDS, teamAgeGroup, type AgeBand } from './age-groups.js';

const REFERENCE = '2026-03-01';
/** A birth date whose age on REFERENCE is `age` by construction: before the date in the year, or after it. */
const bornAged = (age: number, birthdayPassed: boolean) =>
  birthdayPassed ? `${2026 - age}-01-15` : `${2026 - age - 1}-07-15`;

/** Ascending, non-overlapping bands within 14–35, built from distinct sorted cut points. */
const validBands = fc.uniqueArray(fc.integer({ min: 14, max: 35 }), { minLength: 1, maxLength: 12 }).chain((starts) => {
  const sorted = [...starts].sort((a, b) => a - b);
  return fc.tuple(
    ...sorted.map((from, i) => fc.integer({ min: from, max: (sorted[i + 1] ?? 36) - 1 }).map((to) => ({ from, to }))),
  );
});

describe('ageOn', () => {
  it('counts a birthday on the reference date, and 29 February', () => {
    expect(ageOn('2012-03-01', REFERENCE)).toBe(14);
    expect(ageOn('2012-03-02', REFERENCE)).toBe(13);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('teamAgeGroup: the oldest member decides', () => {
  it('the default bands, member by member (hand table)', () => {
    expect(teamAgeGroup([bornAged(14, true), bornAged(17, false)], REFERENCE, DEFAULT_AGE_BANDS)).toEqual({
      ageGroup: '14-17',
      oldestAge: 17,
    });
    // One 18-year-old makes a team of 15-year-olds play in 18-24.
    expect(teamAgeGroup([bornAged(15, true), bornAged(18, true)], REFERENCE, DEFAULT_AGE_BANDS).ageGroup).toBe('18-24');
    expect(teamAgeGroup([bornAged(29, false)], REFERENCE, DEFAULT_AGE_BANDS).ageGroup).toBe('25-29');
    expect(teamAgeGroup([bornAged(31, true)], REFERENCE, DEFAULT_AGE_BANDS)).toEqual({
      ageGroup: null,
      reason: 'outside-bands',
      oldestAge: 31,
    });
    // A cup that adds the youth law's upper band gives that team a group.
    expect(teamAgeGroup([bornAged(31, true)], REFERENCE, [...DEFAULT_AGE_BANDS, { from: 30, to: 35 }]).ageGroup).toBe(
      '30-35',
    );
  });

  it('an unknown birth date leaves the team without a group, even when the others are known', () => {
    expect(teamAgeGroup([bornAged(16, true), null], REFERENCE, DEFAULT_AGE_BANDS)).toEqual({
      ageGroup: null,
      reason: 'birth-date-unknown',
    });
    expect(teamAgeGroup([], REFERENCE, DEFAULT_AGE_BANDS)).toEqual({ ageGroup: null, reason: 'no-members' });
  });

  it('any bands, any members: the group is the band holding the largest constructed age', () => {
    fc.assert(
      fc.property(
        validBands,
        fc.array(fc.tuple(fc.integer({ min: 14, max: 35 }), fc.boolean()), { minLength: 1, maxLength: 4 }),
        (bands, members) => {
          const result = teamAgeGroup(
            members.map(([age, passed]) => bornAged(age, passed)),
            REFERENCE,
            bands,
          );
          const oldest = members.reduce((max, [age]) => (age > max ? age : max), 0);
          const holding = bands.filter((b) => b.from <= oldest && oldest <= b.to);
          expect(holding.length).toBeLessThanOrEqual(1);
          expect(result.ageGroup).toBe(holding.length === 1 ? `${holding[0].from}-${holding[0].to}` : null);
        },
      ),
    );
  });

  it('adding a member younger than the oldest never changes the group', () => {
    fc.assert(
      fc.property(validBands, fc.integer({ min: 15, max: 35 }), fc.nat(), (bands, oldest, younger) => {
        const team = [bornAged(oldest, true)];
        const grown = [...team, bornAged(14 + (younger % (oldest - 14)), false)];
        expect(teamAgeGroup(grown, REFERENCE, bands).ageGroup).toBe(teamAgeGroup(team, REFERENCE, bands).ageGroup);
      }),
    );
  });
});

describe('ageBandProblems', () => {
  it('accepts the defaults and every ascending, non-overlapping set within 14–35', () => {
    expect(ageBandProblems(DEFAULT_AGE_BANDS)).toEqual([]);
    fc.assert(fc.property(validBands, (bands) => expect(ageBandProblems(bands)).toEqual([])));
  });

  it('names the field of each broken rule', () => {
    expect(ageBandProblems([])).toEqual(['ageBands must hold at least one band']);
    expect(
      ageBandProblems([
        { from: 18, to: 24 },
        { from: 14, to: 17 },
      ]),
    ).toEqual(['ageBands.1.from must be above ageBands.0.to (bands ascending, not overlapping)']);
    expect(
      ageBandProblems([
        { from: 14, to: 18 },
        { from: 18, to: 24 },
      ]),
    ).toEqual(['ageBands.1.from must be above ageBands.0.to (bands ascending, not overlapping)']);
    expect(ageBandProblems([{ from: 12, to: 40 }])).toEqual([
      "ageBands.0.from must be within 14–35 (the youth law's range), got 12",
      "ageBands.0.to must be within 14–35 (the youth law's range), got 40",
    ]);
    expect(ageBandProblems([{ from: 20, to: 18.5 }])).toEqual([
      'ageBands.0.to must be a whole number of years',
      'ageBands.0.to must not be below ageBands.0.from',
    ]);
  });

  it('swapping two bands of a valid set is always refused', () => {
    fc.assert(
      fc.property(
        validBands.filter((b) => b.length >= 2),
        fc.nat(),
        (bands, at) => {
          const i = at % (bands.length - 1);
          const swapped = [...bands];
          [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
          expect(ageBandProblems(swapped as AgeBand[])).toContain(
            `ageBands.${i + 1}.from must be above ageBands.${i}.to (bands ascending, not overlapping)`,
          );
        },
      ),
    );
  });
});
