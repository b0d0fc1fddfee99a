import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { minCostPerfectMatching } from './min-cost-matching.js';

/** Every perfect matching, by trying each partner of the lowest free vertex: the oracle knows nothing of blossoms. */
function bruteForce(n: number, edges: readonly (readonly [number, number, number])[]): number | null {
  const cost = new Map<string, number>();
  for (const [i, j, c] of edges) {
    const key = `${Math.min(i, j)}|${Math.max(i, j)}`;
    cost.set(key, Math.min(c, cost.get(key) ?? Infinity));
  }
  const used = new Array<boolean>(n).fill(false);
  const best = (): number | null => {
    const i = used.indexOf(false);
    if (i < 0) return 0;
    used[i] = true;
    let answer: number | null = null;
    for (let j = i + 1; j < n; j++) {
      const c = cost.get(`${i}|${j}`);
      if (used[j] || c === undefined) continue;
      used[j] = true;
      const rest = best();
      used[j] = false;
      if (rest !== null && (answer === null || c + rest < answer)) answer = c + rest;
    }
    used[i] = false;
    return answer;
  };
  return best();
}

const graph = fc.integer({ min: 1, max: 5 }).chain((half) =>
  fc.record({
    n: fc.constant(half * 2),
    edges: fc.uniqueArray(
      fc
        .tuple(
          fc.integer({ min: 0, max: half * 2 - 1 }),
          fc.integer({ min: 0, max: half * 2 - 1 }),
          fc.integer({ min: 0, max: 1_000_000 }),
        )
        .filter(([i, j]) => i < j),
      { selector: ([i, j]) => `${i}|${j}`, maxLength: half * (2 * half - 1) },
    ),
  }),
);

describe('minCostPerfectMatching', () => {
  it('finds a perfect matching of least total cost, or says none exists, as brute force does', () => {
    fc.assert(
      fc.property(graph, ({ n, edges }) => {
        const mate = minCostPerfectMatching(n, edges);
        const oracle = bruteForce(n, edges);
        if (oracle === null) {
          expect(mate).toBeNull();
          return;
        }
        expect(mate).not.toBeNull();
        const cost = new Map(edges.map(([i, j, c]) => [`${i}|${j}`, c]));
        let total = 0;
        mate!.forEach((m, v) => {
          expect(mate![m]).toBe(v);
          if (v < m) total += cost.get(`${v}|${m}`)!;
        });
        expect(total).toBe(oracle);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses costs it cannot sum exactly', () => {
    expect(() => minCostPerfectMatching(2, [[0, 1, 0.5]])).toThrow(/integers/);
  });
});
