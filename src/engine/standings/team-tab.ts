import { TEAM_TIE_BREAKS, type TeamTieBreak } from '../formats/format-preset.js';
import { comparable, type ConfirmedDebateResult, type ConfirmedTeamResult } from './confirmed-result.js';

export const DEFAULT_TEAM_TIE_BREAKS: readonly TeamTieBreak[] = [
  'points',
  'speakerTotal',
  'drawStrength',
  'margin',
  'headToHead',
];

const ALL_TIE_BREAKS = new Set<TeamTieBreak>(TEAM_TIE_BREAKS);

export interface TabTeam {
  id: string;
  name: string;
  regionCode: string;
  withdrawn?: boolean;
}

export interface TeamTabOptions {
  /** Compared in order, highest first; default `DEFAULT_TEAM_TIE_BREAKS`. */
  tieBreaks?: readonly TeamTieBreak[];
  /** Withdrawn teams are left off the tab by default (their results still count for their opponents). */
  includeWithdrawn?: boolean;
}

export interface TeamTabRow {
  /** Standard competition ranking: rows equal on every tie-break share a rank (1, 2, 2, 4). */
  rank: number;
  teamId: string;
  teamName: string;
  regionCode: string;
  points: number;
  wins: number;
  /** Judges' ballots carried: ballots that placed the team first. */
  ballots: number;
  /** Sum of the team's totals (team score, replies included) over debates with speaker scores. */
  speakerTotal: number;
  /** `speakerTotal` per debate with speaker scores (byes and forfeits left out); null before any. */
  speakerAverage: number | null;
  /** Byes and forfeits counted (results without speaker scores), so the tab can mark them. */
  byes: number;
  forfeits: number;
  /** Sum over the team's debates of every opponent's season points. */
  drawStrength: number;
  /** Sum of the team's margins. */
  margin: number;
  debates: number;
  /** The first tie-break that separates this row from the row above; null on the first row and on a shared rank. */
  decidedBy: TeamTieBreak | null;
}

/**
 * The team tab. Sorting is partition refinement: the teams start as one group and each tie-break in
 * turn splits every group still tied, so a key is only evaluated within the group it has to separate
 * (which is what `headToHead` needs: it depends on exactly who is tied). O(k · n log n) for k keys.
 */
export function computeTeamTab(
  teams: readonly TabTeam[],
  results: readonly ConfirmedDebateResult[],
  options: TeamTabOptions = {},
): TeamTabRow[] {
  const chain = options.tieBreaks ?? DEFAULT_TEAM_TIE_BREAKS;
  for (const key of chain) if (!ALL_TIE_BREAKS.has(key)) throw new RangeError(`unknown team tie-break "${key}"`);

  // Every team id seen gets an index, listed or not: unlisted opponents still count for draw strength.
  const indexOf = new Map<string, number>();
  for (const team of teams) {
    if (indexOf.has(team.id)) throw new RangeError(`team ${team.id} is listed twice`);
    indexOf.set(team.id, indexOf.size);
  }
  // Rooms as flat arrays: debate d's entries are entryTeam[roomStart[d] .. roomStart[d + 1]).
  const roomStart = new Int32Array(results.length + 1);
  const entryTeam: number[] = [];
  const debateIds = new Set<string>();
  results.forEach((debate, d) => {
    if (debateIds.has(debate.debateId)) throw new RangeError(`debate ${debate.debateId} has two results`);
    debateIds.add(debate.debateId);
    roomStart[d] = entryTeam.length;
    for (const entry of debate.teams) {
      let i = indexOf.get(entry.teamId);
      if (i === undefined) indexOf.set(entry.teamId, (i = indexOf.size));
      for (let e = roomStart[d]; e < entryTeam.length; e++) {
        if (entryTeam[e] === i) throw new RangeError(`team ${entry.teamId} appears twice in debate ${debate.debateId}`);
      }
      entryTeam.push(i);
    }
  });
  roomStart[results.length] = entryTeam.length;

  const n = indexOf.size;
  const points = new Float64Array(n);
  const wins = new Float64Array(n);
  const ballots = new Float64Array(n);
  const speakerTotal = new Float64Array(n);
  const scoredDebates = new Int32Array(n);
  const byes = new Int32Array(n);
  const forfeits = new Int32Array(n);
  const margin = new Float64Array(n);
  const drawStrength = new Float64Array(n);
  const debates = new Int32Array(n);
  const debatesOf: number[][] = Array.from({ length: n }, () => []);

  results.forEach((debate, d) => {
    debate.teams.forEach((entry, k) => {
      const i = entryTeam[roomStart[d] + k];
      points[i] += entry.points;
      const won = entry.won ?? entry.rank === 1;
      if (won) wins[i] += 1;
      ballots[i] += entry.ballots ?? (won ? 1 : 0);
      if (entry.noScore === 'bye') byes[i] += 1;
      else if (entry.noScore === 'forfeit') forfeits[i] += 1;
      else {
        speakerTotal[i] += entry.total;
        margin[i] += entry.margin;
        scoredDebates[i] += 1;
      }
      debates[i] += 1;
      debatesOf[i].push(d);
    });
  });
  for (let d = 0; d < results.length; d++) {
    let roomPoints = 0;
    for (let e = roomStart[d]; e < roomStart[d + 1]; e++) roomPoints += points[entryTeam[e]];
    for (let e = roomStart[d]; e < roomStart[d + 1]; e++)
      drawStrength[entryTeam[e]] += roomPoints - points[entryTeam[e]];
  }

  const speakerAverage = new Float64Array(n);
  for (let i = 0; i < n; i++) speakerAverage[i] = scoredDebates[i] > 0 ? speakerTotal[i] / scoredDebates[i] : -Infinity;
  const raw: Record<Exclude<TeamTieBreak, 'headToHead'>, Float64Array> = {
    points,
    wins,
    ballots,
    speakerTotal,
    speakerAverage,
    drawStrength,
    margin,
  };
  // Final fallback order (name, then id, by code unit so no server locale changes it) goes first:
  // every later sort is stable, so it survives within ties.
  const listed = teams
    .filter((team) => options.includeWithdrawn || !team.withdrawn)
    .sort((a, b) => (a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const order = listed.map((team) => indexOf.get(team.id) as number);
  const teamAt = new Map(listed.map((team) => [indexOf.get(team.id) as number, team]));

  const decidedBy: (TeamTieBreak | null)[] = new Array(order.length).fill(null);
  const value = new Float64Array(n);
  let groups: [number, number][] = order.length > 1 ? [[0, order.length]] : [];
  for (const key of chain) {
    const next: [number, number][] = [];
    for (const [start, end] of groups) {
      const members = order.slice(start, end);
      if (key === 'headToHead') headToHeadScores(members, debatesOf, results, roomStart, entryTeam, value);
      else for (const i of members) value[i] = raw[key][i] === -Infinity ? -Infinity : comparable(raw[key][i]);
      members.sort((a, b) => value[b] - value[a]);
      for (let k = 0; k < members.length; k++) order[start + k] = members[k];
      let runStart = start;
      for (let p = start + 1; p <= end; p++) {
        if (p === end || value[order[p]] !== value[order[p - 1]]) {
          if (p - runStart > 1) next.push([runStart, p]);
          if (p < end) decidedBy[p] = key;
          runStart = p;
        }
      }
    }
    groups = next;
  }

  const rows: TeamTabRow[] = [];
  order.forEach((i, position) => {
    const team = teamAt.get(i) as TabTeam;
    const shared = position > 0 && decidedBy[position] === null;
    rows.push({
      rank: shared ? rows[position - 1].rank : position + 1,
      teamId: team.id,
      teamName: team.name,
      regionCode: team.regionCode,
      points: points[i],
      wins: wins[i],
      ballots: ballots[i],
      speakerTotal: speakerTotal[i],
      speakerAverage: scoredDebates[i] > 0 ? speakerTotal[i] / scoredDebates[i] : null,
      byes: byes[i],
      forfeits: forfeits[i],
      drawStrength: drawStrength[i],
      margin: margin[i],
      debates: debates[i],
      decidedBy: decidedBy[position],
    });
  });
  return rows;
}

/**
 * Head-to-head among exactly the tied teams: each scores (wins − losses) against the other members,
 * where a win is being placed above the other in a debate both were in. It only applies when every
 * pair of the group has met — otherwise the record is incomplete and all score 0 (still tied).
 * For two tied teams this is the usual "winner of their debate goes above".
 */
function headToHeadScores(
  members: readonly number[],
  debatesOf: readonly number[][],
  results: readonly ConfirmedDebateResult[],
  roomStart: Int32Array,
  entryTeam: readonly number[],
  score: Float64Array,
): void {
  const inGroup = new Set(members);
  for (const i of members) score[i] = 0;
  const pairsMet = new Set<number>();
  for (const i of members) {
    for (const d of debatesOf[i]) {
      const room = results[d].teams;
      const base = roomStart[d];
      const own = room[entryTeam.indexOf(i, base) - base];
      room.forEach((other, k) => {
        const j = entryTeam[base + k];
        if (j === i || !inGroup.has(j)) return;
        pairsMet.add(Math.min(i, j) * score.length + Math.max(i, j));
        score[i] += placedAbove(own, other);
      });
    }
  }
  const everyPairMet = pairsMet.size === (members.length * (members.length - 1)) / 2;
  if (!everyPairMet) for (const i of members) score[i] = 0;
}

/** +1 if `a` was placed above `b` in their debate, −1 if below, 0 if the record cannot tell. */
function placedAbove(a: ConfirmedTeamResult, b: ConfirmedTeamResult): number {
  if (a.rank !== undefined && b.rank !== undefined && a.rank !== b.rank) return a.rank < b.rank ? 1 : -1;
  if (a.won !== undefined && b.won !== undefined && a.won !== b.won) return a.won ? 1 : -1;
  if (a.points !== b.points) return a.points > b.points ? 1 : -1;
  return 0;
}
