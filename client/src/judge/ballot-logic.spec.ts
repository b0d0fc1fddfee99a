import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ballotBody,
  emptyDraft,
  evaluate,
  parseScore,
  stepScore,
  weightedTotal,
  type BallotDraft,
} from './ballot-logic.js';
import type { Format, WorkTeam } from './types.js';

const L = (en: string) => ({ kk: en, ru: en, en });
const WSDC: Format = {
  key: 'wsdc',
  name: 'WSDC',
  sides: ['gov', 'opp'].map((code) => ({ code, name: L(code), slots: ['1', '2', '3', 'R'].map(L) })),
  speakersPerSide: 3,
  speechSlots: [
    { kind: 'speech', min: 60, max: 80, step: 0.5 },
    { kind: 'speech', min: 60, max: 80, step: 0.5 },
    { kind: 'speech', min: 60, max: 80, step: 0.5 },
    { kind: 'reply', min: 30, max: 40, step: 0.5, eligiblePositions: [1, 2] },
  ],
  result: { kind: 'win-loss', winPoints: 1 },
};
const BP: Format = {
  key: 'bp',
  name: 'BP',
  sides: ['OG', 'OO', 'CG', 'CO'].map((code) => ({ code, name: L(code), slots: ['1', '2'].map(L) })),
  speakersPerSide: 2,
  speechSlots: [
    { kind: 'speech', min: 50, max: 99, step: 1 },
    { kind: 'speech', min: 50, max: 99, step: 1 },
  ],
  result: { kind: 'ranks', pointsByRank: [3, 2, 1, 0] },
};
const team = (id: string, n: number): WorkTeam => ({
  teamId: id,
  name: `Team ${id}`,
  side: '',
  speakers: Array.from({ length: n }, (_, i) => ({ id: `${id}${i + 1}`, name: `${id} speaker ${i + 1}` })),
});
const name = (t: number, s: number) => `t${t}s${s}`;

function filled(format: Format, teams: WorkTeam[], scores: string[][]): BallotDraft {
  const draft = emptyDraft(format, teams);
  draft.teams.forEach((entry, t) => entry.slots.forEach((cell, s) => (cell.score = scores[t][s])));
  return draft;
}

describe('stepScore', () => {
  const slot = WSDC.speechSlots[0];
  it('starts an empty score at the middle of the range and steps by the slot step', () => {
    expect(stepScore(null, slot, 1)).toBe(70);
    expect(stepScore(70, slot, 1)).toBe(70.5);
    expect(stepScore(70, slot, -1)).toBe(69.5);
  });
  it('never leaves the range and always lands on the grid, whatever the start', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.constantFrom<1 | -1>(1, -1), (start, dir) => {
        const next = stepScore(start, slot, dir);
        expect(next).toBeGreaterThanOrEqual(60);
        expect(next).toBeLessThanOrEqual(80);
        expect(((next - 60) / 0.5) % 1).toBe(0);
      }),
    );
  });
  it('moves an off-grid value to the next grid point in the direction tapped', () => {
    expect(stepScore(70.2, slot, 1)).toBe(70.5);
    expect(stepScore(70.2, slot, -1)).toBe(70);
  });
});

describe('parseScore', () => {
  it('reads a point or a comma, blank as missing, anything else as NaN', () => {
    expect(parseScore('70,5')).toBe(70.5);
    expect(parseScore(' 71 ')).toBe(71);
    expect(parseScore('')).toBeNull();
    expect(parseScore('7O')).toBeNaN();
  });
});

describe('evaluate (WSDC)', () => {
  const teams = [team('g', 3), team('o', 3)];
  it('totals each team, names the winner and the margin', () => {
    const draft = filled(WSDC, teams, [
      ['71', '70', '70.5', '35.5'],
      ['70', '69.5', '70', '35'],
    ]);
    const state = evaluate(WSDC, teams, draft, name);
    expect(state.totals).toEqual([247, 244.5]);
    expect(state.winner).toBe(0);
    expect(state.margin).toBe(2.5);
    expect(state.problems).toEqual([]);
    expect(ballotBody(WSDC, draft).teams[0].speeches).toEqual([
      { speakerId: 'g1', score: 71 },
      { speakerId: 'g2', score: 70 },
      { speakerId: 'g3', score: 70.5 },
      { speakerId: 'g1', score: 35.5, reply: true },
    ]);
  });
  it('blocks a tie, a score out of range or off the step, and a third speaker giving the reply', () => {
    const draft = filled(WSDC, teams, [
      ['70', '70', '70', '35'],
      ['70', '70', '70', '35'],
    ]);
    expect(evaluate(WSDC, teams, draft, name).problems.map((p) => p.key)).toEqual(['problem.tie']);
    draft.teams[0].slots[0].score = '85';
    draft.teams[0].slots[1].score = '70.3';
    draft.teams[1].slots[3].speakerId = 'o3';
    const state = evaluate(WSDC, teams, draft, name);
    expect(state.problems.map((p) => [p.key, p.team, p.slot])).toEqual([
      ['problem.range', 0, 0],
      ['problem.step', 0, 1],
      ['problem.reply', 1, 3],
    ]);
    expect(state.winner).toBeNull();
  });
  it('blocks the same member giving two substantive speeches', () => {
    const draft = filled(WSDC, teams, [
      ['71', '70', '70', '35'],
      ['70', '70', '70', '35'],
    ]);
    draft.teams[0].slots[2].speakerId = 'g1';
    expect(evaluate(WSDC, teams, draft, name).problems.map((p) => p.key)).toContain('problem.duplicate');
  });
});

describe('evaluate (BP)', () => {
  const teams = ['a', 'b', 'c', 'd'].map((id) => team(id, 2));
  it('ranks the four teams by total, best first', () => {
    const draft = filled(BP, teams, [
      ['75', '76'],
      ['80', '79'],
      ['70', '72'],
      ['77', '77'],
    ]);
    const state = evaluate(BP, teams, draft, name);
    expect(state.ranks).toEqual([3, 1, 4, 2]);
    expect(state.problems).toEqual([]);
  });
  it('blocks any two teams on the same total', () => {
    const draft = filled(BP, teams, [
      ['75', '76'],
      ['80', '79'],
      ['76', '75'],
      ['77', '77'],
    ]);
    const problems = evaluate(BP, teams, draft, name).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ key: 'problem.tie', params: { teams: 'Team a, Team c' } });
  });
});

describe('weightedTotal', () => {
  it('is Σ(weight × score / max) / Σweight × 100', () => {
    const criteria = [
      { key: 'a', weight: 20, maxScore: 10 },
      { key: 'b', weight: 30, maxScore: 5 },
    ];
    // 20 × 0.5 + 30 × 1 = 40 of 50 → 80
    expect(weightedTotal(criteria, { a: 5, b: 5 })).toBe(80);
    expect(weightedTotal(criteria, { a: 5, b: null })).toBeNull();
  });
});
