import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  applyCorrection,
  champion,
  createEliminationBracket,
  finalStandings,
  invalidatedBy,
  placement,
  readyMatches,
  fullBracketSize,
  recordResult,
  replaceTeam,
  type Bracket,
} from './single-elimination.js';

const teams = (n: number) => Array.from({ length: n }, (_, i) => `t${i + 1}`);

/** Plays every ready match, the winner picked by `pick`, until a champion stands. */
function playOut(bracket: Bracket, pick: (a: string, b: string) => string): Bracket {
  for (;;) {
    const ready = readyMatches(bracket);
    if (ready.length === 0) return bracket;
    for (const m of ready) bracket = recordResult(bracket, m.id, [pick(m.teamIds[0]!, m.teamIds[1]!)]);
  }
}

describe('placement', () => {
  it('is the standard seeding order', () => {
    expect(placement(8)).toEqual([1, 8, 4, 5, 2, 7, 3, 6]);
    expect(placement(4)).toEqual([1, 4, 2, 3]);
  });
});

describe('createEliminationBracket', () => {
  it('gives the byes of a 10-team bracket to seeds 1–6 and names the rounds', () => {
    const b = createEliminationBracket(teams(10));
    expect(b.size).toBe(16);
    expect(b.rounds.map((r) => r.name)).toEqual(['Octofinals', 'Quarterfinals', 'Semifinals', 'Final']);
    const byes = b.rounds[0].matches.filter((m) => m.bye).map((m) => m.seeds.find((s) => s !== null));
    expect(byes.sort((x, y) => x! - y!)).toEqual([1, 2, 3, 4, 5, 6]);
    // Round one plays 8 v 9 and 7 v 10; two quarterfinals between bye teams are already set for the next round.
    expect(readyMatches(b).map((m) => [m.roundName, m.seeds])).toEqual([
      ['Octofinals', [8, 9]],
      ['Octofinals', [7, 10]],
      ['Quarterfinals', [4, 5]],
      ['Quarterfinals', [3, 6]],
    ]);
    // Bye winners already stand in the quarterfinals.
    expect(b.rounds[1].matches[0].teamIds).toEqual(['t1', null]);
  });

  it('rejects fewer than two teams and duplicates', () => {
    expect(() => createEliminationBracket(['a'])).toThrow(RangeError);
    expect(() => createEliminationBracket(['a', 'a'])).toThrow(RangeError);
  });

  it('keeps the invariants for 2–128 teams with any results', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 128 }), fc.integer(), (n, salt) => {
        const b = createEliminationBracket(teams(n));
        const first = b.rounds[0].matches;
        const seeded = first.flatMap((m) => m.seeds.filter((s): s is number => s !== null));
        expect(seeded.sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        const byes = first.filter((m) => m.bye).map((m) => m.seeds.find((s) => s !== null)!);
        expect(byes.sort((x, y) => x - y)).toEqual(Array.from({ length: b.size - n }, (_, i) => i + 1));
        // Seeds 1 and 2 sit in opposite halves: they can meet only in the final.
        const half = (seed: number) => Math.floor(first.findIndex((m) => m.seeds.includes(seed)) / (first.length / 2));
        if (n >= 2 && first.length > 1) expect(half(1)).not.toBe(half(2));
        const played = playOut(b, (a, c) => ((a.length + c.length + salt) % 2 === 0 ? a : c));
        const winner = champion(played)!;
        expect(teams(n)).toContain(winner);
        for (const round of played.rounds) {
          for (const m of round.matches) if (m.teamIds.includes(winner)) expect(m.winnerTeamId).toBe(winner);
        }
        const standings = finalStandings(played);
        expect(new Set(standings).size).toBe(n);
        expect(standings[0]).toBe(winner);
      }),
      { numRuns: 150 },
    );
  });
});

describe('corrections', () => {
  it('resets exactly the later matches on the path, and replaying gives a consistent bracket', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 64 }), fc.nat(), fc.integer(), (n, which, salt) => {
        const played = playOut(createEliminationBracket(teams(n)), (a, c) =>
          (a.charCodeAt(1) + c.charCodeAt(1) + salt) % 2 ? a : c,
        );
        const decided = played.rounds.flatMap((r) => r.matches).filter((m) => !m.bye && m.winnerTeamId);
        const target = decided[which % decided.length];
        const loser = target.teamIds.find((t) => t !== target.winnerTeamId)!;
        const reset = invalidatedBy(played, target.id, [loser]);
        expect(invalidatedBy(played, target.id, [target.winnerTeamId!])).toEqual([]);
        // Every reset match is later on the corrected match's path.
        let next = target.next;
        const path: string[] = [];
        while (next) {
          path.push(next.matchId);
          next = played.rounds.flatMap((r) => r.matches).find((m) => m.id === next!.matchId)!.next;
        }
        expect(path.slice(0, reset.length)).toEqual(reset);
        const corrected = applyCorrection(played, target.id, [loser]);
        const all = corrected.rounds.flatMap((r) => r.matches);
        expect(all.find((m) => m.id === target.id)!.winnerTeamId).toBe(loser);
        for (const id of reset.slice(1)) expect(all.find((m) => m.id === id)!.winnerTeamId).toBeNull();
        if (reset.length) expect(all.find((m) => m.id === reset[0])!.teamIds).toContain(loser);
        const replayed = playOut(corrected, (a) => a);
        expect(champion(replayed)).not.toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it('refuses to overwrite a result silently', () => {
    const b = recordResult(createEliminationBracket(teams(4)), 'r1m1', ['t1']);
    expect(() => recordResult(b, 'r1m1', ['t4'])).toThrow(/applyCorrection/);
    expect(recordResult(b, 'r1m1', ['t1'])).toBe(b);
  });
});

describe('replaceTeam', () => {
  it('swaps a team that has not played, including through its bye, and refuses one that has', () => {
    const b = createEliminationBracket(teams(3));
    const swapped = replaceTeam(b, 't1', 'reserve')!;
    expect(swapped.rounds[0].matches[0].teamIds).toContain('reserve');
    expect(swapped.rounds[1].matches[0].teamIds).toContain('reserve');
    const played = recordResult(b, 'r1m2', ['t2']);
    expect(replaceTeam(played, 't2', 'reserve')).toBeNull();
  });
});

/** Plays every ready room of four with the ranking `order` gives, until a champion stands. */
function playRooms(bracket: Bracket, order: (teamIds: string[]) => string[]): Bracket {
  for (;;) {
    const ready = readyMatches(bracket);
    if (ready.length === 0) return bracket;
    for (const m of ready) bracket = recordResult(bracket, m.id, order(m.teamIds as string[]));
  }
}

describe('British Parliamentary rooms of four', () => {
  it('seeds quarterfinal rooms in tiers and keeps seeds 1 and 2 apart until the final', () => {
    const b = createEliminationBracket(teams(16), 4);
    expect(b.rounds.map((r) => r.name)).toEqual(['Quarterfinals', 'Semifinals', 'Final']);
    expect(b.rounds[0].matches.map((m) => m.seeds)).toEqual([
      [1, 8, 9, 16],
      [4, 5, 12, 13],
      [2, 7, 10, 15],
      [3, 6, 11, 14],
    ]);
    expect(b.rounds[0].matches.map((m) => m.next)).toEqual([
      { matchId: 'r2m1', slot: 0 },
      { matchId: 'r2m1', slot: 2 },
      { matchId: 'r2m2', slot: 0 },
      { matchId: 'r2m2', slot: 2 },
    ]);
  });

  it('sends the top two on in seed order and ranks the knocked-out by place, then seed', () => {
    let b = createEliminationBracket(teams(8), 4);
    expect(b.rounds[0].matches.map((m) => m.seeds)).toEqual([
      [1, 4, 5, 8],
      [2, 3, 6, 7],
    ]);
    b = recordResult(b, 'r1m1', ['t8', 't1', 't5', 't4']);
    b = recordResult(b, 'r1m2', ['t3', 't6', 't2', 't7']);
    expect(b.rounds[1].matches[0].teamIds).toEqual(['t1', 't8', 't3', 't6']);
    expect(b.rounds[1].matches[0].seeds).toEqual([1, 8, 3, 6]);
    b = recordResult(b, 'r2m1', ['t6', 't3', 't1', 't8']);
    expect(champion(b)).toBe('t6');
    expect(finalStandings(b)).toEqual(['t6', 't3', 't1', 't8', 't2', 't5', 't4', 't7']);
  });

  it('resets the final when a semifinal correction changes who went on, and nothing when only their order changes', () => {
    let b = createEliminationBracket(teams(8), 4);
    b = recordResult(b, 'r1m1', ['t1', 't4', 't5', 't8']);
    b = recordResult(b, 'r1m2', ['t2', 't3', 't6', 't7']);
    expect(() => recordResult(b, 'r1m1', ['t5', 't1'])).toThrow(/applyCorrection/);
    expect(recordResult(b, 'r1m1', ['t4', 't1', 't8', 't5'])).toBe(b);
    expect(invalidatedBy(b, 'r1m1', ['t4', 't1', 't8', 't5'])).toEqual([]);
    const reordered = applyCorrection(b, 'r1m1', ['t4', 't1', 't8', 't5']);
    expect(reordered.rounds[0].matches[0].winnerTeamId).toBe('t4');
    expect(reordered.rounds[1].matches[0].teamIds).toEqual(b.rounds[1].matches[0].teamIds);
    b = recordResult(b, 'r2m1', ['t2', 't1', 't3', 't4']);
    expect(invalidatedBy(b, 'r1m1', ['t5', 't1', 't4', 't8'])).toEqual(['r2m1']);
    const corrected = applyCorrection(b, 'r1m1', ['t5', 't1', 't4', 't8']);
    expect(corrected.rounds[1].matches[0].teamIds).toEqual(['t1', 't5', 't2', 't3']);
    expect(corrected.rounds[1].matches[0].ranking).toBeNull();
    expect(champion(corrected)).toBeNull();
  });

  it('refuses a field that leaves a room short, and names the largest full bracket', () => {
    expect(() => createEliminationBracket(teams(12), 4)).toThrow(/4, 8, 16/);
    expect(() => createEliminationBracket(teams(3), 4)).toThrow(RangeError);
    expect(fullBracketSize(12, 4)).toBe(8);
    expect(fullBracketSize(3, 4)).toBe(0);
    expect(fullBracketSize(10, 2)).toBe(8);
    expect(() => recordResult(createEliminationBracket(teams(8), 4), 'r1m1', ['t1'])).toThrow(/top 2/);
  });

  it('keeps the invariants for 4–128 teams with any results', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer(), (k, salt) => {
        const n = 4 * 2 ** k;
        const b = createEliminationBracket(teams(n), 4);
        const first = b.rounds[0].matches;
        expect(first.flatMap((m) => m.seeds).sort((x, y) => x! - y!)).toEqual(
          Array.from({ length: n }, (_, i) => i + 1),
        );
        const half = (seed: number) => Math.floor(first.findIndex((m) => m.seeds.includes(seed)) / (first.length / 2));
        if (first.length > 1) expect(half(1)).not.toBe(half(2));
        const order = (ids: string[]) =>
          [...ids].sort(
            (x, y) => ((x.charCodeAt(1) * 31 + salt) % 7) - ((y.charCodeAt(1) * 31 + salt) % 7) || x.localeCompare(y),
          );
        const played = playRooms(b, order);
        const winner = champion(played)!;
        expect(winner).not.toBeNull();
        for (const [r, round] of played.rounds.entries()) {
          for (const m of round.matches) {
            expect(m.ranking).toHaveLength(4);
            const later = played.rounds[r + 1]?.matches[Math.floor(m.index / 2)];
            if (later)
              expect(new Set(later.teamIds)).toEqual(
                new Set([
                  ...later.teamIds.filter((t) => !m.ranking!.slice(0, 2).includes(t!)),
                  ...m.ranking!.slice(0, 2),
                ]),
              );
          }
        }
        const standings = finalStandings(played);
        expect(new Set(standings).size).toBe(n);
        expect(standings[0]).toBe(winner);
      }),
      { numRuns: 60 },
    );
  });
});
