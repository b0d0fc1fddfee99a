/** A team-tab row as the break reads it (the engine's `TeamTabRow` fits). */
export interface BreakRow {
  teamId: string;
  rank: number;
  points: number;
  /** The tie-break that separated this row from the row above; null on a shared rank. */
  decidedBy: string | null;
}

export interface BreakResult {
  /** Team ids in seed order, 1 first. */
  seeds: string[];
  /** Teams on the cut-off's points either side of the line, and what put the line where it is. */
  cutoffTie: { teamIds: string[]; points: number; decidedBy: string } | null;
}

/**
 * The top `size` of the tab break. When teams on equal points straddle the line, the report names them and the
 * rule that separated the last team in from the first team out: a tie-break key, or — when they share a rank — the
 * tab's deterministic fallback (name, then id), which an organiser may want to settle by hand.
 */
export function breakTeams(tab: readonly BreakRow[], size: number): BreakResult {
  if (!Number.isInteger(size) || size < 2) throw new RangeError('a break needs at least two teams');
  const cut = Math.min(size, tab.length);
  const seeds = tab.slice(0, cut).map((r) => r.teamId);
  const lastIn = tab[cut - 1];
  const firstOut = tab[cut];
  if (!lastIn || !firstOut || lastIn.points !== firstOut.points) return { seeds, cutoffTie: null };
  return {
    seeds,
    cutoffTie: {
      teamIds: tab.filter((r) => r.points === lastIn.points).map((r) => r.teamId),
      points: lastIn.points,
      decidedBy:
        firstOut.rank === lastIn.rank || firstOut.decidedBy === null
          ? 'shared rank: the deterministic fallback (name, then id) decided'
          : firstOut.decidedBy,
    },
  };
}
