/**
 * Minimum-cost assignment of n rows to n columns by Bertsekas' auction algorithm with ε-scaling. Costs are
 * integers; scaling them by n + 1 and ending with ε = 1 makes the result exactly optimal. Typically far below
 * the O(n³) of the textbook Hungarian method on the sparse-tie matrices a draw produces.
 */
export function auctionAssignment(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  if (n === 0) return [];
  for (const row of cost) {
    if (row.length !== n) throw new RangeError('the cost matrix must be square');
    for (const c of row) if (!Number.isInteger(c)) throw new RangeError('costs must be integers');
  }
  // Benefits, scaled so that ε = 1 is below 1/n of the original unit.
  const scale = n + 1;
  const benefit = cost.map((row) => row.map((c) => -c * scale));
  let spread = 1;
  for (const row of benefit) for (const b of row) spread = Math.max(spread, Math.abs(b));
  // Prices carry over between ε phases; the assignment starts afresh in each.
  const price = new Array<number>(n).fill(0);
  for (let epsilon = Math.max(1, Math.floor(spread / 4)); ; epsilon = Math.max(1, Math.floor(epsilon / 4))) {
    const owner = new Array<number>(n).fill(-1);
    const assigned = new Array<number>(n).fill(-1);
    const queue: number[] = Array.from({ length: n }, (_, i) => i);
    while (queue.length) {
      const person = queue.pop()!;
      let best = -1;
      let bestValue = -Infinity;
      let second = -Infinity;
      const row = benefit[person];
      for (let j = 0; j < n; j++) {
        const value = row[j] - price[j];
        if (value > bestValue) {
          second = bestValue;
          bestValue = value;
          best = j;
        } else if (value > second) {
          second = value;
        }
      }
      price[best] += bestValue - (n > 1 ? second : bestValue) + epsilon;
      const previous = owner[best];
      if (previous >= 0) {
        assigned[previous] = -1;
        queue.push(previous);
      }
      owner[best] = person;
      assigned[person] = best;
    }
    if (epsilon === 1) return assigned;
  }
}
