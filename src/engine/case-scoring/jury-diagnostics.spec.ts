import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { CaseScoresheet } from './case-standings.js';
import { juryDiagnostics, roomDiagnostics } from './jury-diagnostics.js';
import { DEFAULT_CASE_RUBRIC, type RubricCriterion } from './rubric.js';

const OVERALL: RubricCriterion[] = [{ key: 'overall', name: 'Overall', weight: 1, maxScore: 100 }];
const sheet = (teamId: string, judgeId: string, overall: number): CaseScoresheet => ({
  teamId,
  judgeId,
  scores: { overall },
});

describe('juryDiagnostics', () => {
  // J1: A 80, B 70, C 60; J2: A 70, B 60, C 50; J3: A 60, B 80, C 70.
  const sheets = [
    ...[80, 70, 60].map((s, t) => sheet('ABC'[t], 'J1', s)),
    ...[70, 60, 50].map((s, t) => sheet('ABC'[t], 'J2', s)),
    ...[60, 80, 70].map((s, t) => sheet('ABC'[t], 'J3', s)),
  ];

  it('harshness against the other jurors and rank agreement with them, by hand', () => {
    const rows = juryDiagnostics(OVERALL, sheets);
    expect(rows.map((r) => r.judgeId)).toEqual(['J1', 'J2', 'J3']);
    // J1 vs the others' means A 65, B 70, C 60: deviations +15, 0, 0 → +5; ranks (3,2,1) vs (2,3,1) → ρ = 1 − 6·2/24 = 0.5.
    expect(rows[0]).toMatchObject({ sheets: 3, meanTotal: 70, sharedTeams: 3, meanDeviation: 5 });
    expect(rows[0].standardDeviation).toBeCloseTo(Math.sqrt(200 / 3), 10);
    expect(rows[0].agreement).toBeCloseTo(0.5, 10);
    // J2 vs A 70, B 75, C 65: deviations 0, −15, −15 → −10 (harsh); ranks (3,2,1) vs (2,3,1) → 0.5.
    expect(rows[1]).toMatchObject({ meanTotal: 60, meanDeviation: -10 });
    expect(rows[1].agreement).toBeCloseTo(0.5, 10);
    // J3 vs A 75, B 65, C 55: deviations −15, +15, +15 → +5; ranks (1,3,2) vs (3,2,1) → 1 − 6·6/24 = −0.5.
    expect(rows[2]).toMatchObject({ meanTotal: 70, meanDeviation: 5 });
    expect(rows[2].agreement).toBeCloseTo(-0.5, 10);
  });

  it('no agreement with fewer than three shared teams, no deviation with none', () => {
    const rows = juryDiagnostics(OVERALL, [
      sheet('A', 'J1', 80),
      sheet('B', 'J1', 60),
      sheet('A', 'J2', 70),
      sheet('B', 'J2', 50),
      sheet('C', 'J3', 90),
    ]);
    expect(rows.map((r) => [r.judgeId, r.sharedTeams, r.meanDeviation, r.agreement, r.standardDeviation])).toEqual([
      ['J1', 2, 10, null, 10],
      ['J2', 2, -10, null, 10],
      ['J3', 0, null, null, 0],
    ]);
  });

  it('ties take average ranks; a juror ranking everything level has no agreement', () => {
    const tied = [
      ...[70, 70, 60].map((s, t) => sheet('ABC'[t], 'J1', s)),
      ...[80, 60, 50].map((s, t) => sheet('ABC'[t], 'J2', s)),
      ...[65, 65, 65].map((s, t) => sheet('ABC'[t], 'J3', s)),
    ];
    const rows = juryDiagnostics(OVERALL, tied);
    // J1 ranks (2.5, 2.5, 1) vs others' means A 72.5, B 62.5, C 57.5 → ranks (3, 2, 1): Pearson = √3/2.
    expect(rows[0].agreement).toBeCloseTo(Math.sqrt(3) / 2, 10);
    expect(rows[2].agreement).toBeNull();
  });

  it('agreement reads ranks only: a monotone rescaling of the other juror agrees fully, a reversal fully disagrees', () => {
    const arb = fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 8 });
    fc.assert(
      fc.property(arb, fc.boolean(), (scores, reverse) => {
        // J2 scores each team by a strictly monotone function of J1's score (squares; or 100 − square to reverse).
        const sheets = [
          ...scores.map((s, t) => sheet(`t${t}`, 'J1', s)),
          ...scores.map((s, t) => sheet(`t${t}`, 'J2', reverse ? 100 - s * s : s * s)),
        ];
        const rows = juryDiagnostics(OVERALL, sheets);
        for (const row of rows) expect(row.agreement).toBeCloseTo(reverse ? -1 : 1, 9);
        // J1's deviation is its mean score minus J2's, exactly.
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        const j2 = scores.map((s) => (reverse ? 100 - s * s : s * s));
        expect(rows.find((r) => r.judgeId === 'J1')!.meanDeviation).toBeCloseTo(mean(scores) - mean(j2), 9);
      }),
      { numRuns: 100 },
    );
  });

  it('agreement stays within [−1, 1] and a uniform offset shows up exactly as the deviation', () => {
    const arb = fc
      .record({ teams: fc.integer({ min: 1, max: 7 }), judges: fc.integer({ min: 2, max: 5 }) })
      .chain(({ teams, judges }) =>
        fc.tuple(
          fc.array(
            fc.record(Object.fromEntries(DEFAULT_CASE_RUBRIC.map((c) => [c.key, fc.integer({ min: 0, max: 8 })]))),
            {
              minLength: teams,
              maxLength: teams,
            },
          ),
          fc.array(fc.integer({ min: 0, max: 2 }), { minLength: judges, maxLength: judges }),
        ),
      );
    fc.assert(
      fc.property(arb, ([base, offsets]) => {
        // Juror j adds offsets[j] to every criterion of the same base sheet: totals differ by 10 × offset.
        const sheets = offsets.flatMap((offset, j) =>
          base.map((scores, t) => ({
            teamId: `t${t}`,
            judgeId: `j${j}`,
            scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v + offset])),
          })),
        );
        const meanOffset = (j: number) => (offsets.reduce((a, b) => a + b, 0) - offsets[j]) / (offsets.length - 1);
        juryDiagnostics(DEFAULT_CASE_RUBRIC, sheets).forEach((row, j) => {
          expect(row.meanDeviation).toBeCloseTo(10 * (offsets[j] - meanOffset(j)), 9);
          if (row.agreement !== null) {
            expect(row.agreement).toBeGreaterThanOrEqual(-1 - 1e-12);
            expect(row.agreement).toBeLessThanOrEqual(1 + 1e-12);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('roomDiagnostics', () => {
  it("shows each room's mean and spread, so a harsh room stands out", () => {
    const one = [{ key: 'overall', name: 'Overall', weight: 1, maxScore: 100 }];
    const s = (teamId: string, judgeId: string, overall: number) => ({ teamId, judgeId, scores: { overall } });
    const sheets = [s('a', 'j1', 70), s('b', 'j1', 80), s('c', 'j2', 50), s('d', 'j2', 60)];
    const roomOf = new Map([
      ['a', 1],
      ['b', 1],
      ['c', 2],
      ['d', 2],
    ]);
    expect(roomDiagnostics(one, sheets, roomOf)).toEqual([
      { room: 1, sheets: 2, meanTotal: 75, standardDeviation: 5, deviationFromAll: 10 },
      { room: 2, sheets: 2, meanTotal: 55, standardDeviation: 5, deviationFromAll: -10 },
    ]);
  });
});
