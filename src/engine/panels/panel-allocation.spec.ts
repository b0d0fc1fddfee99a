import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { allocatePanels, type AllocationRequest } from './panel-allocation.js';

const instance = fc
  .record({ debates: fc.integer({ min: 1, max: 30 }), extra: fc.integer({ min: 0, max: 40 }), conflictRate: fc.double({ min: 0, max: 0.2, noNaN: true }), salt: fc.integer() })
  .map(({ debates, extra, conflictRate, salt }): AllocationRequest => {
    const judges = Array.from({ length: debates * 3 + extra }, (_, i) => ({ id: `j${i}`, strength: ((i * 7919 + salt) % 97) / 10 }));
    const rooms = Array.from({ length: debates }, (_, d) => ({ id: `d${d}`, importance: (d * 31 + salt) % 7, teamIds: [`t${2 * d}`, `t${2 * d + 1}`] }));
    let x = Math.abs(salt) + 1;
    const next = () => ((x = (x * 48271) % 2147483647) / 2147483647);
    const teamConflicts = judges.flatMap((j) => rooms.flatMap((r) => (next() < conflictRate ? [[j.id, r.teamIds[0]] as [string, string]] : [])));
    const judgeConflicts = judges.flatMap((j, i) => (next() < conflictRate ? [[j.id, judges[(i + 1) % judges.length].id] as [string, string]] : []));
    return { debates: rooms, judges, teamConflicts, judgeConflicts };
  });

describe('allocatePanels', () => {
  it('seats the strongest judges in the most important rooms, chair first', () => {
    const result = allocatePanels({
      debates: [
        { id: 'quiet', importance: 0, teamIds: ['a', 'b'] },
        { id: 'top', importance: 3, teamIds: ['c', 'd'] },
      ],
      judges: [1, 9, 5, 7, 3, 8].map((strength) => ({ id: `j${strength}`, strength })),
      teamConflicts: [['j9', 'c']],
    });
    const panel = (id: string) => result.panels.filter((p) => p.debateId === id);
    expect(panel('top').map((p) => [p.judgeId, p.role])).toEqual([
      ['j8', 'chair'],
      ['j7', 'wing'],
      ['j3', 'wing'],
    ]);
    // j9 is conflicted with team c, so it chairs the other room.
    expect(panel('quiet').map((p) => p.judgeId)).toEqual(['j9', 'j5', 'j1']);
  });

  it('never seats a conflict, a judge twice, or a chair weaker than a wing', () => {
    fc.assert(
      fc.property(instance, (request) => {
        const result = allocatePanels(request);
        const ids = result.panels.map((p) => p.judgeId);
        expect(new Set(ids).size).toBe(ids.length);
        const conflicted = new Set(request.teamConflicts.map(([j, t]) => `${j}|${t}`));
        const pairs = new Set((request.judgeConflicts ?? []).flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
        const strength = new Map(request.judges.map((j) => [j.id, j.strength]));
        for (const debate of request.debates) {
          const panel = result.panels.filter((p) => p.debateId === debate.id);
          for (const p of panel) for (const t of debate.teamIds) expect(conflicted.has(`${p.judgeId}|${t}`)).toBe(false);
          for (const a of panel) for (const b of panel) expect(pairs.has(`${a.judgeId}|${b.judgeId}`)).toBe(false);
          const chair = panel.find((p) => p.role === 'chair');
          if (!chair) {
            expect(result.brokenConstraints.some((c) => c.debateId === debate.id)).toBe(true);
            continue;
          }
          expect(panel.filter((p) => p.role === 'chair')).toHaveLength(1);
          for (const wing of panel) expect(strength.get(chair.judgeId)!).toBeGreaterThanOrEqual(strength.get(wing.judgeId)!);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives rooms that matter more chairs at least as strong when nothing is conflicted', () => {
    fc.assert(
      fc.property(instance, (request) => {
        const result = allocatePanels({ ...request, teamConflicts: [], judgeConflicts: [] });
        const strength = new Map(request.judges.map((j) => [j.id, j.strength]));
        const chairOf = new Map(result.panels.filter((p) => p.role === 'chair').map((p) => [p.debateId, strength.get(p.judgeId)!]));
        for (const a of request.debates) {
          for (const b of request.debates) {
            if (a.importance > b.importance) expect(chairOf.get(a.id)!).toBeGreaterThanOrEqual(chairOf.get(b.id)!);
          }
        }
        expect(result.brokenConstraints).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
