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

/**
 * British Parliamentary rooms. Teams are ranked by points, speaker total, then a seeded draw; brackets of equal
 * points are made multiples of four by pulling up the lowest-speaking teams of the next bracket down. Inside each
 * bracket, every team is assigned a (room, position) by a minimum-cost assignment (auction algorithm) whose cost
 * is the growth of the team's squared position counts — so each team moves towards an even OG/OO/CG/CO history,
 * as Tabbycat's "squared" BP cost does. Rematches are allowed, as in BP practice. Needs a multiple of four teams.
 */
export function drawBritishParliamentary(input: { sides: readonly string[]; roundNumber: number; seed: string; teams: readonly DrawTeam[] }): BpDraw {
  const { sides } = input;
  if (sides.length !== 4) throw new RangeError('a BP draw needs four sides');
  const draw: BpDraw = { debates: [], brokenConstraints: [], seed: input.seed };
  if (input.teams.length % 4 !== 0) {
    throw new RangeError(`a BP draw needs a multiple of four teams; there are ${input.teams.length} (add swing teams)`);
  }
  const random = seededRandom(`${input.seed}:${input.roundNumber}`);
  const tiebreak = new Map(input.teams.map((t) => [t.id, random()]));
  const ranked = [...input.teams].sort(
    (a, b) => b.points - a.points || b.speakerTotal - a.speakerTotal || tiebreak.get(a.id)! - tiebreak.get(b.id)!,
  );
  const notes = new Map<string, string>();
  const brackets: DrawTeam[][] = [];
  for (const team of ranked) {
    const last = brackets.at(-1);
    if (last && (last[0].points === team.points || last.length % 4 !== 0)) {
      if (last[0].points !== team.points) notes.set(team.id, `pulled up from the ${team.points}-point bracket`);
      last.push(team);
    } else {
      brackets.push([team]);
    }
  }
  // Pull-ups above took the best of the next bracket; the rule is the lowest speaker total, so swap it in.
  for (let b = 0; b < brackets.length - 1; b++) {
    const pulled = brackets[b].filter((t) => notes.has(t.id));
    for (const p of pulled) {
      const pool = brackets[b + 1].filter((t) => t.points === p.points);
      const lowest = pool.reduce((low, t) => (t.speakerTotal < low.speakerTotal ? t : low), p);
      if (lowest !== p && lowest.speakerTotal < p.speakerTotal) {
        brackets[b][brackets[b].indexOf(p)] = lowest;
        brackets[b + 1][brackets[b + 1].indexOf(lowest)] = p;
        notes.delete(p.id);
        notes.set(lowest.id, `pulled up from the ${lowest.points}-point bracket (lowest speaker total there)`);
      }
    }
  }
  let room = 0;
  for (const bracket of brackets) {
    const rooms = bracket.length / 4;
    const cost = bracket.map((team) =>
      Array.from({ length: bracket.length }, (_, column) => {
        const count = team.sideCounts[sides[column % 4]] ?? 0;
        return 2 * count + 1;
      }),
    );
    const columnOf = auctionAssignment(cost);
    for (let r = 0; r < rooms; r++) {
      const seats = sides.map((side, position) => {
        const teamIndex = columnOf.indexOf(r * 4 + position);
        return { side, team: bracket[teamIndex] };
      });
      const level = Math.max(...seats.map((s) => s.team.points));
      draw.debates.push({
        room: ++room,
        teams: seats.map((s) => ({ side: s.side, teamId: s.team.id })),
        bracket: level,
        explanation: [
          `bracket of ${level} point(s)`,
          ...seats.flatMap((s) => (notes.has(s.team.id) ? [`${s.team.id}: ${notes.get(s.team.id)}`] : [])),
          'positions by minimum-cost assignment over the bracket: each team goes where it has been least',
        ],
      });
    }
  }
  return draw;
}
