import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ConfirmedDebateResult } from './confirmed-result.js';
import type { TeamTieBreak } from '../formats/format-preset.js';
import { computeTeamTab, DEFAULT_TEAM_TIE_BREAKS, type TabTeam, type TeamTabRow } from './team-tab.js';

const team = (id: string, name = id, regionCode = 'south'): TabTeam => ({ id, name, regionCode });

/** A two-team debate: the first team wins with the given totals. */
const debate = (
  debateId: string,
  round: number,
  winner: string,
  winnerTotal: number,
  loser: string,
  loserTotal: number,
): ConfirmedDebateResult => ({
  debateId,
  round,
  teams: [
    {
      teamId: winner,
      side: 'gov',
      points: 1,
      won: true,
      rank: 1,
      total: winnerTotal,
      margin: winnerTotal - loserTotal,
      speeches: [],
    },
    {
      teamId: loser,
      side: 'opp',
      points: 0,
      won: false,
      rank: 2,
      total: loserTotal,
      margin: loserTotal - winnerTotal,
      speeches: [],
    },
  ],
});

const pick = (rows: TeamTabRow[]) => rows.map((r) => [r.rank, r.teamId, r.decidedBy]);

describe('computeTeamTab', () => {
  const teams = [team('A', 'Alpha'), team('B', 'Bravo'), team('C', 'Charlie'), team('D', 'Delta')];
  const results = [
    debate('r1-1', 1, 'A', 250, 'B', 245),
    debate('r1-2', 1, 'C', 240, 'D', 238),
    debate('r2-1', 2, 'A', 252, 'C', 248),
    debate('r2-2', 2, 'B', 246, 'D', 240),
  ];

  it('aggregates points, wins, speaks, draw strength and margins', () => {
    const rows = computeTeamTab(teams, results);
    expect(rows.map(({ decidedBy: _d, ...row }) => row)).toEqual([
      {
        rank: 1,
        teamId: 'A',
        teamName: 'Alpha',
        regionCode: 'south',
        points: 2,
        wins: 2,
        ballots: 2,
        speakerTotal: 502,
        speakerAverage: 251,
        drawStrength: 2,
        margin: 9,
        debates: 2,
        byes: 0,
        forfeits: 0,
      },
      {
        rank: 2,
        teamId: 'B',
        teamName: 'Bravo',
        regionCode: 'south',
        points: 1,
        wins: 1,
        ballots: 1,
        speakerTotal: 491,
        speakerAverage: 245.5,
        drawStrength: 2,
        margin: 1,
        debates: 2,
        byes: 0,
        forfeits: 0,
      },
      {
        rank: 3,
        teamId: 'C',
        teamName: 'Charlie',
        regionCode: 'south',
        points: 1,
        wins: 1,
        ballots: 1,
        speakerTotal: 488,
        speakerAverage: 244,
        drawStrength: 2,
        margin: -2,
        debates: 2,
        byes: 0,
        forfeits: 0,
      },
      {
        rank: 4,
        teamId: 'D',
        teamName: 'Delta',
        regionCode: 'south',
        points: 0,
        wins: 0,
        ballots: 0,
        speakerTotal: 478,
        speakerAverage: 239,
        drawStrength: 2,
        margin: -8,
        debates: 2,
        byes: 0,
        forfeits: 0,
      },
    ]);
  });

  it('says which tie-break separated each row from the one above', () => {
    expect(pick(computeTeamTab(teams, results))).toEqual([
      [1, 'A', null],
      [2, 'B', 'points'],
      [3, 'C', 'speakerTotal'],
      [4, 'D', 'points'],
    ]);
    expect(pick(computeTeamTab(teams, results, { tieBreaks: ['points', 'margin'] }))).toEqual([
      [1, 'A', null],
      [2, 'B', 'points'],
      [3, 'C', 'margin'],
      [4, 'D', 'points'],
    ]);
  });

  it('rows equal on every tie-break share a rank and the next rank skips (1, 1, 3, 3), listed by name', () => {
    const four = [team('t1', 'Zeta'), team('t2', 'Eta'), team('t3', 'Theta'), team('t4', 'Iota')];
    const rows = computeTeamTab(four, [debate('d1', 1, 't1', 250, 't3', 240), debate('d2', 1, 't2', 245, 't4', 240)], {
      tieBreaks: ['points'],
    });
    expect(pick(rows)).toEqual([
      [1, 't2', null],
      [1, 't1', null],
      [3, 't4', 'points'],
      [3, 't3', null],
    ]);
    expect(computeTeamTab(four, [], {}).map((r) => r.rank)).toEqual([1, 1, 1, 1]);
  });

  it('head-to-head puts the winner of the tied teams’ debate above', () => {
    const four = [team('X'), team('Y'), team('P'), team('Q')];
    const rows = computeTeamTab(
      four,
      [
        debate('d1', 1, 'Y', 250, 'X', 249),
        debate('d2', 1, 'P', 250, 'Q', 249),
        debate('d3', 2, 'X', 250, 'Q', 240),
        debate('d4', 2, 'P', 250, 'Y', 240),
      ],
      { tieBreaks: ['points', 'headToHead'] },
    );
    expect(pick(rows)).toEqual([
      [1, 'P', null],
      [2, 'Y', 'points'],
      [3, 'X', 'headToHead'],
      [4, 'Q', 'points'],
    ]);
  });

  it('head-to-head among three tied teams applies only when every pair met', () => {
    // With head-to-head as the only key all three start level, so it alone orders them.
    const three = [team('K'), team('L'), team('M')];
    const roundRobin = [
      debate('a', 1, 'K', 250, 'L', 240),
      debate('b', 2, 'K', 250, 'M', 240),
      debate('c', 3, 'L', 250, 'M', 240),
    ];
    expect(pick(computeTeamTab(three, roundRobin, { tieBreaks: ['headToHead'] }))).toEqual([
      [1, 'K', null],
      [2, 'L', 'headToHead'],
      [3, 'M', 'headToHead'],
    ]);
    // L and M never met: among K, L, M the record is incomplete, so they stay level.
    const partial = [debate('a', 1, 'K', 250, 'L', 240), debate('b', 2, 'K', 250, 'M', 240)];
    expect(pick(computeTeamTab(three, partial, { tieBreaks: ['headToHead'] })).map((r) => r[0])).toEqual([1, 1, 1]);
    // A cycle (K>L, L>M, M>K) has no winner either.
    const cycle = [
      debate('a', 1, 'K', 250, 'L', 240),
      debate('b', 2, 'L', 250, 'M', 240),
      debate('c', 3, 'M', 250, 'K', 240),
    ];
    expect(pick(computeTeamTab(three, cycle, { tieBreaks: ['headToHead'] })).map((r) => r[0])).toEqual([1, 1, 1]);
  });

  it('counts BP firsts as wins and opponents’ season points as draw strength', () => {
    const bp = ['og', 'oo', 'cg', 'co'].map((id) => team(id));
    const room = (debateId: string, order: string[]): ConfirmedDebateResult => ({
      debateId,
      round: 1,
      teams: order.map((teamId, r) => ({
        teamId,
        side: teamId,
        points: 3 - r,
        rank: r + 1,
        total: 160 - r * 5,
        margin: 0,
        speeches: [],
      })),
    });
    const rows = computeTeamTab(bp, [room('d1', ['og', 'oo', 'cg', 'co']), room('d2', ['oo', 'og', 'co', 'cg'])], {
      tieBreaks: ['points', 'wins'],
    });
    expect(rows.map((r) => [r.teamId, r.points, r.wins, r.drawStrength, r.rank, r.decidedBy])).toEqual([
      ['og', 5, 1, 2 * (5 + 1 + 1), 1, null],
      ['oo', 5, 1, 14, 1, null],
      ['cg', 1, 0, 2 * (5 + 5 + 1), 3, 'points'],
      ['co', 1, 0, 22, 3, null],
    ]);
  });

  it('leaves withdrawn teams off the tab, still counting them for their opponents', () => {
    const withWithdrawn = [team('A'), { ...team('W'), withdrawn: true }];
    const rows = computeTeamTab(withWithdrawn, [debate('d', 1, 'W', 250, 'A', 240)]);
    expect(rows.map((r) => [r.teamId, r.drawStrength])).toEqual([['A', 1]]);
    expect(
      computeTeamTab(withWithdrawn, [debate('d', 1, 'W', 250, 'A', 240)], { includeWithdrawn: true }).map(
        (r) => r.teamId,
      ),
    ).toEqual(['W', 'A']);
  });

  it('rejects an unknown tie-break and duplicate results', () => {
    expect(() => computeTeamTab(teams, results, { tieBreaks: ['luck' as TeamTieBreak] })).toThrow(
      'unknown team tie-break',
    );
    expect(() => computeTeamTab(teams, [...results, results[0]])).toThrow('two results');
    expect(() => computeTeamTab([...teams, teams[0]], results)).toThrow('listed twice');
  });

  it('treats sums of averaged panel scores that are equal as equal', () => {
    const two = [team('A'), team('B')];
    const rows = computeTeamTab(
      two,
      [
        {
          debateId: 'd1',
          round: 1,
          teams: [{ teamId: 'A', side: 'gov', points: 1, total: 0.1 + 0.2, margin: 0, speeches: [] }],
        },
        {
          debateId: 'd2',
          round: 1,
          teams: [{ teamId: 'B', side: 'gov', points: 1, total: 0.3, margin: 0, speeches: [] }],
        },
      ],
      { tieBreaks: ['speakerTotal'] },
    );
    expect(rows.map((r) => r.rank)).toEqual([1, 1]);
  });
});

// ---------- property tests ----------

/** Small seeded PRNG (mulberry32) so a fast-check seed expands into a whole season. */
const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const shuffle = <T>(items: readonly T[], random: () => number): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
};

/** A season of two-team debates with narrow totals, so ties at every level are common. */
const season = (teamCount: number, rounds: number, seed: number) => {
  const random = mulberry32(seed);
  const teams = Array.from({ length: teamCount }, (_, i) =>
    team(`t${i}`, `Team ${Math.floor(random() * teamCount)}`, ['south', 'north'][i % 2]),
  );
  const results: ConfirmedDebateResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    const drawn = shuffle(teams, random);
    for (let i = 0; i + 1 < drawn.length; i += 2) {
      const a = 200 + Math.floor(random() * 4) * 0.5;
      let b = 200 + Math.floor(random() * 4) * 0.5;
      if (b === a) b += 0.5;
      const [w, l] = a > b ? [drawn[i], drawn[i + 1]] : [drawn[i + 1], drawn[i]];
      results.push(debate(`r${round}-${i}`, round, w.id, Math.max(a, b), l.id, Math.min(a, b)));
    }
  }
  return { teams, results };
};

const arbChain = fc
  .shuffledSubarray(
    [
      'points',
      'wins',
      'ballots',
      'speakerTotal',
      'speakerAverage',
      'drawStrength',
      'margin',
      'headToHead',
    ] as TeamTieBreak[],
    { minLength: 1 },
  )
  .map((chain) => chain as readonly TeamTieBreak[]);

const arbSeason = fc.record({
  teamCount: fc.integer({ min: 1, max: 40 }),
  rounds: fc.integer({ min: 0, max: 6 }),
  seed: fc.integer(),
  chain: fc.oneof(fc.constant(DEFAULT_TEAM_TIE_BREAKS), arbChain),
});

const scalarKeys = (chain: readonly TeamTieBreak[]) =>
  chain.filter((k): k is Exclude<TeamTieBreak, 'headToHead'> => k !== 'headToHead');
/** A row's value for a key; a team with no scored debate has no average and sorts below every real one. */
const at = (row: TeamTabRow, key: Exclude<TeamTieBreak, 'headToHead'>) => row[key] ?? -Infinity;

describe('computeTeamTab — properties', () => {
  it('ranks never decrease; shared ranks are equal on every key, separated rows are ordered by the deciding key', () => {
    fc.assert(
      fc.property(arbSeason, ({ teamCount, rounds, seed, chain }) => {
        const { teams, results } = season(teamCount, rounds, seed);
        const rows = computeTeamTab(teams, results, { tieBreaks: chain });
        expect(rows).toHaveLength(teams.length);
        rows.forEach((row, i) => {
          if (i === 0) return expect([row.rank, row.decidedBy]).toEqual([1, null]);
          const above = rows[i - 1];
          const scalars = scalarKeys(chain);
          if (row.decidedBy === null) {
            expect(row.rank).toBe(above.rank);
            for (const key of scalars)
              expect(at(row, key) === at(above, key) || Math.abs(at(row, key) - at(above, key)) < 1e-9).toBe(true);
          } else {
            expect(row.rank).toBe(i + 1);
            const decidingAt = chain.indexOf(row.decidedBy);
            for (const key of scalarKeys(chain.slice(0, decidingAt))) {
              expect(at(row, key) === at(above, key) || Math.abs(at(row, key) - at(above, key)) < 1e-9).toBe(true);
            }
            if (row.decidedBy !== 'headToHead')
              expect(at(above, row.decidedBy)).toBeGreaterThan(at(row, row.decidedBy));
          }
        });
        if (!chain.includes('headToHead')) {
          // With scalar keys only, rows share a rank exactly when they are equal on every key.
          for (let i = 1; i < rows.length; i++) {
            const equal = scalarKeys(chain).every(
              (key) =>
                at(rows[i], key) === at(rows[i - 1], key) || Math.abs(at(rows[i], key) - at(rows[i - 1], key)) < 1e-9,
            );
            expect(rows[i].rank === rows[i - 1].rank).toBe(equal);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('permuting the input never changes the output', () => {
    fc.assert(
      fc.property(arbSeason, fc.integer(), ({ teamCount, rounds, seed, chain }, shuffleSeed) => {
        const { teams, results } = season(teamCount, rounds, seed);
        const random = mulberry32(shuffleSeed);
        const shuffledResults = shuffle(results, random).map((d) => ({ ...d, teams: shuffle(d.teams, random) }));
        expect(computeTeamTab(shuffle(teams, random), shuffledResults, { tieBreaks: chain })).toEqual(
          computeTeamTab(teams, results, { tieBreaks: chain }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('handles a 4,000-team season of five rounds', () => {
    const { teams, results } = season(4000, 5, 2026);
    // Speed is measured in bench/engine-standings.ts, not asserted here.
    const rows = computeTeamTab(teams, results);
    expect(rows).toHaveLength(4000);
    expect(rows[0].rank).toBe(1);
    for (let i = 1; i < rows.length; i++) expect(rows[i].rank).toBeGreaterThanOrEqual(rows[i - 1].rank);
  });
});

describe("computeTeamTab — each format's chain, against hand-computed tables", () => {
  /** A two-team debate decided by a panel: the winner carried `ballots` of `panel` ballots. */
  const panelDebate = (
    debateId: string,
    round: number,
    [winner, winnerTotal]: [string, number],
    [loser, loserTotal]: [string, number],
    ballots: number,
    panel = 3,
  ): ConfirmedDebateResult => ({
    debateId,
    round,
    teams: [
      {
        teamId: winner,
        side: 'gov',
        points: 1,
        won: true,
        rank: 1,
        total: winnerTotal,
        margin: winnerTotal - loserTotal,
        speeches: [],
        ballots,
      },
      {
        teamId: loser,
        side: 'opp',
        points: 0,
        won: false,
        rank: 2,
        total: loserTotal,
        margin: loserTotal - winnerTotal,
        speeches: [],
        ballots: panel - ballots,
      },
    ],
  });
  const bye = (debateId: string, round: number, teamId: string): ConfirmedDebateResult => ({
    debateId,
    round,
    teams: [{ teamId, side: 'gov', points: 1, won: true, rank: 1, total: 0, margin: 0, speeches: [], noScore: 'bye' }],
  });
  const WSDC = ['wins', 'ballots', 'speakerAverage'] as const;
  const APF = ['wins', 'ballots', 'speakerTotal'] as const;

  // Round 1: A beats B 2–1 (250–246), C beats D 3–0 (240–230). Round 2: A beats C 3–0 (252–241), B beats D 3–0 (249–238).
  // Wins: A 2, B 1, C 1, D 0. Ballots: B 1 + 3 = 4, C 3 + 0 = 3, so B is above C on ballots although C won
  // its round-1 debate more clearly; wins alone leave them level.
  const teams4 = [team('A'), team('B'), team('C'), team('D')];
  const season4 = [
    panelDebate('r1a', 1, ['A', 250], ['B', 246], 2),
    panelDebate('r1b', 1, ['C', 240], ['D', 230], 3),
    panelDebate('r2a', 2, ['A', 252], ['C', 241], 3),
    panelDebate('r2b', 2, ['B', 249], ['D', 238], 3),
  ];

  it('WSDC: a tie on wins is decided by ballots carried', () => {
    const rows = computeTeamTab(teams4, season4, { tieBreaks: WSDC });
    expect(rows.map((r) => [r.rank, r.teamId, r.wins, r.ballots, r.decidedBy])).toEqual([
      [1, 'A', 2, 5, null],
      [2, 'B', 1, 4, 'wins'],
      [3, 'C', 1, 3, 'ballots'],
      [4, 'D', 0, 0, 'wins'],
    ]);
  });

  it('WSDC: level on wins and ballots, the average speaker score decides, and a bye carries no score', () => {
    // E: a bye, then a 3–0 win at 250 → 2 wins, 1 + 3 ballots, average 250 over one scored debate.
    // F: two 2–1 wins at 240 and 245 → 2 wins, 4 ballots, average 242.5. By total F (485) would be above E (250).
    const teams = [team('E'), team('F'), team('G'), team('H'), team('I')];
    const results = [
      bye('b1', 1, 'E'),
      panelDebate('f1', 1, ['F', 240], ['G', 239], 2),
      panelDebate('e2', 2, ['E', 250], ['H', 240], 3),
      panelDebate('f2', 2, ['F', 245], ['I', 244], 2),
    ];
    const wsdc = computeTeamTab(teams, results, { tieBreaks: WSDC });
    expect(
      wsdc
        .slice(0, 2)
        .map((r) => [r.rank, r.teamId, r.wins, r.ballots, r.speakerTotal, r.speakerAverage, r.byes, r.decidedBy]),
    ).toEqual([
      [1, 'E', 2, 4, 250, 250, 1, null],
      [2, 'F', 2, 4, 485, 242.5, 0, 'speakerAverage'],
    ]);
    const byTotal = computeTeamTab(teams, results, { tieBreaks: APF });
    expect(byTotal.slice(0, 2).map((r) => [r.teamId, r.decidedBy])).toEqual([
      ['F', null],
      ['E', 'speakerTotal'],
    ]);
  });

  it('APF/LD: wins, then ballots, then the speaker total', () => {
    const rows = computeTeamTab(teams4, season4, { tieBreaks: APF });
    expect(rows.map((r) => [r.teamId, r.decidedBy])).toEqual([
      ['A', null],
      ['B', 'wins'],
      ['C', 'ballots'],
      ['D', 'wins'],
    ]);
  });

  it('BP: points, then the speaker total', () => {
    const room = (debateId: string, round: number, order: [string, number][]): ConfirmedDebateResult => ({
      debateId,
      round,
      teams: order.map(([teamId, total], i) => ({
        teamId,
        side: ['OG', 'OO', 'CG', 'CO'][i],
        points: 3 - i,
        rank: i + 1,
        total,
        margin: 0,
        speeches: [],
      })),
    });
    // P: 3 + 0 = 3 points, total 160 + 140 = 300; Q: 2 + 1 = 3 points, total 155 + 150 = 305 → Q above P.
    const results = [
      room('r1', 1, [
        ['P', 160],
        ['Q', 155],
        ['R', 150],
        ['S', 145],
      ]),
      room('r2', 2, [
        ['R', 165],
        ['S', 158],
        ['Q', 150],
        ['P', 140],
      ]),
    ];
    const rows = computeTeamTab([team('P'), team('Q'), team('R'), team('S')], results, {
      tieBreaks: ['points', 'speakerTotal'],
    });
    expect(rows.map((r) => [r.rank, r.teamId, r.points, r.speakerTotal, r.decidedBy])).toEqual([
      [1, 'R', 4, 315, null],
      [2, 'Q', 3, 305, 'points'],
      [3, 'P', 3, 300, 'speakerTotal'],
      [4, 'S', 2, 303, 'points'],
    ]);
  });

  it('a forfeit counts its points but no speaker score or margin', () => {
    const forfeit: ConfirmedDebateResult = {
      debateId: 'ff',
      round: 1,
      teams: [
        {
          teamId: 'A',
          side: 'gov',
          points: 1,
          won: true,
          rank: 1,
          total: 0,
          margin: 0,
          speeches: [],
          noScore: 'forfeit',
        },
        {
          teamId: 'B',
          side: 'opp',
          points: 0,
          won: false,
          rank: 2,
          total: 0,
          margin: 0,
          speeches: [],
          noScore: 'forfeit',
        },
      ],
    };
    const rows = computeTeamTab([team('A'), team('B')], [forfeit, panelDebate('x', 2, ['B', 250], ['A', 240], 3)]);
    const a = rows.find((r) => r.teamId === 'A')!;
    expect([a.points, a.speakerTotal, a.speakerAverage, a.margin, a.forfeits, a.debates]).toEqual([
      1, 240, 240, -10, 1, 2,
    ]);
  });
});
