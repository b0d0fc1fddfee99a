import { minCostPerfectMatching } from './min-cost-matching.js';

/** Power-paired draws for two-team formats. */
export interface DrawTeam {
  id: string;
  points: number;
  speakerTotal: number;
  /** Debates on each side so far, e.g. { gov: 2, opp: 1 }. */
  sideCounts: Record<string, number>;
  /** Every opponent so far (repeats allowed). */
  opponents: string[];
  hadBye?: boolean;
  /** School or university: two teams of one institution are kept apart where the rules allow. */
  institution?: string | null;
  /** Declared team–team conflicts (team ids), kept apart like a shared institution. */
  conflicts?: readonly string[];
}

/** What a bracket with an odd number of teams does. */
export type OddBracketRule =
  /** The top team of the next bracket down joins it (and, by fold, meets its top team). */
  | 'pull-up-top'
  /** Its bottom team and the top team of the next bracket down debate in a bracket of their own between the two. */
  | 'intermediate-bubble';

/** Whom a team meets inside its bracket, positions counted from the top. */
export type PairingMethod =
  /** 1 v n, 2 v n−1, … (WSDC rule 3.8). */
  | 'fold'
  /** 1 v n/2+1, 2 v n/2+2, … */
  | 'slide';

export interface PairingOptions {
  /** Default 'pull-up-top'. */
  oddBracket: OddBracketRule;
  /** Default 'fold'. */
  method: PairingMethod;
  /** Keep teams of one institution apart (priced below rematches and pull-ups). Default true. */
  avoidInstitution: boolean;
}

export const DEFAULT_PAIRING_OPTIONS: Readonly<PairingOptions> = {
  oddBracket: 'pull-up-top',
  method: 'fold',
  avoidInstitution: true,
};

/**
 * What one pairing costs in the matching, rule by rule. The gaps between the weights make the priorities strict in
 * practice: one rematch outweighs any number of pull-ups a field can have; a team three or more debates off side
 * balance outweighs a pull-up beyond the forced ones; that outweighs an institution clash, which outweighs a team
 * two off, which outweighs any distance from the ideal partner.
 */
export const PAIRING_COSTS = {
  rematch: 1_000_000_000,
  /** Per bracket boundary a debate crosses, squared: one pull-up of two levels costs more than two of one. */
  crossBracket: 1_000_000,
  institution: 400_000,
  /** A team two debates off side balance after this one (summed over the two teams). */
  sideLean: 10_000,
  /**
   * Each debate a team would be beyond two off (a 3–0 or 4–1 split): priced above a pull-up, so the promise of
   * balanced sides gives way only to rematches.
   */
  sideLeanSevere: 3_000_000,
  /** Per position away from the ideal partner (fold or slide) in the bracket. */
  distance: 1,
} as const;

const RULE_ORDER =
  'rule order: rematch ≫ three off side balance ≫ pull-up beyond the forced ones ≫ institution ≫ two off ≫ distance from the ideal partner';

export interface DrawDebate {
  room: number;
  teams: { side: string; teamId: string }[];
  /** Points level of the room (the higher team's). */
  bracket: number;
  explanation: string[];
}

export type DrawConstraint = 'rematch' | 'institution' | 'conflict' | 'side-balance' | 'pull-up';

export interface Draw {
  debates: DrawDebate[];
  byes: { teamId: string; reason: string }[];
  brokenConstraints: { constraint: DrawConstraint; teamIds: string[]; why: string }[];
  seed: string;
}

export interface DrawRequest {
  sides: readonly [string, string];
  roundNumber: number;
  seed: string;
  teams: readonly DrawTeam[];
  /** Round 1 order (strongest first) instead of a random one. */
  priorRanking?: readonly string[];
  options?: Partial<PairingOptions>;
}

/** mulberry32 seeded from FNV-1a of the seed string: small, fast and reproducible. */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Up to this many teams the whole field is one matching (every pairing an edge), so nothing is out of reach. */
const WHOLE_FIELD_LIMIT = 200;
/** Larger fields: each bracket is matched in windows of this many fold positions from each end. */
const WINDOW = 32;

interface Ranked {
  team: DrawTeam;
  /** Place in the ranking, 0 = top. */
  index: number;
  /** Points level, 0 = top. */
  level: number;
  /** First-side debates minus second-side debates. */
  lean: number;
  met: Map<string, number>;
  /** Effective bracket [start, end) in the ranking after odd brackets are settled. */
  start: number;
  end: number;
}

interface PairCost {
  total: number;
  rematches: number;
  gap: number;
  institution: boolean;
  conflict: boolean;
  sideExcess: number;
  distance: number;
}

/**
 * Rules, in the order they decide:
 * 1. Teams are ranked by points, then speaker total, then a seeded draw (round 1: a seeded random order, or the
 *    prior ranking). Byes: with an odd field the lowest-ranked team without a bye sits out.
 * 2. Brackets are the points levels. Walking down, a bracket left with an odd number of teams is settled by the
 *    odd-bracket rule (pull up the top team of the next bracket, or an intermediate bubble of its bottom team and
 *    the next bracket's top team). These make the effective brackets and each team's ideal partner in them (fold:
 *    1 v n; slide: 1 v n/2+1).
 * 3. The draw is one minimum-cost perfect matching over the teams (Edmonds' blossom), each possible pairing priced
 *    by PAIRING_COSTS: rematch ≫ a team three or more off side balance ≫ crossing a bracket boundary ≫ same
 *    institution or declared conflict ≫ a team two off ≫ distance from the ideal partner. Parity forces a crossing
 *    at every boundary with an odd number of teams above it; the matching makes exactly those unless only more
 *    avoid a rematch or a team three off side balance. Who is pulled up is therefore chosen by the matching, the
 *    odd-bracket rule's team being preferred through the distance cost.
 *    Fields above 200 teams are matched in windows of 32 fold positions from each end of every bracket (each team
 *    offered the partners within 16 places of its ideal one); then the teams of every pairing that breaks a rule
 *    are matched again together per bracket, and the whole field again when a rematch remains.
 * 4. Sides: the team whose history leans less to the first side takes it; equal histories by orientSides' look-ahead
 *    to the brackets of the next round, then a seeded coin.
 */
export function drawPowerPaired(request: DrawRequest): Draw {
  const options: PairingOptions = { ...DEFAULT_PAIRING_OPTIONS, ...request.options };
  const random = seededRandom(`${request.seed}:${request.roundNumber}`);
  const tiebreak = new Map(request.teams.map((t) => [t.id, random()]));
  let ranked = [...request.teams].sort(
    (a, b) => b.points - a.points || b.speakerTotal - a.speakerTotal || tiebreak.get(a.id)! - tiebreak.get(b.id)!,
  );
  const draw: Draw = { debates: [], byes: [], brokenConstraints: [], seed: request.seed };
  if (ranked.length % 2 === 1) {
    const candidates = [...ranked].reverse();
    const bye = candidates.find((t) => !t.hadBye) ?? candidates[0];
    draw.byes.push({
      teamId: bye.id,
      reason: bye.hadBye
        ? 'odd number of teams; every team has had a bye, so the lowest-ranked sits out again'
        : 'odd number of teams: the lowest-ranked team without a bye sits out',
    });
    ranked.splice(ranked.indexOf(bye), 1);
  }
  const roundOne = request.roundNumber === 1;
  if (roundOne) {
    if (request.priorRanking) {
      const position = new Map(request.priorRanking.map((id, i) => [id, i]));
      ranked = [...ranked].sort((a, b) => (position.get(a.id) ?? 1e9) - (position.get(b.id) ?? 1e9));
    } else {
      ranked = [...ranked].sort((a, b) => tiebreak.get(a.id)! - tiebreak.get(b.id)!);
    }
  }
  const [first, second] = request.sides;
  const levels = roundOne ? [ranked[0]?.points] : [...new Set(ranked.map((t) => t.points))];
  const teams: Ranked[] = ranked.map((team, index) => {
    const met = new Map<string, number>();
    for (const o of team.opponents) met.set(o, (met.get(o) ?? 0) + 1);
    return {
      team,
      index,
      level: roundOne ? 0 : levels.indexOf(team.points),
      lean: (team.sideCounts[first] ?? 0) - (team.sideCounts[second] ?? 0),
      met,
      start: 0,
      end: 0,
    };
  });
  settleBrackets(teams, options.oddBracket);
  const conflicts = declaredConflicts(request.teams);
  const price = (a: Ranked, b: Ranked, crossWeight: number) => pairCost(a, b, options, conflicts, crossWeight);
  const pairs = match(teams, (a, b) => price(a, b, PAIRING_COSTS.crossBracket).total, options.method);

  // Crossings per boundary (boundary k lies between levels k and k + 1) against the parity-forced number.
  const crossings = new Array<number>(levels.length).fill(0);
  const forced = new Array<number>(levels.length).fill(0);
  for (let k = 0, above = 0; k < levels.length - 1; k++) {
    above += teams.filter((t) => t.level === k).length;
    forced[k] = above % 2;
  }
  for (const [a, b] of pairs) for (let k = a.level; k < b.level; k++) crossings[k]++;
  const beyondForced = crossings.some((c, k) => c > forced[k]);
  // Why a pull-up beyond the forced ones: what the best draw keeping to the forced crossings would break instead.
  const inside = beyondForced
    ? totals(
        match(teams, (a, b) => price(a, b, PAIRING_COSTS.rematch * 10).total, options.method),
        price,
      )
    : null;
  const made = totals(pairs, price);

  pairs.sort((x, y) => x[0].index - y[0].index);
  const sides = orientSides(pairs, teams, random, first);
  pairs.forEach(([a, b], i) => {
    const cost = price(a, b, PAIRING_COSTS.crossBracket);
    const why: string[] = [];
    if (roundOne)
      why.push(
        request.priorRanking
          ? 'round 1: teams in the order of the prior ranking'
          : 'round 1: teams in a random order from the round seed',
      );
    else why.push(`bracket of ${a.team.points} point(s)`);
    if (a.level !== b.level) {
      const crossed = Array.from({ length: b.level - a.level }, (_, d) => a.level + d);
      const isForced = crossed.every((k) => forced[k] === 1 && crossings[k] === 1);
      why.push(
        isForced
          ? `${b.team.id} pulled up from the ${b.team.points}-point bracket: the brackets above it hold an odd number of teams, so one debate must cross here`
          : `${b.team.id} pulled up from the ${b.team.points}-point bracket beyond the forced pull-ups: ${insideWouldBreak(made, inside!)}`,
      );
    }
    const ideal = idealPartner(a, teams, options.method);
    if (cost.distance === 0) {
      why.push(`${options.method}: ${positionName(a)} v ${positionName(b)} of the bracket`);
    } else {
      const avoided = ideal ? reasonsAgainst(price(a, ideal, PAIRING_COSTS.crossBracket)) : [];
      why.push(
        avoided.length
          ? `not the ${options.method} partner ${ideal!.team.id}: that pairing would be ${avoided.join(' and ')}`
          : `not the ${options.method} partner ${ideal?.team.id ?? '(none)'}, who was needed elsewhere to avoid a costlier pairing`,
      );
    }
    const [gov, opp] = sides[i].gov === a ? [a, b] : [b, a];
    why.push(sides[i].why);
    if (cost.rematches > 0) {
      draw.brokenConstraints.push({
        constraint: 'rematch',
        teamIds: [a.team.id, b.team.id],
        why: 'no draw among the pairings the matching was offered avoids every rematch; this one has the fewest',
      });
    }
    if (cost.institution) {
      draw.brokenConstraints.push({
        constraint: 'institution',
        teamIds: [a.team.id, b.team.id],
        why: `both from ${a.team.institution}: the matching found no cheaper draw without it (${RULE_ORDER})`,
      });
    }
    if (cost.conflict) {
      draw.brokenConstraints.push({
        constraint: 'conflict',
        teamIds: [a.team.id, b.team.id],
        why: `declared conflict: the matching found no cheaper draw without it (${RULE_ORDER})`,
      });
    }
    for (const [team, after] of [
      [gov, gov.lean + 1],
      [opp, opp.lean - 1],
    ] as const) {
      if (Math.abs(after) > 1) {
        draw.brokenConstraints.push({
          constraint: 'side-balance',
          teamIds: [team.team.id],
          why: `${after > 0 ? first : second} ${Math.abs(after)} more times than ${after > 0 ? second : first}: the matching found no cheaper draw that balances it (${RULE_ORDER})`,
        });
      }
    }
    draw.debates.push({
      room: i + 1,
      teams: [
        { side: first, teamId: gov.team.id },
        { side: second, teamId: opp.team.id },
      ],
      bracket: a.team.points,
      explanation: why,
    });
  });
  crossings.forEach((c, k) => {
    if (c <= forced[k]) return;
    draw.brokenConstraints.push({
      constraint: 'pull-up',
      teamIds: pairs.filter(([a, b]) => a.level <= k && b.level > k).flatMap(([a, b]) => [a.team.id, b.team.id]),
      why: `${c} debates cross between the ${levels[k]}- and ${levels[k + 1]}-point brackets where the bracket sizes force ${forced[k]}: ${insideWouldBreak(made, inside!)}`,
    });
  });
  return draw;
}

/** Effective brackets: contiguous runs of the ranking, each even, made by the odd-bracket rule. */
function settleBrackets(teams: Ranked[], rule: OddBracketRule): void {
  const set = (start: number, end: number) => {
    for (let i = start; i < end; i++) Object.assign(teams[i], { start, end });
  };
  let start = 0;
  for (let i = 0; i < teams.length; i++) {
    const end = i + 1;
    if (end < teams.length && teams[end].level === teams[i].level) continue;
    if (end <= start) continue;
    if ((end - start) % 2 === 0) {
      set(start, end);
      start = end;
    } else if (rule === 'pull-up-top') {
      set(start, end + 1);
      start = end + 1;
    } else {
      set(start, end - 1);
      set(end - 1, end + 1);
      start = end + 1;
    }
  }
}

/** Team–team conflicts declared on either side. */
function declaredConflicts(teams: readonly DrawTeam[]): Set<string> {
  const pairs = new Set<string>();
  for (const t of teams) for (const o of t.conflicts ?? []) pairs.add(`${t.id}|${o}`).add(`${o}|${t.id}`);
  return pairs;
}

const sideExcess = (lean: number) => Math.max(0, Math.abs(lean) - 1) ** 2;
/** What a team's side lean after the debate costs: two off is a side lean, further is severe. */
const sidePrice = (lean: number) => {
  const off = Math.max(0, Math.abs(lean) - 1);
  return off === 0 ? 0 : PAIRING_COSTS.sideLean + (off - 1) * PAIRING_COSTS.sideLeanSevere;
};

/** Positions from the ideal partner inside the higher team's effective bracket. */
function distance(a: Ranked, b: Ranked, method: PairingMethod): number {
  const [high, low] = a.index < b.index ? [a, b] : [b, a];
  const size = high.end - high.start;
  const p = high.index - high.start;
  const q = low.index - high.start;
  return method === 'fold' ? Math.abs(p + q - (size - 1)) : Math.abs(Math.abs(q - p) - size / 2);
}

function pairCost(
  a: Ranked,
  b: Ranked,
  options: PairingOptions,
  conflicts: Set<string>,
  crossWeight: number,
): PairCost {
  const rematches = a.met.get(b.team.id) ?? 0;
  const gap = Math.abs(a.level - b.level);
  const institution = options.avoidInstitution && !!a.team.institution && a.team.institution === b.team.institution;
  const conflict = conflicts.has(`${a.team.id}|${b.team.id}`);
  const sideCost = Math.min(
    sideExcess(a.lean + 1) + sideExcess(b.lean - 1),
    sideExcess(b.lean + 1) + sideExcess(a.lean - 1),
  );
  const sideTotal = Math.min(
    sidePrice(a.lean + 1) + sidePrice(b.lean - 1),
    sidePrice(b.lean + 1) + sidePrice(a.lean - 1),
  );
  const d = distance(a, b, options.method);
  const total =
    rematches * PAIRING_COSTS.rematch +
    gap * gap * crossWeight +
    (institution || conflict ? PAIRING_COSTS.institution : 0) +
    sideTotal +
    d * PAIRING_COSTS.distance;
  return { total, rematches, gap, institution, conflict, sideExcess: sideCost, distance: d };
}

/** The whole field as one matching when small; otherwise windows of each bracket, and the whole field if they fail. */
function match(teams: Ranked[], cost: (a: Ranked, b: Ranked) => number, method: PairingMethod): [Ranked, Ranked][] {
  if (teams.length <= WHOLE_FIELD_LIMIT) return solve(teams, cost, () => true);
  const pairs: [Ranked, Ranked][] = [];
  // Inside a window, each team is offered the partners within 16 places of its ideal one (the ideal always among them).
  for (const window of windows(teams)) pairs.push(...solve(window, cost, (a, b) => distance(a, b, method) <= 16));
  // Repair: the teams of every pairing that breaks a rule (side, institution, rematch) in one bracket are matched
  // again together, so a window's surplus of one side lean meets another window's surplus of the other.
  const settled = pairs.filter(([a, b]) => cost(a, b) >= PAIRING_COSTS.sideLean);
  const bySegment = new Map<number, Ranked[]>();
  for (const [a, b] of settled) bySegment.set(a.start, [...(bySegment.get(a.start) ?? []), a, b]);
  for (const pool of bySegment.values()) {
    if (pool.length < 4) continue;
    const again = solve(pool, cost, () => true);
    const before = pairs.filter(([a]) => pool.includes(a));
    if (again.reduce((sum, [a, b]) => sum + cost(a, b), 0) < before.reduce((sum, [a, b]) => sum + cost(a, b), 0)) {
      const inPool = new Set(pool);
      pairs.splice(0, pairs.length, ...pairs.filter(([a]) => !inPool.has(a)), ...again);
    }
  }
  if (pairs.every(([a, b]) => !a.met.has(b.team.id))) return pairs;
  // A window could not avoid a rematch: the whole field, each team offered the 48 teams nearest its ideal partner.
  const nearby = (a: Ranked, b: Ranked) =>
    Math.min(distance(a, b, 'fold'), distance(a, b, 'slide')) <= 24 || Math.abs(a.index - b.index) <= 24;
  return solve(teams, cost, nearby);
}

/** Fold windows: positions [w, w + 32) from the top of a bracket with their partners from the bottom. */
function windows(teams: Ranked[]): Ranked[][] {
  const out: Ranked[][] = [];
  for (let start = 0; start < teams.length;) {
    const end = teams[start].end;
    const half = (end - start) / 2;
    for (let w = 0; w < half; w += WINDOW) {
      const top = teams.slice(start + w, start + Math.min(half, w + WINDOW));
      const bottom = teams.slice(end - Math.min(half, w + WINDOW), end - w);
      out.push([...top, ...bottom]);
    }
    start = end;
  }
  return out;
}

function solve(
  teams: Ranked[],
  cost: (a: Ranked, b: Ranked) => number,
  offered: (a: Ranked, b: Ranked) => boolean,
): [Ranked, Ranked][] {
  const edges: [number, number, number][] = [];
  for (let i = 0; i < teams.length; i++) {
    for (let j = i + 1; j < teams.length; j++)
      if (offered(teams[i], teams[j])) edges.push([i, j, cost(teams[i], teams[j])]);
  }
  const mate = minCostPerfectMatching(teams.length, edges);
  if (!mate) throw new Error('no perfect matching among the offered pairings');
  const pairs: [Ranked, Ranked][] = [];
  mate.forEach((m, i) => {
    if (i < m) pairs.push(teams[i].index < teams[m].index ? [teams[i], teams[m]] : [teams[m], teams[i]]);
  });
  return pairs;
}

function totals(pairs: [Ranked, Ranked][], price: (a: Ranked, b: Ranked, crossWeight: number) => PairCost) {
  const sum = { rematches: 0, institution: 0, sideExcess: 0 };
  for (const [a, b] of pairs) {
    const c = price(a, b, 0);
    sum.rematches += c.rematches;
    sum.institution += Number(c.institution || c.conflict);
    sum.sideExcess += c.sideExcess;
  }
  return sum;
}

function insideWouldBreak(made: ReturnType<typeof totals>, inside: ReturnType<typeof totals>): string {
  const more: string[] = [];
  if (inside.rematches > made.rematches) more.push(`${inside.rematches - made.rematches} more rematch(es)`);
  if (inside.institution > made.institution)
    more.push(`${inside.institution - made.institution} more institution clash(es) or declared conflict(s)`);
  if (inside.sideExcess > made.sideExcess)
    more.push(`side imbalance ${inside.sideExcess} instead of ${made.sideExcess}`);
  return `the best draw keeping to the forced pull-ups would have ${more.join(', ') || 'the same conflicts at a greater distance from the ideal pairings'}`;
}

function idealPartner(a: Ranked, teams: Ranked[], method: PairingMethod): Ranked | undefined {
  const size = a.end - a.start;
  const p = a.index - a.start;
  const q = method === 'fold' ? size - 1 - p : (p + size / 2) % size;
  return teams[a.start + q];
}

const positionName = (t: Ranked) => `${t.index - t.start + 1}/${t.end - t.start}`;

function reasonsAgainst(c: PairCost): string[] {
  const out: string[] = [];
  if (c.rematches) out.push('a rematch');
  if (c.institution) out.push('two teams of one institution');
  if (c.conflict) out.push('a declared conflict');
  if (c.sideExcess) out.push('two teams needing the same side');
  return out;
}

/**
 * Sides for every debate. The team whose history leans less to the first side takes it. Where both lean the same
 * way, the debate's sides only decide which of its two teams carries the lean into the next round, and the two go
 * to different brackets: the likely winner (the higher-ranked) one up, the other down. So those debates are turned,
 * one after another, to keep each next-round bracket's sum of leans (as the higher-ranked teams winning would fill
 * it) nearest zero: a bracket whose leans cancel can pair them off with nobody two off. Level sums go by a seeded
 * coin.
 */
function orientSides(
  pairs: [Ranked, Ranked][],
  teams: Ranked[],
  random: () => number,
  first: string,
): { gov: Ranked; why: string }[] {
  const levels = [...new Set(teams.map((t) => t.team.points))].sort((x, y) => x - y);
  // A win is worth the smallest gap between points levels (1 while nobody has more than one level apart).
  let win = Infinity;
  for (let k = 1; k < levels.length; k++) win = Math.min(win, levels[k] - levels[k - 1]);
  if (!Number.isFinite(win)) win = 1;
  const sum = new Map<number, number>();
  const add = (points: number, lean: number) => sum.set(points, (sum.get(points) ?? 0) + lean);
  const out = pairs.map(([a, b]) => {
    const asIs = sidePrice(a.lean + 1) + sidePrice(b.lean - 1);
    const swapped = sidePrice(b.lean + 1) + sidePrice(a.lean - 1);
    if (asIs !== swapped || a.lean !== b.lean) {
      const gov = swapped < asIs || (swapped === asIs && b.lean < a.lean) ? b : a;
      const opp = gov === a ? b : a;
      add(a.team.points + win, a === gov ? a.lean + 1 : a.lean - 1);
      add(b.team.points, b === gov ? b.lean + 1 : b.lean - 1);
      return { gov, why: `${first} to ${gov.team.id}, whose history leans less to ${first}`, fixed: true, opp };
    }
    return { gov: a, why: '', fixed: false, opp: b };
  });
  for (const side of out) {
    if (side.fixed) continue;
    // side.gov is the higher-ranked team (a), the likely winner.
    const [a, b] = [side.gov, side.opp];
    const up = a.team.points + win;
    const down = b.team.points;
    const after = (s: number) =>
      Math.abs((sum.get(up) ?? 0) + a.lean + s) + Math.abs((sum.get(down) ?? 0) + b.lean - s);
    const aGov = after(1);
    const bGov = after(-1);
    const takeA = aGov < bGov || (aGov === bGov && random() < 0.5);
    add(up, a.lean + (takeA ? 1 : -1));
    add(down, b.lean + (takeA ? -1 : 1));
    side.gov = takeA ? a : b;
    side.opp = takeA ? b : a;
    side.why =
      aGov === bGov
        ? 'sides by a seeded coin: equal side history'
        : `sides: equal side history; ${side.gov.team.id} takes ${first} to balance the side leans of the brackets the two are likely to reach`;
  }
  return out;
}
