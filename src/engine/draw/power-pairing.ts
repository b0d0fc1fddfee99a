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
}

export interface DrawDebate {
  room: number;
  teams: { side: string; teamId: string }[];
  /** Points level of the room (the higher team's). */
  bracket: number;
  explanation: string[];
}

export interface Draw {
  debates: DrawDebate[];
  byes: { teamId: string; reason: string }[];
  brokenConstraints: { constraint: 'rematch' | 'side-balance'; teamIds: string[]; why: string }[];
  seed: string;
}

export interface DrawRequest {
  sides: readonly [string, string];
  roundNumber: number;
  seed: string;
  teams: readonly DrawTeam[];
  /** Round 1 order (strongest first) instead of a random one. */
  priorRanking?: readonly string[];
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

const SEARCH_LIMIT = 200_000;

/**
 * Rules: teams are ranked by points, then speaker total, then a seeded draw. Round 1 pairs a random order (or the
 * prior ranking folded: 1 v n/2+1). Later rounds pair within brackets of equal points by fold (top v bottom); an
 * odd bracket pulls up the team of the next bracket down with the LOWEST speaker total (the weakest of that
 * bracket, so the pull-up costs the higher bracket least). A rematch is never made when any pairing avoids it:
 * a depth-first search tries each team's ideal opponent first, then the nearest alternatives, and backtracks.
 * Sides: partners whose side histories lean the same way are avoided where another partner exists; then the team
 * with fewer first-side debates takes the first side, and level history goes by a seeded coin.
 * Odd count: the lowest-ranked team without a bye sits out.
 */
export function drawPowerPaired(request: DrawRequest): Draw {
  const random = seededRandom(`${request.seed}:${request.roundNumber}`);
  const tiebreak = new Map(request.teams.map((t) => [t.id, random()]));
  const ranked = [...request.teams].sort(
    (a, b) => b.points - a.points || b.speakerTotal - a.speakerTotal || tiebreak.get(a.id)! - tiebreak.get(b.id)!,
  );
  const draw: Draw = { debates: [], byes: [], brokenConstraints: [], seed: request.seed };
  if (ranked.length % 2 === 1) {
    const candidates = [...ranked].reverse();
    const bye = candidates.find((t) => !t.hadBye) ?? candidates[0];
    draw.byes.push({
      teamId: bye.id,
      reason: bye.hadBye ? 'odd number of teams; every team has had a bye, so the lowest-ranked sits out again' : 'odd number of teams: the lowest-ranked team without a bye sits out',
    });
    ranked.splice(ranked.indexOf(bye), 1);
  }
  let order: DrawTeam[];
  const notes = new Map<string, string[]>();
  if (request.roundNumber === 1) {
    if (request.priorRanking) {
      const position = new Map(request.priorRanking.map((id, i) => [id, i]));
      order = [...ranked].sort((a, b) => (position.get(a.id) ?? 1e9) - (position.get(b.id) ?? 1e9));
    } else {
      order = [...ranked].sort((a, b) => tiebreak.get(a.id)! - tiebreak.get(b.id)!);
    }
  } else {
    order = withPullUps(ranked, notes);
  }
  const ideal = idealPartners(order, request.roundNumber === 1 && !request.priorRanking);
  const met = new Map(request.teams.map((t) => [t.id, new Set(t.opponents)]));
  const [firstSide, secondSide] = request.sides;
  const lean = new Map(request.teams.map((t) => [t.id, Math.sign((t.sideCounts[firstSide] ?? 0) - (t.sideCounts[secondSide] ?? 0))]));
  // Two teams leaning the same way would push one of them further off balance.
  const sideClash = (a: DrawTeam, b: DrawTeam) => lean.get(a.id)! !== 0 && lean.get(a.id) === lean.get(b.id);
  const pairs = search(order, ideal, met, sideClash) ?? greedy(order, ideal, met, draw);
  const index = new Map(order.map((t, i) => [t.id, i]));
  pairs.sort((x, y) => Math.min(index.get(x[0].id)!, index.get(x[1].id)!) - Math.min(index.get(y[0].id)!, index.get(y[1].id)!));
  const [first, second] = request.sides;
  pairs.forEach(([a, b], i) => {
    const why = [...(notes.get(a.id) ?? []), ...(notes.get(b.id) ?? [])];
    if (request.roundNumber === 1) why.unshift(request.priorRanking ? 'round 1: paired by the prior ranking, folded' : 'round 1: random pairing from the round seed');
    else why.unshift(`bracket of ${Math.max(a.points, b.points)} point(s)`);
    if (ideal.get(a.id) !== b.id && ideal.get(b.id) !== a.id) {
      why.push(`swapped from the ideal pairing to avoid a rematch`);
    }
    const balance = (t: DrawTeam) => (t.sideCounts[first] ?? 0) - (t.sideCounts[second] ?? 0);
    let gov = a;
    let opp = b;
    if (balance(a) > balance(b) || (balance(a) === balance(b) && random() < 0.5)) [gov, opp] = [b, a];
    why.push(
      balance(gov) === balance(opp)
        ? `sides by a seeded coin: equal side history`
        : `${first} to the team with fewer ${first} debates`,
    );
    if (Math.abs(balance(gov) + 1) > 1 || Math.abs(balance(opp) - 1) > 1) {
      draw.brokenConstraints.push({ constraint: 'side-balance', teamIds: [gov.id, opp.id], why: 'both teams need the same side' });
    }
    draw.debates.push({ room: i + 1, teams: [{ side: first, teamId: gov.id }, { side: second, teamId: opp.id }], bracket: Math.max(a.points, b.points), explanation: why });
  });
  return draw;
}

/** Brackets top-down; an odd bracket pulls up the lowest-speaking team of the next bracket. */
function withPullUps(ranked: DrawTeam[], notes: Map<string, string[]>): DrawTeam[] {
  const levels = [...new Set(ranked.map((t) => t.points))];
  const brackets = levels.map((p) => ranked.filter((t) => t.points === p));
  for (let i = 0; i < brackets.length - 1; i++) {
    if (brackets[i].length % 2 === 0) continue;
    const below = brackets[i + 1];
    const pulled = below.reduce((low, t) => (t.speakerTotal < low.speakerTotal ? t : low), below[below.length - 1]);
    below.splice(below.indexOf(pulled), 1);
    brackets[i].push(pulled);
    notes.set(pulled.id, [`pulled up from the ${pulled.points}-point bracket (lowest speaker total there)`]);
    if (below.length === 0) brackets.splice(i + 1, 1);
  }
  return brackets.flat();
}

/** Fold within each bracket of the final order (pairs of consecutive brackets after pull-ups are even). */
function idealPartners(order: DrawTeam[], consecutive: boolean): Map<string, string> {
  const ideal = new Map<string, string>();
  if (consecutive) {
    for (let i = 0; i < order.length; i += 2) {
      ideal.set(order[i].id, order[i + 1].id);
      ideal.set(order[i + 1].id, order[i].id);
    }
    return ideal;
  }
  let start = 0;
  while (start < order.length) {
    let end = start;
    const level = order[start].points;
    // A bracket ends where points drop, but only at an even length (pull-ups join the bracket above).
    while (end < order.length && (order[end].points === level || (end - start) % 2 === 1)) end++;
    const group = order.slice(start, end);
    const half = group.length / 2;
    for (let i = 0; i < half; i++) {
      ideal.set(group[i].id, group[i + half].id);
      ideal.set(group[i + half].id, group[i].id);
    }
    start = end;
  }
  return ideal;
}

/**
 * Depth-first: the highest unpaired team takes its ideal partner, else the nearest team it has not met; a partner
 * that needs the same side comes only after every partner that does not.
 */
function search(
  order: DrawTeam[],
  ideal: Map<string, string>,
  met: Map<string, Set<string>>,
  sideClash: (a: DrawTeam, b: DrawTeam) => boolean,
): [DrawTeam, DrawTeam][] | null {
  const index = new Map(order.map((t, i) => [t.id, i]));
  const used = new Array<boolean>(order.length).fill(false);
  const pairs: [DrawTeam, DrawTeam][] = [];
  let steps = 0;
  const step = (): boolean => {
    if (++steps > SEARCH_LIMIT) return false;
    const i = used.indexOf(false);
    if (i < 0) return true;
    used[i] = true;
    const target = index.get(ideal.get(order[i].id)!)!;
    // Partners in order of preference, generated lazily: a draw without conflicts stays near O(n).
    function* candidates(): Generator<number> {
      for (const clashing of [false, true]) {
        for (let d = 0; d < order.length; d++) {
          for (const j of d === 0 ? [target] : [target - d, target + d]) {
            if (j >= 0 && j < order.length && !used[j] && sideClash(order[i], order[j]) === clashing) yield j;
          }
        }
      }
    }
    for (const j of candidates()) {
      if (met.get(order[i].id)!.has(order[j].id)) continue;
      used[j] = true;
      pairs.push([order[i], order[j]]);
      if (step()) return true;
      pairs.pop();
      used[j] = false;
      if (steps > SEARCH_LIMIT) break;
    }
    used[i] = false;
    return false;
  };
  return step() ? pairs : null;
}

/** No rematch-free pairing was found (or the search ran out): pair by preference and report each rematch. */
function greedy(order: DrawTeam[], ideal: Map<string, string>, met: Map<string, Set<string>>, draw: Draw): [DrawTeam, DrawTeam][] {
  const index = new Map(order.map((t, i) => [t.id, i]));
  const used = new Array<boolean>(order.length).fill(false);
  const pairs: [DrawTeam, DrawTeam][] = [];
  for (let i = 0; i < order.length; i++) {
    if (used[i]) continue;
    used[i] = true;
    const target = index.get(ideal.get(order[i].id)!)!;
    const free = order.map((_, j) => j).filter((j) => !used[j]);
    free.sort((x, y) => Number(met.get(order[i].id)!.has(order[x].id)) - Number(met.get(order[i].id)!.has(order[y].id)) || Math.abs(x - target) - Math.abs(y - target));
    const j = free[0];
    used[j] = true;
    pairs.push([order[i], order[j]]);
    if (met.get(order[i].id)!.has(order[j].id)) {
      draw.brokenConstraints.push({ constraint: 'rematch', teamIds: [order[i].id, order[j].id], why: 'no pairing of the remaining teams avoids every rematch' });
    }
  }
  return pairs;
}
