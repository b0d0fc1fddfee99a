import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { auctionAssignment, sparseAuctionAssignment } from './auction-assignment.js';

function bruteForce(cost: number[][]): number {
  const n = cost.length;
  let best = Infinity;
  const used = new Array(n).fill(false);
  const go = (row: number, total: number) => {
    if (total >= best) return;
    if (row === n) {
      best = total;
      return;
    }
    for (let j = 0; j < n; j++) {
      if (used[j]) continue;
      used[j] = true;
      go(row + 1, total + cost[row][j]);
      used[j] = false;
    }
  };
  go(0, 0);
  return best;
}

describe('auctionAssignment', () => {
  it('solves a small case', () => {
    expect(
      auctionAssignment([
        [4, 1, 3],
        [2, 0, 5],
        [3, 2, 2],
      ]),
    ).toEqual([1, 0, 2]);
  });

  it('is a permutation with the optimal total cost', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((n) =>
          fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }), {
            minLength: n,
            maxLength: n,
          }),
        ),
        (cost) => {
          const assignment = auctionAssignment(cost);
          expect([...assignment].sort((a, b) => a - b)).toEqual(cost.map((_, i) => i));
          const total = assignment.reduce((sum, column, row) => sum + cost[row][column], 0);
          expect(total).toBe(bruteForce(cost));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles a 400 × 400 matrix', () => {
    const cost = Array.from({ length: 400 }, (_, i) =>
      Array.from({ length: 400 }, (_, j) => ((i * 31 + j * 17) % 13) * 2 + 1),
    );
    const assignment = auctionAssignment(cost);
    expect(new Set(assignment).size).toBe(400);
  });

  it('solves a sparse matrix as brute force over the listed pairs does', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 7 })
          .chain((n) =>
            fc.array(
              fc.array(fc.option(fc.integer({ min: 0, max: 50 }), { freq: 2 }), { minLength: n, maxLength: n }),
              { minLength: n, maxLength: n },
            ),
          ),
        fc.integer({ min: 0, max: 6 }),
        (matrix, shift) => {
          const n = matrix.length;
          // A listed pair on a shifted diagonal in every row, so a perfect assignment always exists.
          const cost = matrix.map((row, i) => row.map((c, j) => (j === (i + shift) % n ? (c ?? 7) : c)));
          const rows = cost.map((row) => {
            const columns = row.flatMap((c, j) => (c === null ? [] : [j]));
            return { columns, costs: columns.map((j) => row[j]!) };
          });
          const columnOf = sparseAuctionAssignment(rows);
          expect([...columnOf].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
          const total = columnOf.reduce((sum, j, i) => sum + cost[i][j]!, 0);
          expect(total).toBe(bruteForce(cost.map((row) => row.map((c) => c ?? Infinity))));
        },
      ),
      { numRuns: 500 },
    );
  });
});
