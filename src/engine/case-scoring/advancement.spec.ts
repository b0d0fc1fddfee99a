import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { advanceFromRooms, applyQuotas, type RankedTeam } from './advancement.js';

const team = (teamId: string, rank: number, extra: Partial<RankedTeam> = {}): RankedTeam => ({
  teamId,
  rank,
  oblastCode: 'a',
  rural: false,
  ...extra,
});

describe('advanceFromRooms', () => {
  // Room 1: A (1st), C (2nd), E (3rd); room 2: B (1st), D (2nd), F (3rd). Overall order A B C D E F.
  const standing = [
    team('A', 1, { room: 1, roomRank: 1 }),
    team('B', 2, { room: 2, roomRank: 1 }),
    team('C', 3, { room: 1, roomRank: 2 }),
    team('D', 4, { room: 2, roomRank: 2 }),
    team('E', 5, { room: 1, roomRank: 3 }),
    team('F', 6, { room: 2, roomRank: 3 }),
  ];

  it('top K overall', () => {
    expect(advanceFromRooms(standing, { kind: 'top', count: 3 })).toEqual([
      { teamId: 'A', placedBy: 'overall' },
      { teamId: 'B', placedBy: 'overall' },
      { teamId: 'C', placedBy: 'overall' },
    ]);
  });

  it('the winner of each room, then the best of the rest as wildcards', () => {
    expect(advanceFromRooms(standing, { kind: 'perRoom', perRoom: 1, wildcards: 2 })).toEqual([
      { teamId: 'A', placedBy: 'roomTop' },
      { teamId: 'B', placedBy: 'roomTop' },
      { teamId: 'C', placedBy: 'wildcard' },
      { teamId: 'D', placedBy: 'wildcard' },
    ]);
  });

  it('a room winner goes on even when ranked below teams of a stronger room', () => {
    const lopsided = [
      team('A', 1, { room: 1, roomRank: 1 }),
      team('C', 2, { room: 1, roomRank: 2 }),
      team('B', 3, { room: 2, roomRank: 1 }),
    ];
    expect(advanceFromRooms(lopsided, { kind: 'perRoom', perRoom: 1, wildcards: 0 }).map((a) => a.teamId)).toEqual([
      'A',
      'B',
    ]);
  });
});

describe('applyQuotas', () => {
  it('replaces the lowest-ranked qualifier with the best rural team left out, and says which rule placed it', () => {
    const standing = [
      team('A', 1),
      team('B', 2),
      team('C', 3),
      team('D', 4, { rural: true }),
      team('E', 5, { rural: true }),
    ];
    expect(applyQuotas(standing, 3, { minRural: 1 })).toEqual([
      { teamId: 'A', placedBy: 'overall' },
      { teamId: 'B', placedBy: 'overall' },
      { teamId: 'D', placedBy: 'quota:rural' },
    ]);
  });

  it('gives every oblast a place without taking the only place of another oblast', () => {
    const standing = [
      team('A1', 1, { oblastCode: 'a' }),
      team('B1', 2, { oblastCode: 'b' }),
      team('A2', 3, { oblastCode: 'a' }),
      team('C1', 4, { oblastCode: 'c' }),
    ];
    expect(applyQuotas(standing, 3, { everyOblast: true })).toEqual([
      { teamId: 'A1', placedBy: 'overall' },
      { teamId: 'B1', placedBy: 'overall' },
      { teamId: 'C1', placedBy: 'quota:oblast' },
    ]);
  });

  const arbStanding = fc
    .record({
      teams: fc.array(fc.record({ oblast: fc.integer({ min: 0, max: 7 }), rural: fc.boolean() }), {
        minLength: 1,
        maxLength: 40,
      }),
      slots: fc.integer({ min: 0, max: 20 }),
      minRural: fc.integer({ min: 0, max: 10 }),
    })
    .map(({ teams, slots, minRural }) => ({
      standing: teams.map((t, i) => team(`t${i}`, i + 1, { oblastCode: `o${t.oblast}`, rural: t.rural })),
      slots,
      minRural,
    }));

  it('meets the rural quota whenever enough rural teams exist, with exactly min(slots, n) qualifiers', () => {
    fc.assert(
      fc.property(arbStanding, ({ standing, slots, minRural }) => {
        const chosen = applyQuotas(standing, slots, { minRural });
        expect(chosen).toHaveLength(Math.min(slots, standing.length));
        const rural = chosen.filter((c) => standing.find((t) => t.teamId === c.teamId)!.rural).length;
        const possible = Math.min(minRural, slots, standing.filter((t) => t.rural).length);
        expect(rural).toBeGreaterThanOrEqual(possible);
      }),
      { numRuns: 300 },
    );
  });

  it('meets the every-oblast quota whenever there are at least as many places as oblasts', () => {
    fc.assert(
      fc.property(arbStanding, ({ standing, slots }) => {
        const oblasts = new Set(standing.map((t) => t.oblastCode));
        const chosen = applyQuotas(standing, slots, { everyOblast: true });
        const covered = new Set(chosen.map((c) => standing.find((t) => t.teamId === c.teamId)!.oblastCode));
        if (slots >= oblasts.size) expect(covered.size).toBe(oblasts.size);
        // A quota never costs a better team its place for nothing: every non-quota qualifier outranks every team left out
        // of its own kind (no "overall" qualifier below an excluded team that a swap did not need).
        const out = standing.filter((t) => !chosen.some((c) => c.teamId === t.teamId));
        for (const c of chosen.filter((c) => c.placedBy === 'overall')) {
          const rank = standing.find((t) => t.teamId === c.teamId)!.rank;
          for (const o of out) if (o.rank < rank) expect(covered.has(o.oblastCode)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
