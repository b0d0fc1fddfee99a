import type { CaseScoresheet } from './case-standings.js';
import { assertUsableRubric, sheetTotal, type RubricCriterion } from './rubric.js';

export interface JurorDiagnostics {
  judgeId: string;
  sheets: number;
  /** Mean of the juror's raw 0–100 totals. */
  meanTotal: number;
  /** Population standard deviation of those totals: how much the juror separates teams. */
  standardDeviation: number;
  /**
   * Mean over the juror's teams of (juror's total − the other jurors' mean total for that team):
   * negative = harsh, positive = lenient. Null when no team the juror scored was scored by anyone else.
   */
  meanDeviation: number | null;
  /** Teams that the juror and at least one other juror scored: the base of the two comparisons. */
  sharedTeams: number;
  /**
   * Spearman rank correlation between the juror's totals and the rest of the jury's mean over the shared
   * teams (ties take average ranks, then Pearson on the ranks). Null with fewer than 3 shared teams,
   * or when either side ranks them all level.
   */
  agreement: number | null;
}

/**
 * Per-juror harshness and agreement from raw totals (normalisation would hide exactly what this is for).
 * Rows are sorted by judge id.
 */
export function juryDiagnostics(
  criteria: readonly RubricCriterion[],
  sheets: readonly CaseScoresheet[],
): JurorDiagnostics[] {
  assertUsableRubric(criteria);
  const totals = sheets.map((sheet) => sheetTotal(criteria, sheet.scores));
  const teamSum = new Map<string, number>();
  const teamCount = new Map<string, number>();
  const byJudge = new Map<string, number[]>();
  sheets.forEach((sheet, s) => {
    teamSum.set(sheet.teamId, (teamSum.get(sheet.teamId) ?? 0) + totals[s]);
    teamCount.set(sheet.teamId, (teamCount.get(sheet.teamId) ?? 0) + 1);
    const own = byJudge.get(sheet.judgeId);
    if (own) own.push(s);
    else byJudge.set(sheet.judgeId, [s]);
  });

  const rows: JurorDiagnostics[] = [];
  for (const [judgeId, indices] of byJudge) {
    const own = indices.map((s) => totals[s]);
    const meanTotal = mean(own);
    const standardDeviation = Math.sqrt(mean(own.map((t) => (t - meanTotal) ** 2)));
    const mine: number[] = [];
    const others: number[] = [];
    for (const s of indices) {
      const teamId = sheets[s].teamId;
      const count = teamCount.get(teamId) as number;
      if (count < 2) continue;
      mine.push(totals[s]);
      others.push(((teamSum.get(teamId) as number) - totals[s]) / (count - 1));
    }
    rows.push({
      judgeId,
      sheets: indices.length,
      meanTotal,
      standardDeviation,
      meanDeviation: mine.length > 0 ? mean(mine.map((t, i) => t - others[i])) : null,
      sharedTeams: mine.length,
      agreement: mine.length >= 3 ? spearman(mine, others) : null,
    });
  }
  return rows.sort((a, b) => (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0));
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Spearman's rho as the Pearson correlation of average ranks, which stays correct with ties. */
function spearman(x: readonly number[], y: readonly number[]): number | null {
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const mx = mean(rx);
  const my = mean(ry);
  let covariance = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < rx.length; i++) {
    covariance += (rx[i] - mx) * (ry[i] - my);
    vx += (rx[i] - mx) ** 2;
    vy += (ry[i] - my) ** 2;
  }
  return vx === 0 || vy === 0 ? null : covariance / Math.sqrt(vx * vy);
}

function averageRanks(values: readonly number[]): number[] {
  const key = (v: number) => Math.round(v * 1e6);
  const order = values.map((_, i) => i).sort((a, b) => key(values[a]) - key(values[b]));
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && key(values[order[end]]) === key(values[order[start]])) end++;
    const rank = (start + end + 1) / 2; // mean of the 1-based ranks start+1 … end
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
}

export interface RoomDiagnostics {
  room: number;
  sheets: number;
  /** Mean of the raw 0–100 totals given in the room. */
  meanTotal: number;
  standardDeviation: number;
  /** Room mean minus the mean of all rooms' sheets: a harsh room shows a clearly negative figure. */
  deviationFromAll: number;
}

/** Each qualifying room's raw level and spread, so a harsh or lenient room stands out before standings are read. */
export function roomDiagnostics(
  criteria: readonly RubricCriterion[],
  sheets: readonly CaseScoresheet[],
  roomOf: ReadonlyMap<string, number>,
): RoomDiagnostics[] {
  assertUsableRubric(criteria);
  const totals = sheets.map((sheet) => sheetTotal(criteria, sheet.scores));
  const overall = totals.length > 0 ? totals.reduce((a, b) => a + b, 0) / totals.length : 0;
  const byRoom = new Map<number, number[]>();
  sheets.forEach((sheet, s) => {
    const room = roomOf.get(sheet.teamId);
    if (room === undefined) return;
    byRoom.set(room, [...(byRoom.get(room) ?? []), totals[s]]);
  });
  return [...byRoom.entries()]
    .sort(([a], [b]) => a - b)
    .map(([room, values]) => {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
      return { room, sheets: values.length, meanTotal: mean, standardDeviation: sd, deviationFromAll: mean - overall };
    });
}
