import { sparseAuctionAssignment } from './auction-assignment.js';
import { seededRandom, type DrawTeam } from './power-pairing.js';

export interface BpRoom {
  room: number;
  teams: { side: string; teamId: string }[];
  bracket: number;
  explanation: string[];
}

export interface BpDraw {
  debates: BpRoom[];
  brokenConstraints: { constraint: 'position-balance'; teamIds: string[]; why: string }[];
  seed: string;
}

export interface BpOptions {
  /** Exponent on the entropy cost of a position (Tabbycat's bp_position_cost_exponent). Default 4. */
  entropyExponent: number;
}

export const DEFAULT_BP_OPTIONS: Readonly<BpOptions> = { entropyExponent: 4 };

/**
 * The seating auction needs integer costs below 2^53 / (n + 1) (it scales them by n + 1 and its prices grow to a
 * few times the largest). Real costs fill the high part of each integer, the tie-breakers the low `TIE` units:
 * first the look-ahead (below), then the seeded room draw (below NOISE), so neither can outweigh a real difference.
 */
const NOISE = 128;
const AHEAD = 32;
const TIE = NOISE * AHEAD;
/** Teams this many points apart or fewer can meet next round: a BP room moves its teams 0–3 points apart. */
const REACH = 3;

/**
 * 1 − H/2, H the Shannon entropy (bits) of a team's counts over the four positions: 0 when they are even, 1 when
 * every debate was in one position. Tabbycat's "entropy" BP position cost (Rényi order 1).
 */
export function entropyCost(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let entropy = 0;
  for (const c of counts) if (c > 0) entropy -= (c / total) * Math.log2(c / total);
  return 1 - entropy / Math.log2(counts.length);
}

/**
 * Each team's position costs, entropyCost(history + position) ^ exponent, as integers for the auction. Every team
 * takes exactly one seat, so taking a team's cheapest position off all of its costs changes every seating's total
 * by the same amount: the comparison between seatings is unchanged, and what is left spans far less. The largest
 * remaining cost in the field then gets the largest integer the auction takes. Scaling the raw costs by one fixed
 * factor (10¹⁰) instead rounded every cost below 10⁻¹⁰ to zero: at exponent 8, 3/2/2/2 costs 6·10⁻¹⁶ and tied with
 * a balanced history.
 */
function seatUnits(teams: readonly DrawTeam[], sides: readonly string[], exponent: number): number[][] {
  const costs = teams.map((team) =>
    sides.map(
      (_, position) =>
        entropyCost(sides.map((s, k) => (team.sideCounts[s] ?? 0) + (k === position ? 1 : 0))) ** exponent,
    ),
  );
  let largest = 0;
  for (const row of costs) {
    const least = Math.min(...row);
    for (let p = 0; p < row.length; p++) largest = Math.max(largest, (row[p] -= least));
  }
  if (largest === 0) return costs.map((row) => row.map(() => 0));
  const top = Math.floor(2 ** 53 / (teams.length + 1) / 64 / TIE);
  return costs.map((row) => row.map((c) => Math.round((c / largest) * top)));
}

/**
 * A tie-breaker in [0, AHEAD) for each team and position, looking one round ahead. After this round a team will
 * need the positions it then holds least often; late in a season, with brackets of one or two teams, next round's
 * rooms are close to forced, and two teams of one room needing the same position cannot both have it. So among
 * seatings of equal cost, a team prefers the position that leaves it needing what teams close to it on points
 * (those it may meet next round, weighted REACH + 1 − the distance) need least, as they stand now.
 */
function lookAhead(teams: readonly DrawTeam[], sides: readonly string[]): number[][] {
  const needs = (counts: number[]) => {
    const least = Math.min(...counts);
    const which = counts.map((c): number => (c === least ? 1 : 0));
    const total = which.reduce((a, b) => a + b, 0);
    return which.map((w) => w / total);
  };
  const countsOf = (team: DrawTeam) => sides.map((s) => team.sideCounts[s] ?? 0);
  const byPoints = new Map<number, number[]>();
  for (const team of teams) {
    const share = needs(countsOf(team));
    const sum = byPoints.get(team.points) ?? sides.map(() => 0);
    share.forEach((w, k) => (sum[k] += w));
    byPoints.set(team.points, sum);
  }
  return teams.map((team) => {
    const around = sides.map(() => 0);
    for (let d = -REACH; d <= REACH; d++) {
      const sum = byPoints.get(team.points + d);
      if (sum) sum.forEach((w, k) => (around[k] += w * (REACH + 1 - Math.abs(d))));
    }
    const own = needs(countsOf(team));
    own.forEach((w, k) => (around[k] -= w * (REACH + 1)));
    const scores = sides.map((_, position) => {
      const after = countsOf(team);
      after[position]++;
      return needs(after).reduce((sum, w, k) => sum + w * around[k], 0);
    });
    const most = Math.max(...scores, 1e-9);
    return scores.map((x) => Math.max(0, Math.min(AHEAD - 1, Math.floor((x / most) * (AHEAD - 1)))));
  });
}

/**
 * British Parliamentary rooms, as WUDC rules have them:
 * 1. Rooms of four are filled from the top bracket (points level) down: a bracket whose size is not a multiple of
 *    four takes teams from the next bracket down (the whole of it when it is too small, then from the one below).
 *    Speaker scores play no part.
 * 2. One minimum-cost assignment over the whole field (sparse auction algorithm) gives every team a seat (room,
 *    position) in its bracket's rooms or, for a bracket that sends pull-ups, in the rooms of the bracket above. A
 *    seat costs the entropy cost of the team's position history with that position added, raised to the configured
 *    exponent (default 4); among seats of equal cost, the look-ahead below, then a seeded random amount, decide
 *    (neither can outweigh a real difference). Seat counts make the
 *    pull-ups exactly the forced ones; who is pulled up is settled together with the positions of both brackets (the
 *    teams left below need their positions too), and which teams of a bracket share a room is drawn from the seed.
 * Rematches are allowed, as in BP practice. Needs a multiple of four teams.
 */
export function drawBritishParliamentary(input: {
  sides: readonly string[];
  roundNumber: number;
  seed: string;
  teams: readonly DrawTeam[];
  options?: Partial<BpOptions>;
}): BpDraw {
  const { sides } = input;
  const options: BpOptions = { ...DEFAULT_BP_OPTIONS, ...input.options };
  if (sides.length !== 4) throw new RangeError('a BP draw needs four sides');
  const draw: BpDraw = { debates: [], brokenConstraints: [], seed: input.seed };
  if (input.teams.length % 4 !== 0) {
    throw new RangeError(`a BP draw needs a multiple of four teams; there are ${input.teams.length} (add swing teams)`);
  }
  const random = seededRandom(`${input.seed}:${input.roundNumber}`);
  const levels = [...new Set(input.teams.map((t) => t.points))].sort((a, b) => b - a);
  const byLevel = levels.map((p) => input.teams.filter((t) => t.points === p));
  // The shape of the draw, from the counts alone: groups of rooms top down, each holding its own bracket (and any
  // next brackets too small to fill its seats, whole) and `pulled` teams of the bracket after those.
  const groups: { level: number; rooms: number; firstSeat: number; candidates: number | null }[] = [];
  /** For each bracket: the group it sits in, and the group it may send pull-ups to. */
  const home = new Array<number>(levels.length).fill(-1);
  const up = new Array<number>(levels.length).fill(-1);
  const left = byLevel.map((b) => b.length);
  for (let k = 0, seat = 0; k < levels.length; k++) {
    if (left[k] === 0) continue;
    let own = left[k];
    home[k] = groups.length;
    const rooms = Math.ceil(own / 4);
    let j = k + 1;
    while (j < levels.length && left[j] <= rooms * 4 - own) {
      own += left[j];
      left[j] = 0;
      home[j] = groups.length;
      j++;
    }
    const pulled = rooms * 4 - own;
    if (pulled > 0) {
      left[j] -= pulled;
      up[j] = groups.length;
    }
    groups.push({ level: levels[k], rooms, firstSeat: seat, candidates: pulled > 0 ? j : null });
    seat += rooms * 4;
  }
  // One assignment over the whole field: every team a seat (room, position) in its own group of rooms or, for a
  // bracket that sends pull-ups, in the group above. Exact seat counts make the pull-ups exactly the forced ones;
  // who goes up is whoever's position history (and the rest of its bracket's) gains most.
  const teams = byLevel.flat();
  const levelOf = new Map(levels.map((p, k) => [p, k]));
  const units = seatUnits(teams, sides, options.entropyExponent);
  const ahead = lookAhead(teams, sides);
  const rows = teams.map((team, i) => {
    const k = levelOf.get(team.points)!;
    const columns: number[] = [];
    const costs: number[] = [];
    for (const g of up[k] >= 0 ? [up[k], home[k]] : [home[k]]) {
      const { rooms, firstSeat } = groups[g];
      for (let r = 0; r < rooms; r++) {
        for (let position = 0; position < 4; position++) {
          columns.push(firstSeat + r * 4 + position);
          costs.push(units[i][position] * TIE + ahead[i][position] * NOISE + Math.floor(random() * NOISE));
        }
      }
    }
    return { columns, costs };
  });
  const columnOf = sparseAuctionAssignment(rows);
  const atSeat = new Array<DrawTeam>(teams.length);
  columnOf.forEach((column, row) => (atSeat[column] = teams[row]));
  let room = 0;
  for (const group of groups) {
    for (let r = 0; r < group.rooms; r++) {
      const seatsHere = sides.map((side, position) => ({ side, team: atSeat[group.firstSeat + r * 4 + position] }));
      const why = [`bracket of ${group.level} point(s)`];
      for (const s of seatsHere) {
        if (s.team.points < group.level && group.candidates !== null && s.team.points === levels[group.candidates]) {
          why.push(
            `${s.team.id} pulled up from the ${s.team.points}-point bracket: the ${group.level}-point bracket needs a multiple of four teams, and the assignment chose the teams whose position histories gain most`,
          );
        } else if (s.team.points < group.level) {
          why.push(
            `${s.team.id} pulled up from the ${s.team.points}-point bracket: the ${group.level}-point bracket needs a multiple of four teams, and the whole ${s.team.points}-point bracket fits in its rooms`,
          );
        }
      }
      why.push(
        `rooms drawn at random from the seed inside the bracket; positions by minimum entropy cost of each team's position history (exponent ${options.entropyExponent}), ties broken by what teams near on points will need next round, then by the seed`,
      );
      draw.debates.push({
        room: ++room,
        teams: seatsHere.map((s) => ({ side: s.side, teamId: s.team.id })),
        bracket: group.level,
        explanation: why,
      });
      for (const s of seatsHere) {
        const counts = sides.map((side) => (s.team.sideCounts[side] ?? 0) + (side === s.side ? 1 : 0));
        if (Math.max(...counts) - Math.min(...counts) >= 2) {
          draw.brokenConstraints.push({
            constraint: 'position-balance',
            teamIds: [s.team.id],
            why: `${s.side} makes its position counts ${counts.join('/')}: no seating of the field the brackets allow costs less in all`,
          });
        }
      }
    }
  }
  return draw;
}
