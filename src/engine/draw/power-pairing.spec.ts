import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { drawPowerPaired, seededRandom, type Draw, type DrawTeam } from './power-pairing.js';

const SIDES = ['gov', 'opp'] as const;

interface Season {
  teams: DrawTeam[];
  draws: Draw[];
}

/** Plays `rounds` rounds: each draw's results come from a seeded coin weighted by a hidden strength. */
function simulate(n: number, rounds: number, seed: string): Season {
  const random = seededRandom(`results:${seed}`);
  const strength = new Map<string, number>();
  const teams: DrawTeam[] = Array.from({ length: n }, (_, i) => {
    strength.set(`t${i}`, random());
    return { id: `t${i}`, points: 0, speakerTotal: 0, sideCounts: {}, opponents: [], hadBye: false };
  });
  const byId = new Map(teams.map((t) => [t.id, t]));
  const draws: Draw[] = [];
  for (let round = 1; round <= rounds; round++) {
    const draw = drawPowerPaired({ sides: SIDES, roundNumber: round, seed, teams: teams.map((t) => ({ ...t, opponents: [...t.opponents], sideCounts: { ...t.sideCounts } })) });
    draws.push(draw);
    for (const bye of draw.byes) byId.get(bye.teamId)!.hadBye = true;
    for (const debate of draw.debates) {
      const [gov, opp] = debate.teams.map((x) => byId.get(x.teamId)!);
      const govWins = strength.get(gov.id)! + random() * 0.5 > strength.get(opp.id)! + random() * 0.5;
      for (const [team, side, won, other] of [
        [gov, 'gov', govWins, opp],
        [opp, 'opp', !govWins, gov],
      ] as const) {
        team.points += won ? 1 : 0;
        team.speakerTotal += 200 + Math.round(strength.get(team.id)! * 40) + (won ? 3 : 0);
        team.sideCounts[side] = (team.sideCounts[side] ?? 0) + 1;
        team.opponents.push(other.id);
      }
    }
  }
  return { teams, draws };
}

describe('drawPowerPaired', () => {
  it('folds a bracket, explains every pairing and balances sides', () => {
    const teams: DrawTeam[] = ['a', 'b', 'c', 'd'].map((id, i) => ({
      id,
      points: 1,
      speakerTotal: 300 - i,
      // a and b have been gov, c and d opp: the fold (a v c, b v d) also balances sides.
      sideCounts: i < 2 ? { gov: 1, opp: 0 } : { gov: 0, opp: 1 },
      opponents: [],
    }));
    const draw = drawPowerPaired({ sides: SIDES, roundNumber: 2, seed: 's', teams });
    const pairs = draw.debates.map((d) => d.teams.map((t) => t.teamId).sort().join('-'));
    expect(pairs.sort()).toEqual(['a-c', 'b-d']);
    for (const debate of draw.debates) {
      expect(debate.explanation[0]).toBe('bracket of 1 point(s)');
      // The team that has been gov takes opp now.
      const gov = teams.find((t) => t.id === debate.teams[0].teamId)!;
      expect(gov.sideCounts.gov).toBe(0);
    }
  });

  it('pulls up the lowest-speaking team of the next bracket and says so', () => {
    const teams: DrawTeam[] = [
      { id: 'top', points: 2, speakerTotal: 500, sideCounts: {}, opponents: [] },
      { id: 'mid1', points: 1, speakerTotal: 450, sideCounts: {}, opponents: [] },
      { id: 'mid2', points: 1, speakerTotal: 400, sideCounts: {}, opponents: [] },
      { id: 'low', points: 0, speakerTotal: 300, sideCounts: {}, opponents: [] },
    ];
    const draw = drawPowerPaired({ sides: SIDES, roundNumber: 3, seed: 's', teams });
    const withTop = draw.debates.find((d) => d.teams.some((t) => t.teamId === 'top'))!;
    expect(withTop.teams.map((t) => t.teamId)).toContain('mid2');
    expect(withTop.explanation.join(' ')).toMatch(/pulled up from the 1-point bracket \(lowest speaker total there\)/);
  });

  it('reports a rematch it cannot avoid', () => {
    const teams: DrawTeam[] = [
      { id: 'a', points: 0, speakerTotal: 0, sideCounts: {}, opponents: ['b'] },
      { id: 'b', points: 0, speakerTotal: 0, sideCounts: {}, opponents: ['a'] },
    ];
    const draw = drawPowerPaired({ sides: SIDES, roundNumber: 2, seed: 's', teams });
    expect(draw.brokenConstraints).toHaveLength(1);
    expect(draw.brokenConstraints[0]).toMatchObject({ constraint: 'rematch', why: 'no pairing of the remaining teams avoids every rematch' });
    expect([...draw.brokenConstraints[0].teamIds].sort()).toEqual(['a', 'b']);
  });

  it.each([
    ['4–40', 4, 40, 60],
    ['41–512', 41, 512, 6],
  ])('keeps its invariants over random tournaments of %s teams and 1–9 rounds', (_, min, max, numRuns) => {
    fc.assert(
      fc.property(fc.integer({ min, max }), fc.integer({ min: 1, max: 9 }), fc.string({ maxLength: 8 }), (n, rounds, seed) => {
        const { teams, draws } = simulate(n, rounds, seed);
        const met = new Map<string, Set<string>>(teams.map((t) => [t.id, new Set()]));
        draws.forEach((draw, r) => {
          const seen = draw.debates.flatMap((d) => d.teams.map((t) => t.teamId)).concat(draw.byes.map((b) => b.teamId));
          expect(seen.sort()).toEqual(teams.map((t) => t.id).sort());
          expect(draw.byes.length).toBe(n % 2);
          for (const debate of draw.debates) {
            const [a, b] = debate.teams.map((t) => t.teamId);
            expect(debate.teams.map((t) => t.side)).toEqual(['gov', 'opp']);
            const rematch = met.get(a)!.has(b);
            if (rematch) expect(draw.brokenConstraints.some((c) => c.constraint === 'rematch' && c.teamIds.includes(a))).toBe(true);
            // With fewer rounds than half the field a rematch-free pairing always exists (Dirac), so none is made.
            if (r + 1 <= n / 2) expect(rematch).toBe(false);
            met.get(a)!.add(b);
            met.get(b)!.add(a);
            expect(debate.explanation.length).toBeGreaterThan(1);
          }
        });
        for (const team of teams) {
          const imbalance = Math.abs((team.sideCounts.gov ?? 0) - (team.sideCounts.opp ?? 0));
          if (imbalance > 1) {
            expect(draws.some((d) => d.brokenConstraints.some((c) => c.constraint === 'side-balance' && c.teamIds.includes(team.id)))).toBe(true);
          }
        }
        // The stored seed reproduces the draw exactly.
        expect(simulate(n, rounds, seed).draws).toEqual(draws);
      }),
      { numRuns },
    );
  });
});
