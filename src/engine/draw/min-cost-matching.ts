import blossom from 'edmonds-blossom-fixed';

/**
 * Minimum-cost perfect matching on a general graph (Edmonds' blossom algorithm, via edmonds-blossom-fixed, the
 * JavaScript port of the reference mwmatching.py). Costs are non-negative integers; each becomes the weight
 * (max + 1 − cost), so the heaviest among the largest matchings is the cheapest perfect one. Returns mate[v], or
 * null when the edges admit no perfect matching.
 */
export function minCostPerfectMatching(
  vertices: number,
  edges: readonly (readonly [number, number, number])[],
): number[] | null {
  if (vertices === 0) return [];
  if (vertices % 2 === 1) return null;
  let max = 0;
  for (const [i, j, cost] of edges) {
    if (!Number.isInteger(cost) || cost < 0) throw new RangeError('costs must be non-negative integers');
    if (i === j || i < 0 || j < 0 || i >= vertices || j >= vertices)
      throw new RangeError(`edge ${i}–${j} is not between two vertices`);
    if (cost > max) max = cost;
  }
  if (max + 1 > Number.MAX_SAFE_INTEGER / vertices) throw new RangeError('costs too large to sum exactly');
  const mate = blossom(
    edges.map(([i, j, cost]) => [i, j, max + 1 - cost]),
    true,
  );
  const result = Array.from({ length: vertices }, (_, v) => mate[v] ?? -1);
  return result.every((m) => m >= 0) ? result : null;
}
