import { auctionAssignment } from '../draw/auction-assignment.js';

/** Panels of adjudicators for a round's debates. */
export interface AllocationDebate {
  id: string;
  /** Higher = matters more (bracket points, elimination rooms). */
  importance: number;
  teamIds: string[];
}

export interface AllocationJudge {
  id: string;
  strength: number;
}

export interface AllocationRequest {
  debates: readonly AllocationDebate[];
  judges: readonly AllocationJudge[];
  teamConflicts: readonly (readonly [string, string])[];
  judgeConflicts?: readonly (readonly [string, string])[];
  /** Judges per panel: 1, 3 or 5; default the largest odd size the pool fills. */
  panelSize?: number;
}

export interface Allocation {
  panels: { debateId: string; judgeId: string; role: 'chair' | 'wing' }[];
  unallocated: string[];
  brokenConstraints: { constraint: 'panel-size' | 'conflict'; debateId: string; why: string }[];
}

/** Beyond any real cost: a seat that would break a conflict. */
const FORBIDDEN = 1_000_000_000;

/**
 * Panels by staged minimum-cost assignment (auction algorithm, exact for integer costs). Seat by seat — first a
 * chair for every room, then each wing — free judges are assigned to rooms minimising
 * Σ −strength × (importance + 1), so stronger judges land where the room matters more; a judge–team conflict, or a
 * judge–judge conflict with someone already on that panel, costs FORBIDDEN, which makes conflicts part of the
 * optimisation rather than a check after it. Each stage is optimal given the earlier ones (not jointly optimal
 * across seats). The strongest member of each panel chairs it. A room left without a conflict-free judge gets a
 * smaller panel and the reason; no judge sits twice.
 */
export function allocatePanels(request: AllocationRequest): Allocation {
  const { debates, judges } = request;
  const size = request.panelSize ?? defaultPanelSize(judges.length, debates.length);
  const teamConflict = new Set(request.teamConflicts.map(([j, t]) => `${j}|${t}`));
  const judgeConflict = new Set((request.judgeConflicts ?? []).flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
  const strength = new Map(judges.map((j) => [j.id, j.strength]));
  const panels = new Map<string, string[]>(debates.map((d) => [d.id, []]));
  let free = [...judges].sort((a, b) => (a.id < b.id ? -1 : 1));
  const out: Allocation = { panels: [], unallocated: [], brokenConstraints: [] };
  for (let seat = 0; seat < size && free.length > 0; seat++) {
    const n = Math.max(free.length, debates.length);
    const cost = Array.from({ length: n }, (_, row) =>
      Array.from({ length: n }, (_, column) => {
        const judge = free[row];
        const debate = debates[column];
        if (!judge || !debate) return 0;
        const panel = panels.get(debate.id)!;
        if (debate.teamIds.some((t) => teamConflict.has(`${judge.id}|${t}`)) || panel.some((p) => judgeConflict.has(`${judge.id}|${p}`))) {
          return FORBIDDEN;
        }
        return -Math.round(judge.strength * 10) * (debate.importance + 1) - 1;
      }),
    );
    const columnOf = auctionAssignment(cost);
    const seated = new Set<string>();
    free.forEach((judge, row) => {
      const debate = debates[columnOf[row]];
      if (debate && cost[row][columnOf[row]] < FORBIDDEN) {
        panels.get(debate.id)!.push(judge.id);
        seated.add(judge.id);
      }
    });
    for (const debate of debates) {
      if (panels.get(debate.id)!.length === seat) {
        out.brokenConstraints.push({
          constraint: 'panel-size',
          debateId: debate.id,
          why: free.length > seated.size ? 'every free judge has a conflict with this room or its panel' : 'not enough judges for full panels',
        });
      }
    }
    free = free.filter((j) => !seated.has(j.id));
  }
  for (const debate of debates) {
    const panel = [...panels.get(debate.id)!].sort((a, b) => strength.get(b)! - strength.get(a)! || (a < b ? -1 : 1));
    panel.forEach((judgeId, i) => out.panels.push({ debateId: debate.id, judgeId, role: i === 0 ? 'chair' : 'wing' }));
  }
  out.unallocated = free.map((j) => j.id);
  return out;
}

function defaultPanelSize(judges: number, debates: number): number {
  if (debates === 0) return 1;
  const fits = Math.floor(judges / debates);
  if (fits >= 5) return 5;
  if (fits >= 3) return 3;
  return 1;
}
