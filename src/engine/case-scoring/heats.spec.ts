import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { planHeats, type HeatEntry, type HeatJuror } from './heats.js';

const arbRequest = fc
  .record({
    teams: fc.integer({ min: 1, max: 90 }),
    oblasts: fc.integer({ min: 1, max: 12 }),
    institutions: fc.integer({ min: 1, max: 30 }),
    roomSize: fc.integer({ min: 3, max: 15 }),
    jurors: fc.integer({ min: 0, max: 60 }),
    panelSize: fc.integer({ min: 3, max: 5 }),
    conflictRate: fc.double({ min: 0, max: 0.15, noNaN: true }),
    skew: fc.boolean(),
    seed: fc.string({ maxLength: 6 }),
  })
  .map((p) => {
    // Skewed oblasts (a few large ones) when asked: the harder case for spreading.
    const entries: HeatEntry[] = Array.from({ length: p.teams }, (_, i) => ({
      teamId: `t${i}`,
      oblastCode: `o${p.skew ? Math.floor(Math.sqrt((i * 7919) % (p.oblasts * p.oblasts))) : (i * 31) % p.oblasts}`,
      institution: `i${(i * 17) % p.institutions}`,
    }));
    const jurors: HeatJuror[] = Array.from({ length: p.jurors }, (_, j) => ({
      judgeId: `j${j}`,
      regionCode: `r${j % 5}`,
      strength: (j * 7) % 11,
    }));
    const conflicts = [];
    let k = 1;
    for (const juror of jurors) {
      for (const entry of entries) {
        k = (k * 48271) % 2147483647;
        if (k / 2147483647 < p.conflictRate) conflicts.push({ judgeId: juror.judgeId, teamId: entry.teamId });
      }
    }
    return { entries, jurors, conflicts, roomSize: p.roomSize, panelSize: p.panelSize, seed: p.seed };
  });

describe('planHeats — properties', () => {
  it('places every team exactly once, in ⌈n / size⌉ rooms whose sizes differ by at most one', () => {
    fc.assert(
      fc.property(arbRequest, (request) => {
        const { rooms } = planHeats(request);
        const placed = rooms.flatMap((r) => r.teamIds);
        expect([...placed].sort()).toEqual(request.entries.map((e) => e.teamId).sort());
        expect(rooms).toHaveLength(Math.ceil(request.entries.length / request.roomSize));
        const sizes = rooms.map((r) => r.teamIds.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(request.roomSize);
      }),
      { numRuns: 150 },
    );
  });

  it('no room holds more than its share plus one of any oblast', () => {
    fc.assert(
      fc.property(arbRequest, (request) => {
        const { rooms } = planHeats(request);
        const oblastOf = new Map(request.entries.map((e) => [e.teamId, e.oblastCode]));
        const total = new Map<string, number>();
        for (const e of request.entries) total.set(e.oblastCode, (total.get(e.oblastCode) ?? 0) + 1);
        for (const room of rooms) {
          const here = new Map<string, number>();
          for (const id of room.teamIds) here.set(oblastOf.get(id)!, (here.get(oblastOf.get(id)!) ?? 0) + 1);
          for (const [oblast, count] of here)
            expect(count).toBeLessThanOrEqual(Math.floor(total.get(oblast)! / rooms.length) + 1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never seats a juror with a conflict in the room, nor any juror twice', () => {
    fc.assert(
      fc.property(arbRequest, (request) => {
        const { rooms } = planHeats(request);
        const conflicted = new Set(request.conflicts.map((c) => `${c.judgeId}/${c.teamId}`));
        const seated = rooms.flatMap((r) => r.judgeIds);
        expect(new Set(seated).size).toBe(seated.length);
        for (const room of rooms) {
          expect(room.judgeIds.length).toBeLessThanOrEqual(request.panelSize);
          for (const judgeId of room.judgeIds)
            for (const teamId of room.teamIds) expect(conflicted.has(`${judgeId}/${teamId}`)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('leaves a seat empty only when no juror left could take it (checked by brute force on the free jurors)', () => {
    fc.assert(
      fc.property(arbRequest, (request) => {
        const { rooms, shortfalls } = planHeats(request);
        const conflicted = new Set(request.conflicts.map((c) => `${c.judgeId}/${c.teamId}`));
        const seated = new Set(rooms.flatMap((r) => r.judgeIds));
        const free = request.jurors.filter((j) => !seated.has(j.judgeId));
        for (const room of rooms.filter((r) => r.judgeIds.length < request.panelSize)) {
          // Any free juror with no conflict here would mean a seat was left empty needlessly.
          expect(free.filter((j) => room.teamIds.every((t) => !conflicted.has(`${j.judgeId}/${t}`)))).toEqual([]);
        }
        expect(shortfalls.map((s) => s.room)).toEqual(
          rooms.filter((r) => r.judgeIds.length < request.panelSize).map((r) => r.room),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('different seeds give different rooms; the same seed the same plan', () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({
      teamId: `t${i}`,
      oblastCode: `o${i % 4}`,
      institution: `i${i % 9}`,
    }));
    const request = { entries, jurors: [], conflicts: [], roomSize: 8, panelSize: 3 };
    const a = planHeats({ ...request, seed: 'a' });
    expect(planHeats({ ...request, seed: 'a' })).toEqual(a);
    expect(planHeats({ ...request, seed: 'b' }).rooms.map((r) => r.teamIds)).not.toEqual(a.rooms.map((r) => r.teamIds));
  });
});

describe('planHeats — juries', () => {
  it('moves jurors between rooms to fill a seat a greedy pick would leave empty', () => {
    // Two rooms of one team. The strongest juror fits both rooms; the other fits only room with team "x".
    // Room picks go weakest-jury first (room 1), which takes the strongest — then room 2 would find nobody
    // unless the search moves the strongest juror over.
    const entries = [
      { teamId: 'x', oblastCode: 'a', institution: 'u' },
      { teamId: 'y', oblastCode: 'b', institution: 'v' },
    ];
    const jurors = [
      { judgeId: 'strong', regionCode: 'south', strength: 9 },
      { judgeId: 'weak', regionCode: 'north', strength: 2 },
    ];
    const { rooms, shortfalls } = planHeats({
      entries,
      jurors,
      conflicts: [{ judgeId: 'weak', teamId: 'y' }],
      roomSize: 1,
      panelSize: 1,
      seed: 's',
    });
    const juryOf = Object.fromEntries(rooms.map((r) => [r.teamIds[0], r.judgeIds]));
    expect(juryOf).toEqual({ x: ['weak'], y: ['strong'] });
    expect(shortfalls).toEqual([]);
  });

  it('spreads strength: the strongest jurors do not all sit in one room', () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({
      teamId: `t${i}`,
      oblastCode: `o${i % 3}`,
      institution: `i${i}`,
    }));
    const jurors = Array.from({ length: 9 }, (_, j) => ({
      judgeId: `j${j}`,
      regionCode: `r${j % 3}`,
      strength: 10 - j,
    }));
    const { rooms } = planHeats({ entries, jurors, conflicts: [], roomSize: 4, panelSize: 3, seed: 'x' });
    const strengths = rooms.map((r) => r.judgeIds.reduce((sum, id) => sum + 10 - Number(id.slice(1)), 0));
    // Snake-like picking: 10+5+4, 9+6+3, 8+7+2 → totals within 2 of each other, where one room with the top three would be 27.
    expect(Math.max(...strengths) - Math.min(...strengths)).toBeLessThanOrEqual(2);
  });
});
