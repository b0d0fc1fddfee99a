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

/** One row of a sparse assignment problem: the columns it may take and what each costs. */
export interface SparseRow {
  columns: readonly number[];
  costs: readonly number[];
}

/**
 * The same auction on a sparse matrix: each row bids only for its listed columns, so a bid costs the row's length,
 * not n. Exactly optimal among the listed pairs for integer costs; the caller guarantees that some perfect
 * assignment uses only listed pairs (otherwise bidding would not end, so it throws).
 */
export function sparseAuctionAssignment(rows: readonly SparseRow[]): number[] {
  const n = rows.length;
  if (n === 0) return [];
  let spread = 1;
  for (const row of rows) {
    if (row.columns.length === 0 || row.columns.length !== row.costs.length)
      throw new RangeError('every row needs at least one column, each with a cost');
    for (const c of row.costs) {
      if (!Number.isInteger(c)) throw new RangeError('costs must be integers');
      spread = Math.max(spread, Math.abs(c) * (n + 1));
    }
  }
  const scale = n + 1;
  const benefit = rows.map((row) => Float64Array.from(row.costs, (c) => -c * scale));
  const columns = rows.map((row) => Int32Array.from(row.columns));
  // A lone column's bid raises its price by more than any real difference, as an infinite second best would.
  const lone = 2 * spread + 1;
  const price = new Float64Array(n);
  const bidLimit = 64 * n * n + 1_000_000;
  for (let epsilon = Math.max(1, Math.floor(spread / 4)); ; epsilon = Math.max(1, Math.floor(epsilon / 4))) {
    const owner = new Int32Array(n).fill(-1);
    const assigned = new Int32Array(n).fill(-1);
    const queue: number[] = Array.from({ length: n }, (_, i) => n - 1 - i);
    let bids = 0;
    while (queue.length) {
      if (++bids > bidLimit) throw new RangeError('no perfect assignment among the listed pairs');
      const person = queue.pop()!;
      const cols = columns[person];
      const values = benefit[person];
      let best = -1;
      let bestValue = -Infinity;
      let second = -Infinity;
      for (let k = 0; k < cols.length; k++) {
        const value = values[k] - price[cols[k]];
        if (value > bestValue) {
          second = bestValue;
          bestValue = value;
          best = cols[k];
        } else if (value > second) {
          second = value;
        }
      }
      price[best] += (second === -Infinity ? lone : bestValue - second) + epsilon;
      const previous = owner[best];
      if (previous >= 0) {
        assigned[previous] = -1;
        queue.push(previous);
      }
      owner[best] = person;
      assigned[person] = best;
    }
    if (epsilon === 1) return Array.from(assigned);
  }
}
