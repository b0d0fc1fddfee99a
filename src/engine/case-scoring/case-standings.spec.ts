import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { computeCaseStandings, type CaseScoresheet, type CaseScoringOptions } from './case-standings.js';
import { DEFAULT_CASE_RUBRIC, type RubricCriterion } from './rubric.js';

/** One criterion out of 100 with weight 1: a sheet's total is its score, which keeps hand sums short. */
const OVERALL: RubricCriterion[] = [{ key: 'overall', name: 'Overall', weight: 1, maxScore: 100 }];
const sheet = (teamId: string, judgeId: string, overall: number): CaseScoresheet => ({
  teamId,
  judgeId,
  scores: { overall },
});
const summary = (options: CaseScoringOptions, sheets: CaseScoresheet[], criteria = OVERALL) =>
  computeCaseStandings(criteria, sheets, options).rows.map((r) => [r.rank, r.teamId, r.total, r.judgesCounted]);

describe('computeCaseStandings — weights', () => {
  it('averages the weighted totals over judges, raw criterion averages alongside', () => {
    const { rows } = computeCaseStandings(DEFAULT_CASE_RUBRIC, [
      // 16 + 15 + 17.5 + 13.5 + 7.5 = 69.5
      {
        teamId: 'T',
        judgeId: 'J1',
        scores: { relevance: 8, analysis: 6, feasibility: 7, innovation: 9, presentation: 5 },
      },
      // 12 + 20 + 12.5 + 6 + 15 = 65.5
      {
        teamId: 'T',
        judgeId: 'J2',
        scores: { relevance: 6, analysis: 8, feasibility: 5, innovation: 4, presentation: 10 },
      },
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].total).toBeCloseTo(67.5, 12);
    expect(rows[0]).toMatchObject({
      rank: 1,
      judgesCounted: 2,
      perCriterion: { relevance: 7, analysis: 7, feasibility: 6, innovation: 6.5, presentation: 7.5 },
      firstPlaces: 2,
      qualified: false,
      decidedBy: null,
    });
  });
});

describe('computeCaseStandings — dropHighLow', () => {
  const sheets = [
    ...[60, 70, 75, 80, 95].map((score, j) => sheet('A', `J${j}`, score)), // mean 76; without 60 and 95: 75
    ...[50, 70, 80, 96].map((score, j) => sheet('B', `J${j}`, score)), // mean 74; four judges: nothing dropped
    ...[60, 70, 75, 95, 95].map((score, j) => sheet('C', `J${j}`, score)), // drops 60 and one 95: (70+75+95)/3 = 80
  ];

  it('off: plain mean over all judges', () => {
    expect(summary({}, sheets)).toEqual([
      [1, 'C', 79, 5],
      [2, 'A', 76, 5],
      [3, 'B', 74, 4],
    ]);
  });

  it('on: drops one highest and one lowest only where five or more judges scored', () => {
    expect(summary({ dropHighLow: true }, sheets)).toEqual([
      [1, 'C', 80, 3],
      [2, 'A', 75, 3],
      [3, 'B', 74, 4],
    ]);
    expect(computeCaseStandings(OVERALL, sheets, { dropHighLow: true }).rows[1].perCriterion).toEqual({ overall: 75 });
  });
});

describe('computeCaseStandings — normaliseJudges', () => {
  // J1 (lenient) scored A 67, B 61; J2 (harsh) scored B 53, C 59.
  // All sheets: μ = 60, σ = √((49 + 1 + 49 + 1)/4) = 5. J1: μ1 = 64, σ1 = 3; J2: μ2 = 56, σ2 = 3.
  // z: A +1, B(J1) −1, B(J2) −1, C +1 → A 65, B 55, C 65.
  const sheets = [sheet('A', 'J1', 67), sheet('B', 'J1', 61), sheet('B', 'J2', 53), sheet('C', 'J2', 59)];

  it('off: raw means favour the team the lenient juror saw', () => {
    expect(summary({}, sheets)).toEqual([
      [1, 'A', 67, 1],
      [2, 'C', 59, 1],
      [3, 'B', 57, 2],
    ]);
  });

  it('on: each sheet becomes μ + σ·z of its juror; A and C level, the raw criterion average decides', () => {
    const standings = computeCaseStandings(OVERALL, sheets, { normaliseJudges: true, qualifierSlots: 1 });
    expect(standings.scale).toEqual({ mean: 60, standardDeviation: 5 });
    expect(standings.rows.map((r) => [r.rank, r.teamId, r.total, r.decidedBy, r.qualified])).toEqual([
      [1, 'A', 65, null, true],
      [2, 'C', 65, 'criterion:overall', false],
      [3, 'B', 55, 'total', false],
    ]);
    expect(standings.cutoffTie).toEqual({
      slots: 1,
      teamIds: ['A', 'C'],
      qualifiedTeamIds: ['A'],
      decidedBy: 'criterion:overall',
      unresolvedSlots: 0,
    });
  });

  it('a juror with one sheet, or with no spread, maps every sheet to the overall mean', () => {
    // Sheets 80, 60, 40, 70, 70: μ = 64, σ² = (256 + 16 + 576 + 36 + 36)/5 = 184.
    // J1 (one sheet) → 64; J2 (60, 40: z ±1) → 64 ± √184; J3 (70, 70: no spread) → 64, 64.
    const rows = computeCaseStandings(
      OVERALL,
      [sheet('A', 'J1', 80), sheet('A', 'J2', 60), sheet('B', 'J2', 40), sheet('B', 'J3', 70), sheet('C', 'J3', 70)],
      { normaliseJudges: true },
    ).rows;
    const sd = Math.sqrt(184);
    expect(rows.map((r) => r.teamId)).toEqual(['A', 'C', 'B']);
    expect(rows[0].total).toBeCloseTo(64 + sd / 2, 10);
    expect(rows[1].total).toBeCloseTo(64, 10);
    expect(rows[2].total).toBeCloseTo(64 - sd / 2, 10);
  });

  it('clamps a normalised sheet to the 0–100 scale', () => {
    // J1: nine teams at 40 and T9 at 70 (μ1 = 43, σ1 = 9, z = 3); J2 spreads T0 0 / T1 100.
    // All twelve sheets: μ ≈ 44.17, σ ≈ 22.16, so T9's sheet maps to μ + 3σ ≈ 110.6 → 100.
    const sheets = [
      ...Array.from({ length: 10 }, (_, t) => sheet(`T${t}`, 'J1', t === 9 ? 70 : 40)),
      sheet('T0', 'J2', 0),
      sheet('T1', 'J2', 100),
    ];
    const rows = computeCaseStandings(OVERALL, sheets, { normaliseJudges: true }).rows;
    expect(rows[0]).toMatchObject({ teamId: 'T9', total: 100 });
    for (const row of rows) expect(row.total).toBeGreaterThanOrEqual(0);
  });
});

describe('computeCaseStandings — ties and qualification', () => {
  const TWO: RubricCriterion[] = [
    { key: 'x', name: 'X', weight: 1, maxScore: 10 },
    { key: 'y', name: 'Y', weight: 1, maxScore: 10 },
  ];
  const s2 = (teamId: string, judgeId: string, x: number, y: number): CaseScoresheet => ({
    teamId,
    judgeId,
    scores: { x, y },
  });
  // P and Q total 70 each; Q is first on more jurors' sheets (J1 shares its top, J3 saw only Q, J2 put R first).
  const sheets = [
    s2('P', 'J1', 8, 6),
    s2('Q', 'J1', 6, 8),
    s2('P', 'J2', 7, 7),
    s2('R', 'J2', 8, 8),
    s2('Q', 'J3', 7, 7),
  ];
  const order = (options: CaseScoringOptions) =>
    computeCaseStandings(TWO, sheets, options).rows.map((r) => [r.rank, r.teamId, r.decidedBy]);

  it('default tie-break order: criteria by weight (rubric order among equals)', () => {
    expect(order({})).toEqual([
      [1, 'R', null],
      [2, 'P', 'total'],
      [3, 'Q', 'criterion:x'],
    ]);
  });

  it('a designated criterion order', () => {
    expect(order({ tieBreakCriteria: ['y'] })).toEqual([
      [1, 'R', null],
      [2, 'Q', 'total'],
      [3, 'P', 'criterion:y'],
    ]);
  });

  it('then first places', () => {
    expect(computeCaseStandings(TWO, sheets).rows.map((r) => [r.teamId, r.firstPlaces])).toEqual([
      ['R', 1],
      ['P', 1],
      ['Q', 2],
    ]);
    expect(order({ tieBreakCriteria: [] })).toEqual([
      [1, 'R', null],
      [2, 'Q', 'total'],
      [3, 'P', 'firstPlaces'],
    ]);
  });

  it('teams level on everything share the rank; across the line none of them is marked qualified', () => {
    const level = [s2('R', 'J1', 9, 9), s2('P', 'J1', 7, 7), s2('Q', 'J1', 7, 7), s2('S', 'J1', 1, 1)];
    const standings = computeCaseStandings(TWO, level, { qualifierSlots: 2 });
    expect(standings.rows.map((r) => [r.rank, r.teamId, r.qualified])).toEqual([
      [1, 'R', true],
      [2, 'P', false],
      [2, 'Q', false],
      [4, 'S', false],
    ]);
    expect(standings.cutoffTie).toEqual({
      slots: 2,
      teamIds: ['P', 'Q'],
      qualifiedTeamIds: [],
      decidedBy: null,
      unresolvedSlots: 1,
    });
    // The line falls after the level pair: both qualify and there is nothing to report.
    const clear = computeCaseStandings(TWO, level, { qualifierSlots: 3 });
    expect(clear.rows.map((r) => r.qualified)).toEqual([true, true, true, false]);
    expect(clear.cutoffTie).toBeNull();
  });

  it('rejects an unknown tie-break criterion and two sheets from one juror for a team', () => {
    expect(() => computeCaseStandings(TWO, sheets, { tieBreakCriteria: ['z'] })).toThrow('not in the rubric');
    expect(() => computeCaseStandings(TWO, [...sheets, s2('P', 'J1', 1, 1)])).toThrow('two sheets');
  });
});

// ---------- property tests ----------

const arbScores = fc.record(
  Object.fromEntries(DEFAULT_CASE_RUBRIC.map((c) => [c.key, fc.integer({ min: 0, max: 20 }).map((x) => x / 2)])),
);

/** A jury where each (team, juror) pair may or may not have a sheet. */
const arbChampionship = fc
  .record({ teams: fc.integer({ min: 1, max: 8 }), judges: fc.integer({ min: 1, max: 7 }) })
  .chain(({ teams, judges }) =>
    fc
      .array(fc.option(arbScores, { freq: 3 }), { minLength: teams * judges, maxLength: teams * judges })
      .map((cells) =>
        cells.flatMap((scores, k) =>
          scores ? [{ teamId: `t${k % teams}`, judgeId: `j${Math.floor(k / teams)}`, scores }] : [],
        ),
      ),
  );

const arbOptions = fc.record({
  dropHighLow: fc.boolean(),
  normaliseJudges: fc.boolean(),
  qualifierSlots: fc.integer({ min: 0, max: 9 }),
  tieBreakCriteria: fc.option(fc.shuffledSubarray(DEFAULT_CASE_RUBRIC.map((c) => c.key)), { nil: undefined }),
});

describe('computeCaseStandings — properties', () => {
  it('totals lie in [0, 100]; ranks never decrease; qualified rows are a prefix within the slots', () => {
    fc.assert(
      fc.property(arbChampionship, arbOptions, (sheets, options) => {
        const { rows, cutoffTie } = computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets, options);
        expect(rows).toHaveLength(new Set(sheets.map((s) => s.teamId)).size);
        rows.forEach((row, i) => {
          expect(row.total).toBeGreaterThanOrEqual(0);
          expect(row.total).toBeLessThanOrEqual(100 + 1e-9);
          const sheetCount = sheets.filter((s) => s.teamId === row.teamId).length;
          expect(row.judgesCounted).toBe(options.dropHighLow && sheetCount >= 5 ? sheetCount - 2 : sheetCount);
          if (i === 0) return expect(row.rank).toBe(1);
          expect(row.rank).toBe(row.decidedBy === null ? rows[i - 1].rank : i + 1);
          expect(row.total).toBeLessThanOrEqual(rows[i - 1].total + 1e-6);
        });
        const qualified = rows.filter((r) => r.qualified).length;
        expect(qualified).toBeLessThanOrEqual(options.qualifierSlots);
        expect(rows.slice(0, qualified).every((r) => r.qualified)).toBe(true);
        if (cutoffTie?.decidedBy === null) expect(qualified + cutoffTie.unresolvedSlots).toBe(options.qualifierSlots);
        else expect(qualified).toBe(Math.min(options.qualifierSlots, rows.length));
      }),
      { numRuns: 300 },
    );
  });

  it('the order of the sheets never changes the standing', () => {
    fc.assert(
      fc.property(arbChampionship, arbOptions, fc.integer({ min: 1, max: 97 }), (sheets, options, stride) => {
        const n = sheets.length;
        const shuffled = sheets.map((_, i) => sheets[(i * (stride * 2 + 1) + stride) % n]);
        fc.pre(new Set(shuffled).size === n); // the stride walk is a permutation only when coprime with n
        expect(computeCaseStandings(DEFAULT_CASE_RUBRIC, shuffled, options)).toEqual(
          computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets, options),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('dropHighLow changes nothing while every team has fewer than five judges', () => {
    const fewJudges = fc
      .record({ teams: fc.integer({ min: 1, max: 6 }), judges: fc.integer({ min: 1, max: 4 }) })
      .chain(({ teams, judges }) =>
        fc
          .array(arbScores, { minLength: teams * judges, maxLength: teams * judges })
          .map((cells) =>
            cells.map((scores, k) => ({ teamId: `t${k % teams}`, judgeId: `j${Math.floor(k / teams)}`, scores })),
          ),
      );
    fc.assert(
      fc.property(fewJudges, fc.boolean(), (sheets, normaliseJudges) => {
        expect(computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets, { dropHighLow: true, normaliseJudges })).toEqual(
          computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets, { normaliseJudges }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('with normalisation, shifting every score of one juror by the same offset leaves the ranking unchanged', () => {
    // Each juror scores only some teams, so without normalisation an offset would reorder them.
    // Middle-band scores (4–6) and at most 4 teams per juror (|z| ≤ √3) keep every normalised sheet
    // inside [0, 100], so clamping never interferes.
    const jury = fc
      .record({ teams: fc.integer({ min: 2, max: 4 }), judges: fc.integer({ min: 2, max: 4 }) })
      .chain(({ teams, judges }) =>
        fc.tuple(
          fc
            .array(
              fc.option(
                fc.record(Object.fromEntries(DEFAULT_CASE_RUBRIC.map((c) => [c.key, fc.integer({ min: 4, max: 6 })]))),
              ),
              {
                minLength: teams * judges,
                maxLength: teams * judges,
              },
            )
            .map((cells) =>
              cells.flatMap((scores, k) =>
                scores ? [{ teamId: `t${k % teams}`, judgeId: `j${Math.floor(k / teams)}`, scores }] : [],
              ),
            ),
          fc.integer({ min: 0, max: judges - 1 }),
          fc.constantFrom(-2, -1, 1, 2),
          fc.boolean(),
        ),
      );
    fc.assert(
      fc.property(jury, ([sheets, shifted, offset, dropHighLow]) => {
        const moved = sheets.map((s) =>
          s.judgeId === `j${shifted}`
            ? { ...s, scores: Object.fromEntries(Object.entries(s.scores).map(([k, v]) => [k, v + offset])) }
            : s,
        );
        const before = computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets, { normaliseJudges: true, dropHighLow }).rows;
        const after = computeCaseStandings(DEFAULT_CASE_RUBRIC, moved, { normaliseJudges: true, dropHighLow }).rows;
        const totalOf = (rows: typeof before) => new Map(rows.map((r) => [r.teamId, r.total]));
        const [b, a] = [totalOf(before), totalOf(after)];
        const sign = (x: number) => (Math.abs(x) < 1e-6 ? 0 : Math.sign(x));
        for (const p of b.keys()) {
          for (const q of b.keys()) {
            expect(sign((a.get(p) as number) - (a.get(q) as number))).toBe(
              sign((b.get(p) as number) - (b.get(q) as number)),
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles 4,000 teams × 5 jurors', () => {
    const sheets: CaseScoresheet[] = [];
    for (let t = 0; t < 4000; t++) {
      for (let j = 0; j < 5; j++) {
        const judgeId = `j${(t * 5 + j) % 200}`;
        const v = (t * 7 + j * 13) % 11;
        sheets.push({
          teamId: `t${t}`,
          judgeId,
          scores: {
            relevance: v,
            analysis: 10 - v,
            feasibility: (v * 3) % 11,
            innovation: 5,
            presentation: (t + j) % 11,
          },
        });
      }
    }
    // Time is measured by bench/engine-standings.ts, not asserted here.
    const { rows } = computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets, {
      dropHighLow: true,
      normaliseJudges: true,
      qualifierSlots: 100,
    });
    expect(rows).toHaveLength(4000);
    expect(rows.every((r) => r.judgesCounted === 3)).toBe(true);
  });
});

describe('computeCaseStandings — rooms with their own juries', () => {
  // Room 1 (jurors N1, N2, neutral) and room 2 (jurors H1, H2) see teams of the same quality, but room 2's jury
  // marks every team 2 points lower on each of the five 0–10 criteria (10 points lower on the 0–100 total).
  const marks = (base: number) => ({
    relevance: base,
    analysis: base,
    feasibility: base,
    innovation: base,
    presentation: base,
  });
  const room = (teams: string[], jurors: string[], shift: number) =>
    teams.flatMap((teamId, i) =>
      jurors.map((judgeId, j) => ({ teamId, judgeId, scores: marks(8 - 2 * i + (j === 0 ? 1 : 0) - shift) })),
    );
  const sheets = [
    ...room(['N-best', 'N-mid', 'N-low'], ['N1', 'N2'], 0),
    ...room(['H-best', 'H-mid', 'H-low'], ['H1', 'H2'], 2),
  ];

  it('under standardisation a harsh room ranks its teams exactly as the neutral room does', () => {
    const { rows } = computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets, { normalisation: 'z-scores' });
    const total = (id: string) => rows.find((r) => r.teamId === id)!.total;
    for (const level of ['best', 'mid', 'low']) expect(total(`H-${level}`)).toBeCloseTo(total(`N-${level}`), 9);
    // Raw totals would put every harsh-room team below its neutral twin.
    const raw = computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets).rows;
    const rawTotal = (id: string) => raw.find((r) => r.teamId === id)!.total;
    for (const level of ['best', 'mid', 'low'])
      expect(rawTotal(`H-${level}`)).toBeCloseTo(rawTotal(`N-${level}`) - 20, 9);
  });

  it("with ranks, each sheet is the team's percentile among the juror's own sheets", () => {
    const { rows } = computeCaseStandings(DEFAULT_CASE_RUBRIC, sheets, { normalisation: 'ranks' });
    const total = (id: string) => rows.find((r) => r.teamId === id)!.total;
    // Three sheets per juror: best 100, middle 50, lowest 0 — in both rooms.
    expect([total('N-best'), total('N-mid'), total('N-low'), total('H-best'), total('H-mid'), total('H-low')]).toEqual([
      100, 50, 0, 100, 50, 0,
    ]);
  });
});
