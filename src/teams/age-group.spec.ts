import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ageGroupOf, ageOn, teamAgeGroup } from './age-group.js';

describe('ageOn', () => {
  it('counts a birthday on the event date', () => {
    expect(ageOn('2010-03-15', '2024-03-15')).toBe(14);
    expect(ageOn('2010-03-15', '2024-03-14')).toBe(13);
  });

  it('handles 29 February birthdays', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('ageGroupOf', () => {
  it.each([
    [13, undefined],
    [14, '14-17'],
    [17, '14-17'],
    [18, '18-24'],
    [24, '18-24'],
    [25, '25-29'],
    [29, '25-29'],
    [30, undefined],
  ])('age %i → %s', (age, group) => expect(ageGroupOf(age)).toBe(group));

  it('every age in 14–29 falls in exactly one group', () => {
    fc.assert(fc.property(fc.integer({ min: 14, max: 29 }), (age) => expect(ageGroupOf(age)).toBeDefined()));
  });
});

describe('teamAgeGroup', () => {
  it('takes the oldest member', () => {
    expect(teamAgeGroup(['2009-01-01', '2004-06-01'], '2026-11-24')).toEqual({ ageGroup: '18-24', problems: [] });
  });

  it('names every member outside 14–29', () => {
    expect(teamAgeGroup(['2013-01-01', '2008-01-01', '1990-01-01'], '2026-11-24')).toEqual({
      ageGroup: undefined,
      problems: [
        { index: 0, age: 13 },
        { index: 2, age: 36 },
      ],
    });
  });
});
