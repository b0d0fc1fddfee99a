import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { drawPowerPaired, seededRandom, type Draw, type DrawTeam, type PairingOptions } from './power-pairing.js';

const SIDES = ['gov', 'opp'] as const;

interface Season {
  teams: DrawTeam[];
  draws: Draw[];
  /** The teams as each draw saw them. */
  before: DrawTeam[][];
}

const copy = (teams: DrawTeam[]) =>
  teams.map((t) => ({ ...t, opponents: [...t.opponents], sideCounts: { ...t.sideCounts } }));

/** Plays `rounds` rounds: each draw's results come from a seeded coin weighted by a hidden strength. */
function simulate(n: number, rounds: number, seed: string, schools = 0, options?: Partial<PairingOptions>): Season {
  const random = seededRandom(`results:${seed}`);
  const strength = new Map<string, number>();
  const teams: DrawTeam[] = Array.from({ length: n }, (_, i) => {
    strength.set(`t${i}`, random());
    return {
      id: `t${i}`,
      points: 0,
      speakerTotal: 0,
      sideCounts: {},
      opponents: [],
      hadBye: false,
      institution: schools ? `s${Math.floor(random() * schools)}` : null,
    };
  });
  const byId = new Map(teams.map((t) => [t.id, t]));
  const draws: Draw[] = [];
  const before: DrawTeam[][] = [];
  for (let round = 1; round <= rounds; round++) {
    before.push(copy(teams));
    const draw = drawPowerPaired({ sides: SIDES, roundNumber: round, seed, teams: copy(teams), options });
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
  return { teams, draws, before };
}

const team = (id: string, points: number, speakerTotal: number, extra: Partial<DrawTeam> = {}): DrawTeam => ({
  id,
  points,
  speakerTotal,
  sideCounts: {},
  opponents: [],
  ...extra,
});
const pairsOf = (draw: Draw) =>
  draw.debates
    .map((d) =>
      d.teams
        .map((t) => t.teamId)
        .sort()
        .join('-'),
    )
    .sort();
const lean = (t: DrawTeam) => (t.sideCounts.gov ?? 0) - (t.sideCounts.opp ?? 0);
/** Whichever side each takes, one of the two ends two or more debates off balance. */
const sameSide = (a: DrawTeam, b: DrawTeam) =>
  [
    [lean(a) + 1, lean(b) - 1],
    [lean(a) - 1, lean(b) + 1],
  ].every((after) => after.some((x) => Math.abs(x) > 1));

/** Levels as the rules define them: the distinct points of the field, highest first. */
const levelOf = (teams: readonly DrawTeam[]) => {
  const levels = [...new Set(teams.map((t) => t.points))].sort((a, b) => b - a);
  return new Map(teams.map((t) => [t.id, levels.indexOf(t.points)]));
};

/** Every perfect matching of a small field, by trying each partner of the first free team. */
function* allMatchings(ids: string[]): Generator<[string, string][]> {
  if (ids.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = ids;
  for (let k = 0; k < rest.length; k++) {
    const others = rest.filter((_, i) => i !== k);
    for (const m of allMatchings(others)) yield [[first, rest[k]], ...m];
  }
}

/** (rematches, Σ bracket gap², institution clashes) of a set of pairs. */
function score(teams: readonly DrawTeam[], pairs: [string, string][]): [number, number, number] {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const level = levelOf(teams);
  let rematches = 0;
  let gaps = 0;
  let clashes = 0;
  for (const [a, b] of pairs) {
    rematches += byId.get(a)!.opponents.filter((o) => o === b).length;
    gaps += (level.get(a)! - level.get(b)!) ** 2;
    if (byId.get(a)!.institution && byId.get(a)!.institution === byId.get(b)!.institution) clashes++;
  }
  return [rematches, gaps, clashes];
}

const lexLess = (x: number[], y: number[]) => {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
};

describe('drawPowerPaired', () => {
  it('folds a bracket (1 v n), or slides it when asked, and says which', () => {
    const teams = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) =>
      team(id, 2, 300 - i, { sideCounts: { gov: 1, opp: 1 } }),
    );
    const fold = drawPowerPaired({ sides: SIDES, roundNumber: 3, seed: 's', teams });
    expect(pairsOf(fold)).toEqual(['a-f', 'b-e', 'c-d']);
    expect(fold.debates.find((d) => d.teams.some((t) => t.teamId === 'a'))!.explanation).toContain(
      'fold: 1/6 v 6/6 of the bracket',
    );
    const slide = drawPowerPaired({ sides: SIDES, roundNumber: 3, seed: 's', teams, options: { method: 'slide' } });
    expect(pairsOf(slide)).toEqual(['a-d', 'b-e', 'c-f']);
    expect(slide.debates.find((d) => d.teams.some((t) => t.teamId === 'a'))!.explanation).toContain(
      'slide: 1/6 v 4/6 of the bracket',
    );
  });

  it('folds every bracket exactly when nothing stands in the way', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
        fc.string({ maxLength: 4 }),
        (halves, seed) => {
          // Even brackets of distinct points, level side histories, no history of meetings: nothing but the fold decides.
          const teams = halves.flatMap((half, level) =>
            Array.from({ length: 2 * half }, (_, i) =>
              team(`L${level}p${i}`, 10 - level, 1000 - i, { sideCounts: { gov: 1, opp: 1 } }),
            ),
          );
          const draw = drawPowerPaired({ sides: SIDES, roundNumber: 3, seed, teams });
          const expected = halves.flatMap((half, level) =>
            Array.from({ length: half }, (_, i) =>
              [`L${level}p${i}`, `L${level}p${2 * half - 1 - i}`].sort().join('-'),
            ),
          );
          expect(pairsOf(draw)).toEqual(expected.sort());
          expect(draw.brokenConstraints).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('pulls up the top team of the next bracket (it meets the top team), or makes an intermediate bubble', () => {
    const teams = [
      team('a', 2, 500),
      team('b', 2, 490),
      team('c', 2, 480),
      team('d', 1, 470),
      team('e', 1, 460),
      team('f', 1, 450),
    ];
    const top = drawPowerPaired({ sides: SIDES, roundNumber: 3, seed: 's', teams });
    expect(pairsOf(top)).toEqual(['a-d', 'b-c', 'e-f']);
    const withD = top.debates.find((d) => d.teams.some((t) => t.teamId === 'd'))!;
    expect(withD.explanation.join(' | ')).toMatch(
      /d pulled up from the 1-point bracket: the brackets above it hold an odd number of teams/,
    );
    const bubble = drawPowerPaired({
      sides: SIDES,
      roundNumber: 3,
      seed: 's',
      teams,
      options: { oddBracket: 'intermediate-bubble' },
    });
    expect(pairsOf(bubble)).toEqual(['a-b', 'c-d', 'e-f']);
  });

  it('keeps teams of one institution apart inside the bracket, and says why', () => {
    const teams = ['a', 'b', 'c', 'd'].map((id, i) =>
      team(id, 1, 300 - i, { sideCounts: { gov: 1, opp: 1 }, institution: id === 'a' || id === 'd' ? 'KazNU' : null }),
    );
    const draw = drawPowerPaired({ sides: SIDES, roundNumber: 3, seed: 's', teams });
    expect(pairsOf(draw)).toEqual(['a-c', 'b-d']);
    const withA = draw.debates.find((d) => d.teams.some((t) => t.teamId === 'a'))!;
    expect(withA.explanation).toContain('not the fold partner d: that pairing would be two teams of one institution');
    const ignoring = drawPowerPaired({
      sides: SIDES,
      roundNumber: 3,
      seed: 's',
      teams,
      options: { avoidInstitution: false },
    });
    expect(pairsOf(ignoring)).toEqual(['a-d', 'b-c']);
  });

  it('reports a rematch it cannot avoid', () => {
    const teams: DrawTeam[] = [team('a', 0, 0, { opponents: ['b'] }), team('b', 0, 0, { opponents: ['a'] })];
    const draw = drawPowerPaired({ sides: SIDES, roundNumber: 2, seed: 's', teams });
    expect(draw.brokenConstraints).toHaveLength(1);
    expect(draw.brokenConstraints[0]).toMatchObject({ constraint: 'rematch' });
    expect([...draw.brokenConstraints[0].teamIds].sort()).toEqual(['a', 'b']);
  });

  it('on small fields, makes as few rematches, then bracket crossings, then institution clashes as any draw can (brute force)', () => {
    const field = fc.integer({ min: 2, max: 5 }).chain((half) =>
      fc.record({
        points: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2 * half, maxLength: 2 * half }),
        met: fc.array(fc.tuple(fc.nat(2 * half - 1), fc.nat(2 * half - 1)), { maxLength: 3 * half }),
        // At most two clashes are possible (two schools of two), so the rule order is strict for this oracle.
        school: fc.array(fc.nat(2 * half - 1), { minLength: 4, maxLength: 4 }),
        leans: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 2 * half, maxLength: 2 * half }),
        seed: fc.string({ maxLength: 4 }),
      }),
    );
    fc.assert(
      fc.property(field, ({ points, met, school, leans, seed }) => {
        const teams = points.map((p, i) =>
          team(`t${i}`, p, 100 - i, {
            opponents: met.flatMap(([x, y]) => (x === i && y !== i ? [`t${y}`] : y === i && x !== i ? [`t${x}`] : [])),
            institution: school.indexOf(i) >= 0 ? `school${school.indexOf(i) >> 1}` : null,
            sideCounts: { gov: 2 + Math.max(0, leans[i]), opp: 2 + Math.max(0, -leans[i]) },
          }),
        );
        const draw = drawPowerPaired({ sides: SIDES, roundNumber: 4, seed, teams });
        const made = score(
          teams,
          draw.debates.map((d) => [d.teams[0].teamId, d.teams[1].teamId]),
        );
        let best: [number, number, number] | null = null;
        for (const m of allMatchings(teams.map((t) => t.id))) {
          const s = score(teams, m);
          if (!best || lexLess(s, best)) best = s;
        }
        expect(made).toEqual(best);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a rematch-free draw late in a long season (32 teams, rounds 17–20)', () => {
    for (const seed of ['a', 'b', 'c']) {
      const { draws } = simulate(32, 20, seed);
      for (const draw of draws) expect(draw.brokenConstraints.filter((c) => c.constraint === 'rematch')).toEqual([]);
    }
  });

  it('matches large fields in windows and still keeps brackets, sides and history', () => {
    const { draws, before } = simulate(402, 5, 'big', 40);
    draws.forEach((draw, r) => {
      const teams = before[r];
      const level = levelOf(teams);
      expect(draw.debates).toHaveLength(201);
      expect(draw.brokenConstraints.filter((c) => c.constraint === 'rematch' || c.constraint === 'pull-up')).toEqual(
        [],
      );
      const seen = draw.debates.flatMap((d) => d.teams.map((t) => t.teamId));
      expect(new Set(seen).size).toBe(402);
      let crossings = 0;
      for (const d of draw.debates)
        crossings += Math.abs(level.get(d.teams[0].teamId)! - level.get(d.teams[1].teamId)!);
      expect(crossings).toBe(forcedCrossings(teams));
    });
  });

  it('turns equal-history debates so that the brackets the teams are likely to reach can balance sides', () => {
    // Round 1 in a prior ranking, where the higher-ranked team of every debate wins: the winners' bracket then holds
    // as many teams that were on gov as on opp, so round 2 pairs them off with nobody two off balance. By coin, 20
    // debates would give winners two apart or more five times in six.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.string({ maxLength: 6 }), (quarter, seed) => {
        const n = quarter * 4;
        const teams = Array.from({ length: n }, (_, i) => team(`t${i}`, 0, 0));
        const ranking = teams.map((t) => t.id).reverse();
        const place = new Map(ranking.map((id, i) => [id, i]));
        const one = drawPowerPaired({ sides: SIDES, roundNumber: 1, seed, teams, priorRanking: ranking });
        const byId = new Map(teams.map((t) => [t.id, t]));
        let winnersOnGov = 0;
        for (const d of one.debates) {
          const [gov, opp] = d.teams.map((x) => byId.get(x.teamId)!);
          const govWins = place.get(gov.id)! < place.get(opp.id)!;
          winnersOnGov += govWins ? 1 : -1;
          for (const [t, side, won, other] of [
            [gov, 'gov', govWins, opp],
            [opp, 'opp', !govWins, gov],
          ] as const) {
            t.points += won ? 1 : 0;
            t.sideCounts[side] = 1;
            t.opponents.push(other.id);
          }
        }
        expect(winnersOnGov).toBe(0);
        const two = drawPowerPaired({ sides: SIDES, roundNumber: 2, seed, teams: copy(teams) });
        expect(two.brokenConstraints.filter((c) => c.constraint === 'side-balance')).toEqual([]);
        for (const d of two.debates) expect(d.teams.map((x) => lean(byId.get(x.teamId)!))).toEqual([-1, 1]);
      }),
      { numRuns: 40 },
    );
  });

  it.each([
    ['4–40', 4, 40, 60],
    ['41–120', 41, 120, 8],
  ])('explains every debate truthfully over random seasons of %s teams', (_, min, max, numRuns) => {
    fc.assert(
      fc.property(
        fc.integer({ min, max }),
        fc.integer({ min: 1, max: 7 }),
        fc.string({ maxLength: 8 }),
        fc.integer({ min: 0, max: 12 }),
        (n, rounds, seed, schools) => {
          const { teams, draws, before } = simulate(n, rounds, seed, schools);
          draws.forEach((draw, r) => {
            const field = before[r];
            const byId = new Map(field.map((t) => [t.id, t]));
            const level = levelOf(field);
            const seen = draw.debates
              .flatMap((d) => d.teams.map((t) => t.teamId))
              .concat(draw.byes.map((b) => b.teamId));
            expect(seen.sort()).toEqual(teams.map((t) => t.id).sort());
            expect(draw.byes.length).toBe(n % 2);
            const crossingsAt = new Map<number, number>();
            for (const d of draw.debates) {
              const [x, y] = d.teams.map((t) => level.get(t.teamId)!).sort((p, q) => p - q);
              for (let k = x; k < y; k++) crossingsAt.set(k, (crossingsAt.get(k) ?? 0) + 1);
            }
            for (const debate of draw.debates) {
              const [gov, opp] = debate.teams.map((t) => byId.get(t.teamId)!);
              const [high, low] = gov.points >= opp.points ? [gov, opp] : [opp, gov];
              const lines = debate.explanation;
              expect(debate.teams.map((t) => t.side)).toEqual(['gov', 'opp']);
              expect(lines[0]).toBe(
                r === 0 ? 'round 1: teams in a random order from the round seed' : `bracket of ${high.points} point(s)`,
              );
              const pulled = lines.find((l) => l.includes('pulled up'));
              if (r > 0 && high.points !== low.points) {
                expect(pulled).toMatch(new RegExp(`^${low.id} pulled up from the ${low.points}-point bracket`));
                if (pulled!.includes('odd number')) {
                  for (let k = level.get(high.id)!; k < level.get(low.id)!; k++) expect(crossingsAt.get(k)).toBe(1);
                } else {
                  expect(
                    draw.brokenConstraints.some((c) => c.constraint === 'pull-up' && c.teamIds.includes(low.id)),
                  ).toBe(true);
                }
              } else {
                expect(pulled).toBeUndefined();
              }
              // The pairing line: the fold partner, or the named partner and a reason that is true of that pairing.
              const partner = lines.find((l) => l.startsWith('fold: ') || l.startsWith('not the fold partner'))!;
              const fold = /^fold: (\d+)\/(\d+) v (\d+)\/(\d+) of the bracket$/.exec(partner);
              if (fold) {
                expect(Number(fold[1]) + Number(fold[3])).toBe(Number(fold[2]) + 1);
              } else {
                const named =
                  /^not the fold partner (\S+)(: that pairing would be (.*)|, who was needed elsewhere.*)$/.exec(
                    partner,
                  );
                expect(named).not.toBeNull();
                const ideal = byId.get(named![1])!;
                expect([gov.id, opp.id]).not.toContain(ideal.id);
                // The named partner is the higher-ranked team's; which of the two that is, ties on points hide.
                for (const reason of named![3]?.split(' and ') ?? []) {
                  if (reason === 'a rematch')
                    expect(high.opponents.includes(ideal.id) || low.opponents.includes(ideal.id)).toBe(true);
                  else if (reason === 'two teams of one institution')
                    expect([high.institution, low.institution]).toContain(ideal.institution);
                  else if (reason === 'two teams needing the same side')
                    expect(sameSide(high, ideal) || sameSide(low, ideal)).toBe(true);
                  else throw new Error(`unknown reason ${reason}`);
                }
              }
              // Sides: the team that leans less to gov has gov; a level history goes by the next brackets' leans or
              // the coin.
              const sides = lines.at(-1)!;
              if (lean(gov) === lean(opp))
                expect([
                  'sides by a seeded coin: equal side history',
                  `sides: equal side history; ${gov.id} takes gov to balance the side leans of the brackets the two are likely to reach`,
                ]).toContain(sides);
              else {
                expect(sides).toBe(`gov to ${gov.id}, whose history leans less to gov`);
                expect(lean(gov)).toBeLessThan(lean(opp));
              }
              // Every rule not met is listed with its teams.
              const listed = (c: string, id: string) =>
                draw.brokenConstraints.some((b) => b.constraint === c && b.teamIds.includes(id));
              if (gov.opponents.includes(opp.id)) expect(listed('rematch', gov.id)).toBe(true);
              if (gov.institution && gov.institution === opp.institution)
                expect(listed('institution', gov.id)).toBe(true);
              if (Math.abs(lean(gov) + 1) > 1) expect(listed('side-balance', gov.id)).toBe(true);
              if (Math.abs(lean(opp) - 1) > 1) expect(listed('side-balance', opp.id)).toBe(true);
              // With fewer rounds than half the field a rematch-free pairing always exists (Dirac), so none is made.
              if (r + 1 <= n / 2) expect(gov.opponents).not.toContain(opp.id);
            }
          });
          // The stored seed reproduces the draw exactly.
          expect(simulate(n, rounds, seed, schools).draws).toEqual(draws);
        },
      ),
      { numRuns },
    );
  });
});

function forcedCrossings(teams: readonly DrawTeam[]): number {
  const levels = [...new Set(teams.map((t) => t.points))].sort((a, b) => b - a);
  let above = 0;
  let forced = 0;
  for (const level of levels.slice(0, -1)) {
    above += teams.filter((t) => t.points === level).length;
    forced += above % 2;
  }
  return forced;
}
