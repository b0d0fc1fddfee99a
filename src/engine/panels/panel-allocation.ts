import { sparseAuctionAssignment, type SparseRow } from '../draw/auction-assignment.js';

/** Panels of adjudicators for a round's debates. */
export interface AllocationDebate {
  id: string;
  /** Higher = matters more (bracket points, elimination rooms). */
  importance: number;
  teamIds: string[];
  /** Set by the organiser: the room takes its panel before every room without the flag. */
  important?: boolean;
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
  /** Every panel this size (1, 3 or 5) and no larger, judges beyond it left out. Default: panels by importance. */
  panelSize?: number;
  /** (judge, team) pairs already seen in earlier rounds: seating the judge with that team again costs seenPenalty. */
  seen?: readonly (readonly [string, string])[];
  options?: Partial<PanelOptions>;
}

export interface PanelOptions {
  /** Largest panel when panels go by importance. Default 5. */
  maxPanelSize: number;
  /** Cost of a judge seeing a team again, in tenths of a strength point at importance 0. Default 20. */
  seenPenalty: number;
  /** Seat a last judge as a fourth (or second) panellist rather than leave them out. Default false: panels are odd. */
  evenPanels: boolean;
}

export const DEFAULT_PANEL_OPTIONS: Readonly<PanelOptions> = { maxPanelSize: 5, seenPenalty: 20, evenPanels: false };

export interface Allocation {
  panels: { debateId: string; judgeId: string; role: 'chair' | 'wing' }[];
  unallocated: string[];
  brokenConstraints: { constraint: 'panel-size' | 'conflict'; debateId: string; why: string }[];
}

/** Extra judges considered in a stage beyond the seats it fills, so conflicts can be worked around. */
const SLACK = 64;
/** How far from its rank a room looks for a judge (see allocatePanels). */
const WINDOW = 48;

/**
 * Panels by importance, then by staged minimum-cost assignment (auction algorithm, exact for integer costs).
 * 1. Sizes: rooms are ordered by the organiser's flag, then importance. Every room gets a chair; the judges left
 *    over make panels of 3 in that order, then of 5 (up to maxPanelSize), so important rooms get panels and the
 *    rest solos. Panels stay odd: a single judge left over sits out, unless evenPanels seats them as a wing of the
 *    next room in order; either way no two judges sit idle while a room is below the largest size. A fixed
 *    panelSize instead gives every room that many seats (in the same order while judges last), the rest left out.
 * 2. Seats: stage by stage (chairs, then each wing), the rooms that need that seat take free judges by a
 *    minimum-cost assignment. A seat costs −strength × weight, plus seenPenalty × weight for
 *    every team in the room the judge has judged before (weight: the rank of the room's importance, flagged rooms
 *    above all); a judge–team conflict, or a judge–judge conflict with
 *    someone already on that panel, is priced out of reach, so conflicts are part of the optimisation. A stage
 *    offers the strongest free judges, as many as its seats plus 64; the cost matrix is indexed by room and judge
 *    number. Each stage is optimal given the earlier ones (not jointly optimal across seats).
 * 3. A seat no judge can take without a conflict stays empty (and is reported); judges left free then top up the
 *    rooms below the largest size they can sit in (one to make a panel odd, else two who can sit together). The
 *    strongest member of each panel chairs it.
 */
export function allocatePanels(request: AllocationRequest): Allocation {
  const options: PanelOptions = { ...DEFAULT_PANEL_OPTIONS, ...request.options };
  const { debates, judges } = request;
  const judgeIndex = new Map(judges.map((j, i) => [j.id, i]));
  const teamIndex = new Map<string, number>();
  for (const d of debates) for (const t of d.teamIds) if (!teamIndex.has(t)) teamIndex.set(t, teamIndex.size);
  const teams = teamIndex.size;
  // Index-based lookups: judge × team as one byte each (bit 1 conflict, bit 2 seen before), judge × judge as numbers.
  const judgeTeam = new Uint8Array(judges.length * teams);
  for (const [j, t] of request.teamConflicts) {
    const a = judgeIndex.get(j);
    const b = teamIndex.get(t);
    if (a !== undefined && b !== undefined) judgeTeam[a * teams + b] |= 1;
  }
  for (const [j, t] of request.seen ?? []) {
    const a = judgeIndex.get(j);
    const b = teamIndex.get(t);
    if (a !== undefined && b !== undefined) judgeTeam[a * teams + b] |= 2;
  }
  const judgeConflict = new Set<number>();
  for (const [x, y] of request.judgeConflicts ?? []) {
    const a = judgeIndex.get(x);
    const b = judgeIndex.get(y);
    if (a !== undefined && b !== undefined) judgeConflict.add(a * judges.length + b).add(b * judges.length + a);
  }
  const roomTeams = debates.map((d) => d.teamIds.map((t) => teamIndex.get(t)!));
  const panels: number[][] = debates.map(() => []);
  const conflicted = (j: number, r: number) => {
    for (const t of roomTeams[r]) if (judgeTeam[j * teams + t] & 1) return true;
    for (const p of panels[r]) if (judgeConflict.has(j * judges.length + p)) return true;
    return false;
  };

  const order = debates
    .map((_, i) => i)
    .sort(
      (a, b) =>
        Number(!!debates[b].important) - Number(!!debates[a].important) ||
        debates[b].importance - debates[a].importance ||
        a - b,
    );
  const target = panelTargets(order, judges.length, request.panelSize, options.maxPanelSize, options.evenPanels);
  const largest = request.panelSize ?? options.maxPanelSize;
  // A room's weight is the rank of its importance (1 = least; flagged rooms above all), so any numbers order rooms.
  const levels = [...new Set(debates.map((d) => d.importance))].sort((a, b) => a - b);
  const weight = debates.map((d) => levels.indexOf(d.importance) + 1 + (d.important ? levels.length : 0));
  const out: Allocation = { panels: [], unallocated: [], brokenConstraints: [] };
  // Free judges, strongest first (ties by id, so the result does not depend on input order).
  let free = judges
    .map((_, i) => i)
    .sort((a, b) => judges[b].strength - judges[a].strength || (judges[a].id < judges[b].id ? -1 : 1));
  const seatsMax = Math.max(0, ...target);
  for (let seat = 0; seat < seatsMax && free.length > 0; seat++) {
    const rooms = order.filter((r) => target[r] > seat);
    const offered = free.slice(0, Math.min(free.length, rooms.length + SLACK));
    const n = offered.length;
    // Beyond any difference real costs can make over the whole stage.
    const largestCost =
      (Math.max(1, ...offered.map((j) => Math.abs(Math.round(judges[j].strength * 10)) + 1)) +
        options.seenPenalty * Math.max(1, ...rooms.map((r) => roomTeams[r].length))) *
      Math.max(...weight);
    const forbidden = 2 * (n + 1) * largestCost;
    // Sparse rows: the room ranked i is offered the judges ranked i ± WINDOW (strengths sorted, rooms by importance,
    // so the unconflicted optimum lies on that band); the empty rows that absorb the judges not seated are offered
    // every judge. The band always holds judge i, so a full assignment exists.
    const rows: SparseRow[] = [];
    for (let row = 0; row < n; row++) {
      const r = rooms[row];
      if (r === undefined) {
        rows.push({ columns: offered.map((_, c) => c), costs: offered.map(() => 0) });
        continue;
      }
      const columns: number[] = [];
      const costs: number[] = [];
      for (let c = Math.max(0, row - WINDOW); c < Math.min(n, row + WINDOW + 1); c++) {
        const j = offered[c];
        let repeats = 0;
        for (const t of roomTeams[r]) repeats += (judgeTeam[j * teams + t] >> 1) & 1;
        columns.push(c);
        costs.push(
          conflicted(j, r)
            ? forbidden
            : (-Math.round(judges[j].strength * 10) - 1 + repeats * options.seenPenalty) * weight[r],
        );
      }
      rows.push({ columns, costs });
    }
    const columnOf = sparseAuctionAssignment(rows);
    const seated = new Set<number>();
    rooms.forEach((r, row) => {
      const column = columnOf[row];
      const k = rows[row].columns.indexOf(column);
      if (rows[row].costs[k] < forbidden) {
        panels[r].push(offered[column]);
        seated.add(offered[column]);
      }
    });
    free = free.filter((j) => !seated.has(j));
  }
  // Top-up after conflicts: a room below the largest size takes free judges it can seat — one to make an even panel
  // odd (or any one when even panels are allowed), else two who can sit together.
  for (const r of order) {
    while (panels[r].length < largest) {
      const fits = free.filter((j) => !conflicted(j, r));
      let add: number[] = [];
      if (fits.length && (options.evenPanels || panels[r].length % 2 === 0)) add = [fits[0]];
      else if (panels[r].length + 2 <= largest) {
        for (const j of fits) {
          const partner = fits.find((k) => k !== j && !judgeConflict.has(j * judges.length + k));
          if (partner !== undefined) {
            add = [j, partner];
            break;
          }
        }
      }
      if (add.length === 0) break;
      panels[r].push(...add);
      free = free.filter((j) => !add.includes(j));
    }
  }
  for (const r of order) {
    const wanted = Math.max(1, request.panelSize ?? target[r]);
    if (panels[r].length < wanted) {
      out.brokenConstraints.push({
        constraint: 'panel-size',
        debateId: debates[r].id,
        why:
          panels[r].length < target[r]
            ? `${panels[r].length} of ${wanted} seats filled: every free judge has a conflict with this room or its panel`
            : `${panels[r].length} of ${wanted} seats filled: not enough judges`,
      });
    }
  }
  debates.forEach((debate, r) => {
    const panel = [...panels[r]].sort(
      (a, b) => judges[b].strength - judges[a].strength || (judges[a].id < judges[b].id ? -1 : 1),
    );
    panel.forEach((j, i) =>
      out.panels.push({ debateId: debate.id, judgeId: judges[j].id, role: i === 0 ? 'chair' : 'wing' }),
    );
  });
  out.unallocated = free.map((j) => judges[j].id);
  return out;
}

/** Seats per room: a chair each, then panels of 3 and then of 5 in order of importance; or a fixed size. */
function panelTargets(
  order: number[],
  judges: number,
  fixed: number | undefined,
  largest: number,
  evenPanels: boolean,
): number[] {
  const target = new Array<number>(order.length).fill(0);
  let left = judges;
  const grow = (to: number) => {
    for (const r of order) {
      let add = Math.min(left, Math.max(0, to - target[r]));
      // Panels grow two judges at a time unless even panels are allowed.
      if (!evenPanels && fixed === undefined && (target[r] + add) % 2 === 0) add--;
      if (add <= 0) continue;
      target[r] += add;
      left -= add;
    }
  };
  if (fixed !== undefined) {
    // Seat by seat across the rooms, so a shortage thins the least important panels.
    for (let size = 1; size <= fixed; size++) grow(size);
    return target;
  }
  grow(1);
  for (let size = 3; size <= largest; size += 2) grow(size);
  if (largest % 2 === 0) grow(largest);
  return target;
}
