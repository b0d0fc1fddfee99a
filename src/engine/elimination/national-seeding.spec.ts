import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createEliminationBracket } from './single-elimination.js';
import { seedNationalBracket, type NationalQualifier } from './national-seeding.js';

const REGIONS = ['south', 'north', 'west', 'central', 'east', 'r6', 'r7', 'r8'];

function qualifiers(regions: number, slots: number): NationalQualifier[] {
  return REGIONS.slice(0, regions).flatMap((regionCode) =>
    Array.from({ length: slots }, (_, place) => ({
      teamId: `${regionCode}-${place + 1}`,
      regionCode,
      regionalPlace: place + 1,
    })),
  );
}

function firstRoundPairs(seeds: string[]): [string, string][] {
  const bracket = createEliminationBracket(seeds);
  return bracket.rounds[0].matches.filter((m) => !m.bye).map((m) => m.teamIds as [string, string]);
}

/** Brute force on small fields: can any seed order of the same tiers keep every first-round pair mixed? */
function avoidable(list: NationalQualifier[]): boolean {
  const seeds = createEliminationBracket(list.map((q) => q.teamId));
  const pairs = seeds.rounds[0].matches.filter((m) => !m.bye).map((m) => m.seeds as [number, number]);
  const region = (teamId: string) => list.find((q) => q.teamId === teamId)!.regionCode;
  const used = new Array(list.length).fill(false);
  const assignment: string[] = new Array(list.length);
  const place = (i: number): boolean => {
    if (i === list.length) return pairs.every(([a, b]) => region(assignment[a - 1]) !== region(assignment[b - 1]));
    for (let j = 0; j < list.length; j++) {
      if (used[j]) continue;
      used[j] = true;
      assignment[i] = list[j].teamId;
      if (place(i + 1)) return true;
      used[j] = false;
    }
    return false;
  };
  return list.length <= 8 ? place(0) : true;
}

describe('seedNationalBracket', () => {
  it('seeds five champions above five runners-up and keeps regions apart in the first round', () => {
    const seeding = seedNationalBracket(qualifiers(5, 2), 'cup-2026');
    const champions = seeding.seeds.slice(0, 5);
    expect(champions.every((id) => id.endsWith('-1'))).toBe(true);
    expect(seeding.seeds.slice(5).every((id) => id.endsWith('-2'))).toBe(true);
    for (const [a, b] of firstRoundPairs(seeding.seeds)) expect(a.split('-')[0]).not.toBe(b.split('-')[0]);
    expect(seeding.constraintsBroken).toEqual([]);
    expect(seedNationalBracket(qualifiers(5, 2), 'cup-2026')).toEqual(seeding);
  });

  it('never pairs a region with itself in round one when some order avoids it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.string(),
        (regions, slots, seed) => {
          const list = qualifiers(regions, slots);
          const seeding = seedNationalBracket(list, seed);
          expect([...seeding.seeds].sort()).toEqual(list.map((q) => q.teamId).sort());
          const clashes = firstRoundPairs(seeding.seeds).filter(([a, b]) => a.split('-')[0] === b.split('-')[0]);
          expect(clashes.length).toBe(seeding.constraintsBroken.length);
          if (list.length <= 8 && avoidable(list)) expect(clashes).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
