import { auctionAssignment } from './auction-assignment.js';
import { seededRandom, type DrawTeam } from './power-pairing.js';

export interface BpRoom {
  room: number;
  teams: { side: string; teamId: string }[];
  bracket: number;
  explanation: string[];
}

export interface BpDraw {
  debates: BpRoom[];
  brokenConstraints: { constraint: 'room-size' | 'position-balance'; teamIds: string[]; why: string }[];
  seed: string;
}

export interface BpOptions {
  /** Exponent on the entropy cost of a position (Tabbycat's bp_position_cost_exponent). Default 4. */
  entropyExponent: number;
}

export const DEFAULT_BP_OPTIONS: Readonly<BpOptions> = { entropyExponent: 4 };

/** Position costs are scaled to integers this large; the seeded noise below stays under one unit of them. */
const SCALE = 10_000_000_000;
const NOISE = 100;

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
 * British Parliamentary rooms, as WUDC rules have them:
 * 1. Rooms of four are filled from the top bracket (points level) down: a bracket whose size is not a multiple of
 *    four takes teams from the next bracket down (the whole of it when it is too small, then from the one below).
 *    Speaker scores play no part.
 * 2. Bracket by bracket, one minimum-cost assignment (auction algorithm) gives every team a seat (room, position)
 *    among the bracket's rooms, or, for a team of the next bracket, leaves it there. A seat costs the entropy cost
 *    of the team's position history with that position added, raised to the configured exponent (default 4), plus
 *    a seeded random amount smaller than any real difference: so which team is pulled up is the one whose history
 *    gains most from the seat on offer, and which teams of a bracket share a room is drawn at random from the seed.
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
  const seatCost = (team: DrawTeam, position: number) => {
    const counts = sides.map((s, k) => (team.sideCounts[s] ?? 0) + (k === position ? 1 : 0));
    return Math.round(entropyCost(counts) ** options.entropyExponent * SCALE);
  };
  let room = 0;
  for (let k = 0; k < levels.length; k++) {
    let own = byLevel[k];
    if (own.length === 0) continue;
    const rooms = Math.ceil(own.length / 4);
    const seats = rooms * 4;
    // A next bracket too small to fill the seats comes up whole; the one after it offers the candidates.
    let j = k + 1;
    while (j < levels.length && byLevel[j].length <= seats - own.length) {
      own = [...own, ...byLevel[j]];
      byLevel[j] = [];
      j++;
    }
    const pulled = seats - own.length;
    const below = pulled > 0 ? byLevel[j] : [];
    // Rows: this bracket's teams, then the candidates; columns: the seats, then one "stays below" column for every
    // candidate not needed here.
    const rows = [...own, ...(pulled > 0 ? below : [])];
    const columns = pulled > 0 ? seats + below.length - pulled : seats;
    const noise = rows.map(() => Array.from({ length: rooms }, () => Math.floor(random() * NOISE)));
    // A seat a team may not take: outweighs every real cost of the bracket together.
    const forbidden = (rows.length + 1) * (SCALE + NOISE);
    const cost = rows.map((team, r) =>
      Array.from({ length: columns }, (_, c) => {
        if (c >= seats) return r < own.length ? forbidden : 0;
        return seatCost(team, c % 4) + noise[r][Math.floor(c / 4)];
      }),
    );
    const columnOf = auctionAssignment(cost);
    const seated = new Set<DrawTeam>();
    for (let r = 0; r < rooms; r++) {
      const seatsHere = sides.map((side, position) => {
        const row = columnOf.indexOf(r * 4 + position);
        seated.add(rows[row]);
        return { side, team: rows[row] };
      });
      const why = [`bracket of ${levels[k]} point(s)`];
      for (const s of seatsHere) {
        if (s.team.points < levels[k]) {
          why.push(
            `${s.team.id} pulled up from the ${s.team.points}-point bracket: the ${levels[k]}-point bracket needs a multiple of four teams, and the assignment chose the teams whose position histories gain most`,
          );
        }
      }
      why.push(
        `rooms drawn at random from the seed inside the bracket; positions by minimum entropy cost of each team's position history (exponent ${options.entropyExponent})`,
      );
      draw.debates.push({
        room: ++room,
        teams: seatsHere.map((s) => ({ side: s.side, teamId: s.team.id })),
        bracket: levels[k],
        explanation: why,
      });
      for (const s of seatsHere) {
        const counts = sides.map((side) => (s.team.sideCounts[side] ?? 0) + (side === s.side ? 1 : 0));
        if (Math.max(...counts) - Math.min(...counts) >= 2) {
          draw.brokenConstraints.push({
            constraint: 'position-balance',
            teamIds: [s.team.id],
            why: `${s.side} makes its position counts ${counts.join('/')}: every seat in its bracket left some team uneven`,
          });
        }
      }
    }
    for (let j = k + 1; j < levels.length; j++) byLevel[j] = byLevel[j].filter((t) => !seated.has(t));
  }
  return draw;
}
