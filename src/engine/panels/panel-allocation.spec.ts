import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { allocatePanels, type AllocationRequest } from './panel-allocation.js';

const instance = fc
  .record({
    debates: fc.integer({ min: 1, max: 30 }),
    extra: fc.integer({ min: 0, max: 40 }),
    conflictRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
    salt: fc.integer(),
  })
  .map(({ debates, extra, conflictRate, salt }): AllocationRequest => {
    const judges = Array.from({ length: debates * 3 + extra }, (_, i) => ({
      id: `j${i}`,
      strength: ((i * 7919 + salt) % 97) / 10,
    }));
    const rooms = Array.from({ length: debates }, (_, d) => ({
      id: `d${d}`,
      importance: (d * 31 + salt) % 7,
      teamIds: [`t${2 * d}`, `t${2 * d + 1}`],
    }));
    let x = Math.abs(salt) + 1;
    const next = () => (x = (x * 48271) % 2147483647) / 2147483647;
    const teamConflicts = judges.flatMap((j) =>
      rooms.flatMap((r) => (next() < conflictRate ? [[j.id, r.teamIds[0]] as [string, string]] : [])),
    );
    const judgeConflicts = judges.flatMap((j, i) =>
      next() < conflictRate ? [[j.id, judges[(i + 1) % judges.length].id] as [string, string]] : [],
    );
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
          for (const p of panel)
            for (const t of debate.teamIds) expect(conflicted.has(`${p.judgeId}|${t}`)).toBe(false);
          for (const a of panel) for (const b of panel) expect(pairs.has(`${a.judgeId}|${b.judgeId}`)).toBe(false);
          const chair = panel.find((p) => p.role === 'chair');
          if (!chair) {
            expect(result.brokenConstraints.some((c) => c.debateId === debate.id)).toBe(true);
            continue;
          }
          expect(panel.filter((p) => p.role === 'chair')).toHaveLength(1);
          for (const wing of panel)
            expect(strength.get(chair.judgeId)!).toBeGreaterThanOrEqual(strength.get(wing.judgeId)!);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('gives rooms that matter more chairs at least as strong when nothing is conflicted', () => {
    fc.assert(
      fc.property(instance, (request) => {
        const result = allocatePanels({ ...request, teamConflicts: [], judgeConflicts: [] });
        const strength = new Map(request.judges.map((j) => [j.id, j.strength]));
        const chairOf = new Map(
          result.panels.filter((p) => p.role === 'chair').map((p) => [p.debateId, strength.get(p.judgeId)!]),
        );
        for (const a of request.debates) {
          for (const b of request.debates) {
            if (a.importance > b.importance) expect(chairOf.get(a.id)!).toBeGreaterThanOrEqual(chairOf.get(b.id)!);
          }
        }
        expect(result.brokenConstraints).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('gives important rooms panels and the rest solos: 10 rooms, 29 judges', () => {
    const debates = Array.from({ length: 10 }, (_, d) => ({ id: `d${d}`, importance: d, teamIds: [`a${d}`, `b${d}`] }));
    const judges = Array.from({ length: 29 }, (_, j) => ({ id: `j${j}`, strength: j % 10 }));
    const sizes = (result: ReturnType<typeof allocatePanels>) =>
      debates.map((d) => result.panels.filter((p) => p.debateId === d.id).length);
    // 19 judges beyond the chairs: panels of 3 from the top (d9 down to d1); the last one would make an even panel.
    const odd = allocatePanels({ debates, judges, teamConflicts: [] });
    expect(sizes(odd)).toEqual([1, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(odd.unallocated).toHaveLength(1);
    // Allowed even panels, the last judge is a wing in d0 and nobody sits out.
    const even = allocatePanels({ debates, judges, teamConflicts: [], options: { evenPanels: true } });
    expect(sizes(even)).toEqual([2, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(even.unallocated).toEqual([]);
    // 15 judges, five beyond the chairs: two panels of 3 at the top, the rest solo.
    const fewer = allocatePanels({ debates, judges: judges.slice(0, 15), teamConflicts: [] });
    expect(sizes(fewer)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 3, 3]);
    expect(fewer.brokenConstraints).toEqual([]);
    // 50 judges: panels of 5 everywhere.
    expect(
      sizes(
        allocatePanels({
          debates,
          judges: [...judges, ...judges.slice(0, 21).map((j) => ({ ...j, id: `${j.id}b` }))],
          teamConflicts: [],
        }),
      ),
    ).toEqual(new Array(10).fill(5));
  });

  it("puts the organiser's flagged room first whatever its importance", () => {
    const debates = [
      { id: 'top', importance: 5, teamIds: ['a', 'b'] },
      { id: 'flagged', importance: 0, teamIds: ['c', 'd'], important: true },
    ];
    const judges = [9, 8, 7, 6].map((strength) => ({ id: `j${strength}`, strength }));
    const result = allocatePanels({ debates, judges, teamConflicts: [] });
    expect(result.panels.filter((p) => p.debateId === 'flagged').map((p) => p.judgeId)).toEqual(['j9', 'j7', 'j6']);
    expect(result.panels.filter((p) => p.debateId === 'top').map((p) => p.judgeId)).toEqual(['j8']);
  });

  it('caps panels when asked: a fixed size leaves the extra judges out', () => {
    const debates = [{ id: 'only', importance: 0, teamIds: ['a', 'b'] }];
    const judges = [1, 2, 3, 4].map((strength) => ({ id: `j${strength}`, strength }));
    expect(allocatePanels({ debates, judges, teamConflicts: [], panelSize: 1 }).unallocated.sort()).toEqual([
      'j1',
      'j2',
      'j3',
    ]);
    expect(allocatePanels({ debates, judges, teamConflicts: [], options: { maxPanelSize: 3 } }).unallocated).toEqual([
      'j1',
    ]);
  });

  it('moves a judge away from a team they have judged before when an equal judge is free', () => {
    const debates = [
      { id: 'x', importance: 1, teamIds: ['a', 'b'] },
      { id: 'y', importance: 1, teamIds: ['c', 'd'] },
    ];
    const judges = [
      { id: 'p', strength: 5 },
      { id: 'q', strength: 5 },
    ];
    for (const [seenTeam, expected] of [
      ['a', 'q'],
      ['c', 'p'],
    ] as const) {
      const result = allocatePanels({ debates, judges, teamConflicts: [], seen: [['p', seenTeam]] });
      expect(result.panels.find((p) => p.debateId === 'x')!.judgeId).toBe(expected);
    }
  });

  it('leaves no judges idle while a room they could sit in is below the largest panel (two for odd panels, one for even)', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 0, max: 60 }), fc.boolean(), (request, drop, evenPanels) => {
        // Between one and five judges a room, so rooms are of mixed sizes.
        const judges = request.judges.slice(0, Math.max(1, request.judges.length - drop));
        const result = allocatePanels({ ...request, judges, options: { evenPanels } });
        const teamConflict = new Set(request.teamConflicts.map(([j, t]) => `${j}|${t}`));
        const judgeConflict = new Set((request.judgeConflicts ?? []).flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
        const seatedIds = result.panels.map((p) => p.judgeId);
        expect(new Set([...seatedIds, ...result.unallocated]).size).toBe(judges.length);
        expect(seatedIds.length + result.unallocated.length).toBe(judges.length);
        for (const debate of request.debates) {
          const panel = result.panels.filter((p) => p.debateId === debate.id).map((p) => p.judgeId);
          const couldSit = result.unallocated.filter(
            (idle) =>
              !debate.teamIds.some((t) => teamConflict.has(`${idle}|${t}`)) &&
              !panel.some((p) => judgeConflict.has(`${idle}|${p}`)),
          );
          if (evenPanels || panel.length % 2 === 0) {
            if (panel.length < 5) expect(couldSit).toEqual([]);
          } else if (panel.length + 2 <= 5) {
            for (const a of couldSit)
              for (const b of couldSit) if (a !== b) expect(judgeConflict.has(`${a}|${b}`)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
