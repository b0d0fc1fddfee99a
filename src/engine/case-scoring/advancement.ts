/**
 * Who goes on from a case championship's stage: to the final from the qualifying rooms, and from the final to the
 * places (жолдама) in the regional tournament, with the programme's quotas.
 */

export interface RankedTeam {
  teamId: string;
  /** Overall rank (1 = best); the order of the input is the standing order. */
  rank: number;
  /** Qualifying room (heat) the team presented in. */
  room?: number;
  /** Rank inside its room. */
  roomRank?: number;
  oblastCode: string;
  rural: boolean;
}

export type AdvancementRule =
  /** The best `count` across all rooms. */
  | { kind: 'top'; count: number }
  /** The best `perRoom` of each room, then the best `wildcards` of the rest across rooms. */
  | { kind: 'perRoom'; perRoom: number; wildcards: number };

export type Placement = 'overall' | 'roomTop' | 'wildcard' | 'quota:rural' | 'quota:oblast';

export interface Advancing {
  teamId: string;
  placedBy: Placement;
}

/** The teams that advance to the next stage, best first, each with the rule that placed it. */
export function advanceFromRooms(standing: readonly RankedTeam[], rule: AdvancementRule): Advancing[] {
  if (rule.kind === 'top') {
    checkCount('count', rule.count);
    return standing.slice(0, rule.count).map((team) => ({ teamId: team.teamId, placedBy: 'overall' }));
  }
  checkCount('perRoom', rule.perRoom);
  checkCount('wildcards', rule.wildcards);
  const placed = new Map<string, Placement>();
  for (const team of standing) {
    if (team.room === undefined || team.roomRank === undefined) throw new RangeError(`team ${team.teamId} has no room`);
    if (team.roomRank <= rule.perRoom) placed.set(team.teamId, 'roomTop');
  }
  let wildcards = rule.wildcards;
  for (const team of standing) {
    if (wildcards === 0) break;
    if (!placed.has(team.teamId)) {
      placed.set(team.teamId, 'wildcard');
      wildcards--;
    }
  }
  return standing
    .filter((team) => placed.has(team.teamId))
    .map((team) => ({ teamId: team.teamId, placedBy: placed.get(team.teamId)! }));
}

export interface QuotaRules {
  /** At least this many rural teams among the qualifiers (when that many rural teams entered). */
  minRural?: number;
  /** At least one team of every oblast that has a team in the standing. */
  everyOblast?: boolean;
}

/**
 * The `slots` qualifiers, best first, with the quotas met whenever enough eligible teams exist.
 *
 * Start from the top `slots`. Each quota (the oblasts first, then rural) that falls short takes the best-ranked
 * eligible team left out, in place of the lowest-ranked qualifier whose removal breaks no quota already met; a quota
 * place is marked with its rule. When no such qualifier is left to give up its place, the quota stays short.
 */
export function applyQuotas(standing: readonly RankedTeam[], slots: number, quotas: QuotaRules): Advancing[] {
  checkCount('slots', slots);
  const chosen = new Map<string, Placement>(standing.slice(0, slots).map((team) => [team.teamId, 'overall']));
  const byId = new Map(standing.map((team) => [team.teamId, team]));
  const positionOf = new Map(standing.map((team, i) => [team.teamId, i]));
  const ruralCount = () => [...chosen.keys()].filter((id) => byId.get(id)!.rural).length;
  const oblastCount = (oblast: string) => [...chosen.keys()].filter((id) => byId.get(id)!.oblastCode === oblast).length;
  const minRural = Math.min(quotas.minRural ?? 0, standing.filter((team) => team.rural).length);

  /** Whether dropping this qualifier keeps every quota already met. */
  const canGiveUp = (team: RankedTeam) => {
    if (chosen.get(team.teamId) !== 'overall') return false;
    if (quotas.everyOblast && oblastCount(team.oblastCode) === 1) return false;
    if (team.rural && ruralCount() <= minRural) return false;
    return true;
  };
  const swapIn = (team: RankedTeam, placedBy: Placement): boolean => {
    const out = [...chosen.keys()]
      .map((id) => byId.get(id)!)
      .filter(canGiveUp)
      .sort((a, b) => positionOf.get(b.teamId)! - positionOf.get(a.teamId)!)[0];
    if (!out) return false;
    chosen.delete(out.teamId);
    chosen.set(team.teamId, placedBy);
    return true;
  };

  if (quotas.everyOblast) {
    const oblasts = [...new Set(standing.map((team) => team.oblastCode))];
    for (const oblast of oblasts) {
      if (oblastCount(oblast) > 0) continue;
      const best = standing.find((team) => team.oblastCode === oblast && !chosen.has(team.teamId));
      if (best) swapIn(best, 'quota:oblast');
    }
  }
  for (const team of standing) {
    if (ruralCount() >= minRural) break;
    if (team.rural && !chosen.has(team.teamId)) {
      if (!swapIn(team, 'quota:rural')) break;
    }
  }
  return standing
    .filter((team) => chosen.has(team.teamId))
    .map((team) => ({ teamId: team.teamId, placedBy: chosen.get(team.teamId)! }));
}

function checkCount(field: string, value: number) {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${field} must be a whole number ≥ 0`);
}
