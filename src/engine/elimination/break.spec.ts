import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { breakTeams, type BreakRow } from './break.js';

const row = (teamId: string, rank: number, points: number, decidedBy: string | null): BreakRow => ({
  teamId,
  rank,
  points,
  decidedBy,
});

describe('breakTeams', () => {
  it('takes the top N and reports a tie at the cut-off with the rule that settled it', () => {
    const tab = [
      row('a', 1, 3, null),
      row('b', 2, 2, 'points'),
      row('c', 3, 2, 'speakerTotal'),
      row('d', 4, 1, 'points'),
    ];
    expect(breakTeams(tab, 2)).toEqual({
      seeds: ['a', 'b'],
      cutoffTie: { teamIds: ['b', 'c'], points: 2, decidedBy: 'speakerTotal' },
    });
    expect(breakTeams(tab, 3)).toEqual({ seeds: ['a', 'b', 'c'], cutoffTie: null });
  });

  it('says so when a shared rank straddles the line', () => {
    const tab = [row('a', 1, 3, null), row('b', 2, 2, 'points'), row('c', 2, 2, null), row('d', 4, 0, 'points')];
    expect(breakTeams(tab, 2).cutoffTie?.decidedBy).toMatch(/shared rank/);
  });

  it('breaks min(N, field) teams in tab order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 60 }),
        fc.integer({ min: 2, max: 64 }),
        (points, size) => {
          const sorted = [...points].sort((x, y) => y - x);
          const tab = sorted.map((p, i) => row(`t${i}`, i + 1, p, i ? 'points' : null));
          const result = breakTeams(tab, size);
          const place = new Map(tab.map((r, i) => [r.teamId, i]));
          // As many seeds as places (or teams), each a tab team once, in tab order, none below a team left out.
          expect(result.seeds).toHaveLength(Math.min(size, tab.length));
          expect(new Set(result.seeds).size).toBe(result.seeds.length);
          result.seeds.forEach((id, i) => expect(place.get(id)).toBe(i));
          const pointsOf = (id: string) => tab[place.get(id)!].points;
          const out = tab.filter((r) => !result.seeds.includes(r.teamId));
          for (const id of result.seeds) for (const r of out) expect(pointsOf(id)).toBeGreaterThanOrEqual(r.points);
          // A tie at the line: some team in and some team out share the lowest points that broke.
          const lowestIn = Math.min(...result.seeds.map(pointsOf));
          const shared = out.some((r) => r.points === lowestIn);
          expect(result.cutoffTie !== null).toBe(shared);
          if (result.cutoffTie)
            expect([...result.cutoffTie.teamIds].sort()).toEqual(
              tab
                .filter((r) => r.points === lowestIn)
                .map((r) => r.teamId)
                .sort(),
            );
        },
      ),
    );
  });
});
