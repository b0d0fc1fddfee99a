import { assertUsableRubric, sheetTotal, type RubricCriterion } from './rubric.js';

/** One juror's sheet for one team (already validated with `validateScoresheet`). */
export interface CaseScoresheet {
  teamId: string;
  judgeId: string;
  scores: Readonly<Record<string, number>>;
}

export interface CaseScoringOptions {
  /** Drop each team's single highest and single lowest judge total, only when ≥ 5 judges scored it. */
  dropHighLow?: boolean;
  /** Correct harsh and lenient jurors by z-scoring each juror's totals (see `computeCaseStandings`). */
  normaliseJudges?: boolean;
  /**
   * How juror scales are made comparable, e.g. across qualifying rooms with their own juries: `z-scores` (the same as
   * `normaliseJudges`), or `ranks` — each sheet becomes the team's percentile among the juror's own sheets, so only
   * each juror's order counts. Default `none` (or `z-scores` when `normaliseJudges`).
   */
  normalisation?: 'none' | 'z-scores' | 'ranks';
  /** Criteria whose averages break ties, in order; default: by weight, heaviest first (rubric order among equals). */
  tieBreakCriteria?: readonly string[];
  /** How many places (жолдама) go to the next stage; 0 or absent: nobody is marked qualified. */
  qualifierSlots?: number;
}

/** What separated a row from the row above: the total, a criterion average, or the count of first places. */
export type CaseTieBreak = 'total' | `criterion:${string}` | 'firstPlaces';

export interface CaseStandingRow {
  /** Standard competition ranking: rows equal on the total and every tie-break share a rank. */
  rank: number;
  teamId: string;
  /** 0–100. */
  total: number;
  judgesCounted: number;
  /** Average raw score per criterion over the counted sheets. */
  perCriterion: Record<string, number>;
  /** Jurors who put this team first among the teams they scored (a shared top counts for each). */
  firstPlaces: number;
  qualified: boolean;
  /** The key that separated this row from the row above; null on the first row and on a shared rank. */
  decidedBy: CaseTieBreak | null;
}

/** Teams level on total across the qualification line, and how (or whether) the tie-breaks settled it. */
export interface CutoffTie {
  slots: number;
  /** Every team whose total equals the total at the line, in standing order. */
  teamIds: string[];
  /** Those of them who qualify. */
  qualifiedTeamIds: string[];
  /** The tie-break that settled the line; null when the teams stay level on every key (shared place). */
  decidedBy: CaseTieBreak | null;
  /** When shared: the places still to award among the level teams, which the organiser must decide. */
  unresolvedSlots: number;
}

export interface CaseStandings {
  rows: CaseStandingRow[];
  cutoffTie: CutoffTie | null;
  /** The scale normalised totals are mapped back onto (overall mean and population SD of raw totals); null when off. */
  scale: { mean: number; standardDeviation: number } | null;
}

/** Totals are quotients; comparing on a 1e-6 grid keeps mathematically equal totals equal. */
const comparable = (value: number) => Math.round(value * 1e6);

/**
 * The case championship standing.
 *
 * Per sheet: total T = Σ(weight × score/maxScore) / Σweight × 100.
 * With `normaliseJudges`: the overall mean μ and population SD σ of all raw sheet totals are taken, and
 * for each juror j the mean μj and population SD σj of their own totals; a sheet becomes
 * μ + σ × (T − μj) / σj, clamped to [0, 100]. A juror with one sheet, or whose totals are all equal
 * (σj = 0), has z = 0 on every sheet, so those sheets map to μ: after removing the juror's level
 * nothing is left that prefers one team to another. If σ = 0 every sheet is μ anyway.
 * Team score: mean of the (normalised) sheet totals, after dropping one highest and one lowest when
 * `dropHighLow` and ≥ 5 sheets (ties between sheets broken by judge id, so the drop is deterministic).
 * Order: total, then each tie-break criterion's average raw score, then first places — all highest
 * first; rows level on all of them share a rank and are listed by team id.
 */
export function computeCaseStandings(
  criteria: readonly RubricCriterion[],
  unordered: readonly CaseScoresheet[],
  options: CaseScoringOptions = {},
): CaseStandings {
  assertUsableRubric(criteria);
  const tieBreakKeys = options.tieBreakCriteria ?? [...criteria].sort((a, b) => b.weight - a.weight).map((c) => c.key);
  const criterionIndex = new Map(criteria.map((criterion, i) => [criterion.key, i]));
  for (const key of tieBreakKeys) {
    if (!criterionIndex.has(key)) throw new RangeError(`tie-break criterion ${key} is not in the rubric`);
  }

  // A fixed order makes every floating-point sum, and so the output, independent of the input order.
  const sheets = [...unordered].sort((a, b) => compareText(a.teamId, b.teamId) || compareText(a.judgeId, b.judgeId));
  for (let s = 1; s < sheets.length; s++) {
    if (sheets[s].teamId === sheets[s - 1].teamId && sheets[s].judgeId === sheets[s - 1].judgeId) {
      throw new RangeError(`team ${sheets[s].teamId} has two sheets from juror ${sheets[s].judgeId}`);
    }
  }
  const raw = new Float64Array(sheets.length);
  sheets.forEach((sheet, s) => (raw[s] = sheetTotal(criteria, sheet.scores)));
  const byJudge = groupIndices(sheets, (sheet) => sheet.judgeId);
  const byTeam = groupIndices(sheets, (sheet) => sheet.teamId);

  let adjusted = raw;
  let scale: CaseStandings['scale'] = null;
  const normalisation = options.normalisation ?? (options.normaliseJudges ? 'z-scores' : 'none');
  if (normalisation === 'ranks') {
    adjusted = new Float64Array(sheets.length);
    for (const indices of byJudge.values()) {
      for (const s of indices) {
        // Percentile among the juror's own sheets, a tie counting half; one sheet carries no order: the middle.
        let below = 0;
        let level = 0;
        for (const other of indices) {
          if (other === s) continue;
          const c = comparable(raw[other]) - comparable(raw[s]);
          if (c < 0) below++;
          else if (c === 0) level++;
        }
        adjusted[s] = indices.length > 1 ? (100 * (below + level / 2)) / (indices.length - 1) : 50;
      }
    }
  } else if (normalisation === 'z-scores' && sheets.length > 0) {
    const overall = meanAndSd(raw, Array.from(raw.keys()));
    scale = { mean: overall.mean, standardDeviation: overall.sd };
    adjusted = new Float64Array(sheets.length);
    for (const indices of byJudge.values()) {
      const own = meanAndSd(raw, indices);
      for (const s of indices) {
        const z = own.sd > 1e-9 ? (raw[s] - own.mean) / own.sd : 0;
        adjusted[s] = Math.min(100, Math.max(0, overall.mean + overall.sd * z));
      }
    }
  }

  const firstPlaces = new Map<string, number>();
  for (const indices of byJudge.values()) {
    let best = -Infinity;
    for (const s of indices) best = Math.max(best, comparable(raw[s]));
    for (const s of indices) {
      if (comparable(raw[s]) === best) firstPlaces.set(sheets[s].teamId, (firstPlaces.get(sheets[s].teamId) ?? 0) + 1);
    }
  }

  interface Entry {
    row: CaseStandingRow;
    keys: number[];
  }
  const entries: Entry[] = [];
  for (const [teamId, indices] of byTeam) {
    let counted = indices;
    if (options.dropHighLow && indices.length >= 5) {
      counted = [...indices]
        .sort((a, b) => adjusted[a] - adjusted[b] || compareText(sheets[a].judgeId, sheets[b].judgeId))
        .slice(1, -1);
    }
    const total = counted.reduce((sum, s) => sum + adjusted[s], 0) / counted.length;
    const perCriterion: Record<string, number> = {};
    for (const criterion of criteria) {
      perCriterion[criterion.key] =
        counted.reduce((sum, s) => sum + sheets[s].scores[criterion.key], 0) / counted.length;
    }
    const places = firstPlaces.get(teamId) ?? 0;
    entries.push({
      row: {
        rank: 0,
        teamId,
        total,
        judgesCounted: counted.length,
        perCriterion,
        firstPlaces: places,
        qualified: false,
        decidedBy: null,
      },
      keys: [comparable(total), ...tieBreakKeys.map((key) => comparable(perCriterion[key])), places],
    });
  }
  const keyNames: CaseTieBreak[] = [
    'total',
    ...tieBreakKeys.map((key): CaseTieBreak => `criterion:${key}`),
    'firstPlaces',
  ];

  entries.sort((a, b) => {
    for (let k = 0; k < a.keys.length; k++) if (a.keys[k] !== b.keys[k]) return b.keys[k] - a.keys[k];
    return compareText(a.row.teamId, b.row.teamId);
  });
  entries.forEach((entry, position) => {
    if (position === 0) return void (entry.row.rank = 1);
    const above = entries[position - 1];
    const k = entry.keys.findIndex((value, i) => value !== above.keys[i]);
    entry.row.decidedBy = k === -1 ? null : keyNames[k];
    entry.row.rank = k === -1 ? above.row.rank : position + 1;
  });

  const rows = entries.map((entry) => entry.row);
  const slots = Math.max(0, Math.floor(options.qualifierSlots ?? 0));
  // A rank shared across the line cannot be split by the engine: its teams are not marked qualified.
  const straddling =
    slots > 0 && slots < rows.length && rows[slots].rank === rows[slots - 1].rank ? rows[slots].rank : null;
  for (const row of rows) row.qualified = row.rank <= slots && row.rank !== straddling;

  return { rows, cutoffTie: cutoffTieOf(rows, slots), scale };
}

function cutoffTieOf(rows: CaseStandingRow[], slots: number): CutoffTie | null {
  if (slots === 0 || slots >= rows.length) return null;
  const lineTotal = comparable(rows[slots - 1].total);
  if (comparable(rows[slots].total) !== lineTotal) return null;
  const level = rows.filter((row) => comparable(row.total) === lineTotal);
  const shared = rows[slots].decidedBy === null;
  return {
    slots,
    teamIds: level.map((row) => row.teamId),
    qualifiedTeamIds: level.filter((row) => row.qualified).map((row) => row.teamId),
    decidedBy: rows[slots].decidedBy,
    unresolvedSlots: shared ? slots - rows.filter((row) => row.qualified).length : 0,
  };
}

function groupIndices<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return groups;
}

/** Population mean and standard deviation (the jury is the whole population of its own sheets). */
function meanAndSd(values: Float64Array, indices: readonly number[]): { mean: number; sd: number } {
  let sum = 0;
  for (const i of indices) sum += values[i];
  const mean = sum / indices.length;
  let squares = 0;
  for (const i of indices) squares += (values[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / indices.length) };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
