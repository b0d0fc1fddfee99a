import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { drawBritishParliamentary } from './bp-draw.js';
import { seededRandom, type DrawTeam } from './power-pairing.js';

const SIDES = ['OG', 'OO', 'CG', 'CO'];

function simulate(n: number, rounds: number, seed: string) {
  const random = seededRandom(`bp:${seed}`);
  const teams: DrawTeam[] = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, points: 0, speakerTotal: 0, sideCounts: {}, opponents: [] }));
  const byId = new Map(teams.map((t) => [t.id, t]));
  const draws = [];
  for (let round = 1; round <= rounds; round++) {
    const draw = drawBritishParliamentary({ sides: SIDES, roundNumber: round, seed, teams });
    draws.push(draw);
    for (const debate of draw.debates) {
      const order = [...debate.teams].sort(() => random() - 0.5);
      order.forEach((seat, rank) => {
        const team = byId.get(seat.teamId)!;
        team.points += 3 - rank;
        team.speakerTotal += 150 + Math.round(random() * 20);
        team.sideCounts[seat.side] = (team.sideCounts[seat.side] ?? 0) + 1;
      });
    }
  }
  return { teams, draws };
}

describe('drawBritishParliamentary', () => {
  it('refuses a field that is not a multiple of four', () => {
    expect(() => drawBritishParliamentary({ sides: SIDES, roundNumber: 1, seed: 's', teams: simulate(8, 0, 's').teams.slice(0, 6) })).toThrow(
      /multiple of four/,
    );
  });

  it('fills rooms of four with every position once and keeps position histories even', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 8 }), fc.string({ maxLength: 6 }), (rooms, rounds, seed) => {
        const n = rooms * 4;
        const { teams, draws } = simulate(n, rounds, seed);
        for (const draw of draws) {
          const seen = draw.debates.flatMap((d) => d.teams.map((t) => t.teamId));
          expect(seen.sort()).toEqual(teams.map((t) => t.id).sort());
          for (const debate of draw.debates) expect(debate.teams.map((t) => t.side)).toEqual(SIDES);
        }
        // Each team's counts over four positions never spread by more than… the rounds allow.
        for (const team of teams) {
          const counts = SIDES.map((s) => team.sideCounts[s] ?? 0);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(Math.ceil(rounds / 4) + 1);
        }
        expect(simulate(n, rounds, seed).draws).toEqual(draws);
      }),
      { numRuns: 40 },
    );
  });
});
