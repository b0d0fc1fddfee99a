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

/**
 * Rooms in order of importance take judges in order of strength: each room's chair is the strongest free judge with
 * no conflict against its teams, then its wings likewise, also clear of the panel's judge–judge conflicts. No judge
 * sits twice. A room that cannot be filled without a conflict gets a smaller panel and the reason.
 */
export function allocatePanels(request: AllocationRequest): Allocation {
  const { debates, judges } = request;
  const size = request.panelSize ?? defaultPanelSize(judges.length, debates.length);
  const teamConflict = new Set(request.teamConflicts.map(([j, t]) => `${j}|${t}`));
  const judgeConflict = new Set((request.judgeConflicts ?? []).flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
  const free = [...judges].sort((a, b) => b.strength - a.strength || (a.id < b.id ? -1 : 1));
  const rooms = [...debates].sort((a, b) => b.importance - a.importance || (a.id < b.id ? -1 : 1));
  const out: Allocation = { panels: [], unallocated: [], brokenConstraints: [] };
  // Chairs first across all rooms, so every room gets its best available chair before any room gets wings.
  const seated = new Map<string, string[]>();
  for (let place = 0; place < size; place++) {
    for (const room of rooms) {
      const panel = seated.get(room.id) ?? [];
      const pick = free.findIndex(
        (j) => room.teamIds.every((t) => !teamConflict.has(`${j.id}|${t}`)) && panel.every((p) => !judgeConflict.has(`${j.id}|${p}`)),
      );
      if (pick < 0) {
        if (place === 0 || free.length > 0) {
          out.brokenConstraints.push({
            constraint: 'panel-size',
            debateId: room.id,
            why: free.length ? 'every free judge has a conflict with this room' : 'not enough judges for full panels',
          });
        }
        continue;
      }
      const [judge] = free.splice(pick, 1);
      seated.set(room.id, [...panel, judge.id]);
      out.panels.push({ debateId: room.id, judgeId: judge.id, role: place === 0 ? 'chair' : 'wing' });
    }
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
