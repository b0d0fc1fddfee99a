import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { unscoredByJuror, type JurorTeamPair } from './unscored.js';

const jurors = ['j1', 'j2', 'j3', 'j4'];
const teams = ['t1', 't2', 't3', 't4', 't5'];
const pair = fc.record({ judgeId: fc.constantFrom(...jurors), teamId: fc.constantFrom(...teams) });
const input = fc.record({
  jurorIds: fc.subarray(jurors),
  teamIds: fc.subarray(teams),
  sheets: fc.array(pair, { maxLength: 20 }),
  conflicts: fc.array(pair, { maxLength: 6 }),
});
const has = (pairs: JurorTeamPair[], judgeId: string, teamId: string) =>
  pairs.some((p) => p.judgeId === judgeId && p.teamId === teamId);

describe('unscoredByJuror', () => {
  it('names the missing teams per juror, skipping conflicts and jurors who are done', () => {
    expect(
      unscoredByJuror({
        jurorIds: ['a', 'b', 'c'],
        teamIds: ['x', 'y', 'z'],
        sheets: [
          { judgeId: 'a', teamId: 'x' },
          { judgeId: 'b', teamId: 'x' },
          { judgeId: 'b', teamId: 'y' },
          { judgeId: 'b', teamId: 'z' },
          { judgeId: 'c', teamId: 'z' },
          // A sheet for a team outside this stage changes nothing.
          { judgeId: 'a', teamId: 'w' },
        ],
        conflicts: [{ judgeId: 'c', teamId: 'x' }],
      }),
    ).toEqual([
      { judgeId: 'a', teamIds: ['y', 'z'] },
      { judgeId: 'c', teamIds: ['y'] },
    ]);
  });

  it('reports each juror–team pair exactly when it has neither a sheet nor a conflict', () => {
    fc.assert(
      fc.property(input, (i) => {
        const reported = unscoredByJuror(i);
        // Soundness: a reported pair has no sheet and no conflict, and belongs to the stage.
        for (const { judgeId, teamIds } of reported) {
          expect(i.jurorIds).toContain(judgeId);
          expect(teamIds.length).toBeGreaterThan(0);
          for (const teamId of teamIds) {
            expect(i.teamIds).toContain(teamId);
            expect(has(i.sheets, judgeId, teamId) || has(i.conflicts, judgeId, teamId)).toBe(false);
          }
        }
        // Completeness, counted: the reported pairs and the settled ones make up the whole jury × field.
        let settled = 0;
        for (const judgeId of i.jurorIds)
          for (const teamId of i.teamIds)
            if (has(i.sheets, judgeId, teamId) || has(i.conflicts, judgeId, teamId)) settled++;
        const count = reported.reduce((n, r) => n + new Set(r.teamIds).size, 0);
        expect(count + settled).toBe(i.jurorIds.length * i.teamIds.length);
        // Order: jurors and teams as given.
        expect(reported.map((r) => r.judgeId)).toEqual(i.jurorIds.filter((j) => reported.some((r) => r.judgeId === j)));
        for (const r of reported) expect(r.teamIds).toEqual(i.teamIds.filter((t) => r.teamIds.includes(t)));
      }),
    );
  });
});
