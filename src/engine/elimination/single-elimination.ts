/**
 * Single-elimination brackets as plain immutable data, for two-team debates (the winner advances) and for
 * four-team British Parliamentary rooms (the top two advance; the final's winner is the champion).
 * Placement is the standard recursive seeding: rooms are seeded by their top seed in the order 1, P, …, so seeds
 * 1 and 2 sit in opposite halves and can meet only in the final. A room's other places are filled in tiers that
 * alternate direction (BP quarterfinals: 1-8-9-16, 2-7-10-15, …). Two-team byes: the bracket is padded to the next
 * power of two and the missing seeds are the bottom ones, so the byes fall to the top seeds.
 */
export interface MatchSlotRef {
  matchId: string;
  /** First slot of the next room the advancing teams fill (they take `advancing` slots from here). */
  slot: number;
}

export interface BracketMatch {
  id: string;
  /** 0-based round index (0 = first round). */
  round: number;
  index: number;
  /** Per slot (room position, in side order): the seed and the team standing there. */
  seeds: (number | null)[];
  teamIds: (string | null)[];
  /** First place of the room (the champion in the final). */
  winnerTeamId: string | null;
  /** The room's result, best first, once decided. */
  ranking: string[] | null;
  next: MatchSlotRef | null;
  /** A first-round two-team match with one team: it advances without a debate. */
  bye: boolean;
}

export interface BracketRound {
  name: string;
  matches: BracketMatch[];
}

export interface Bracket {
  size: number;
  /** Teams per debate: 2, or 4 for British Parliamentary. */
  roomSize: number;
  /** Teams each room sends on: 1 of 2, or 2 of 4. */
  advancing: number;
  rounds: BracketRound[];
}

export function roundName(rooms: number, roomSize: number): string {
  if (rooms === 1) return 'Final';
  if (rooms === 2) return 'Semifinals';
  if (rooms === 4) return 'Quarterfinals';
  if (rooms === 8) return 'Octofinals';
  return `Round of ${rooms * roomSize}`;
}

/** Seed numbers in bracket-line order for a power-of-two size: [1, 8, 4, 5, 2, 7, 3, 6] for 8. */
export function placement(size: number): number[] {
  let order = [1];
  while (order.length < size) {
    const span = order.length * 2 + 1;
    order = order.flatMap((seed) => [seed, span - seed]);
  }
  return order;
}

/** The seeds of the first-round room whose top seed is `top`, tier by tier, with `rooms` rooms. */
function roomSeeds(top: number, rooms: number, roomSize: number): number[] {
  return Array.from({ length: roomSize }, (_, tier) =>
    tier % 2 === 0 ? tier * rooms + top : (tier + 1) * rooms + 1 - top,
  );
}

const matchId = (round: number, index: number) => `r${round + 1}m${index + 1}`;

/** The largest bracket of rooms of `roomSize` that `teams` fill without byes (0 when they fill none). */
export function fullBracketSize(teams: number, roomSize: number): number {
  if (teams < roomSize) return 0;
  let size = roomSize;
  while (size * 2 <= teams) size *= 2;
  return size;
}

/**
 * `roomSize` 2: any number of teams from two, byes to the top seeds. `roomSize` 4: 4, 8, 16, … teams (rooms of
 * four can't take byes without debating short-handed, so the break size must fill them).
 */
export function createEliminationBracket(seeds: readonly string[], roomSize: 2 | 4 = 2): Bracket {
  if (seeds.length < roomSize) throw new RangeError(`an elimination bracket needs at least ${roomSize} teams`);
  if (new Set(seeds).size !== seeds.length) throw new RangeError('a team is seeded twice');
  let size = roomSize;
  while (size < seeds.length) size *= 2;
  if (roomSize === 4 && size !== seeds.length) {
    throw new RangeError(`a four-team elimination bracket takes 4, 8, 16, … teams, not ${seeds.length}`);
  }
  const advancing = roomSize / 2;
  const firstRooms = size / roomSize;
  const order = placement(firstRooms);
  const rounds: BracketRound[] = [];
  for (let round = 0, rooms = firstRooms; rooms >= 1; round++, rooms /= 2) {
    rounds.push({
      name: roundName(rooms, roomSize),
      matches: Array.from({ length: rooms }, (_, index) => ({
        id: matchId(round, index),
        round,
        index,
        seeds: Array<number | null>(roomSize).fill(null),
        teamIds: Array<string | null>(roomSize).fill(null),
        winnerTeamId: null,
        ranking: null,
        next: rooms > 1 ? { matchId: matchId(round + 1, Math.floor(index / 2)), slot: (index % 2) * advancing } : null,
        bye: false,
      })),
    });
  }
  let bracket: Bracket = { size, roomSize, advancing, rounds };
  for (const match of rounds[0].matches) {
    roomSeeds(order[match.index], firstRooms, roomSize).forEach((seed, slot) => {
      if (seed <= seeds.length) {
        match.seeds[slot] = seed;
        match.teamIds[slot] = seeds[seed - 1];
      }
    });
    match.bye = match.teamIds.some((t) => t === null);
  }
  for (const match of rounds[0].matches) {
    if (match.bye)
      bracket = place(
        bracket,
        match,
        match.teamIds.filter((t): t is string => t !== null),
      );
  }
  return bracket;
}

function locate(id: string): [number, number] {
  const match = /^r(\d+)m(\d+)$/.exec(id);
  if (!match) throw new RangeError(`no match ${id} in this bracket`);
  return [Number(match[1]) - 1, Number(match[2]) - 1];
}

function find(bracket: Bracket, id: string): BracketMatch {
  const [round, index] = locate(id);
  const match = bracket.rounds[round]?.matches[index];
  if (!match) throw new RangeError(`no match ${id} in this bracket`);
  return match;
}

const copy = (m: BracketMatch): BracketMatch => ({
  ...m,
  seeds: [...m.seeds],
  teamIds: [...m.teamIds],
  ranking: m.ranking && [...m.ranking],
});

/**
 * Copy-on-write: returns a bracket that shares every round and match it does not change, with editable copies of
 * the matches named. Keeps one result O(round size) instead of copying the whole bracket.
 */
function edit(source: Bracket, ids: string[]): { bracket: Bracket; match: (id: string) => BracketMatch } {
  const rounds = [...source.rounds];
  const copied = new Set<number>();
  for (const id of ids) {
    const [r, i] = locate(id);
    if (!copied.has(r)) {
      rounds[r] = { name: rounds[r].name, matches: [...rounds[r].matches] };
      copied.add(r);
    }
    rounds[r].matches[i] = copy(rounds[r].matches[i]);
  }
  const bracket = { ...source, rounds };
  return { bracket, match: (id) => find(bracket, id) };
}

/** The teams a ranking sends on, with their seeds, better seed first (it takes the earlier slot). */
function advancers(
  bracket: Bracket,
  match: BracketMatch,
  ranking: readonly string[],
): { teamId: string; seed: number | null }[] {
  return ranking
    .slice(0, bracket.advancing)
    .map((teamId) => ({ teamId, seed: match.seeds[match.teamIds.indexOf(teamId)] }))
    .sort((a, b) => (a.seed ?? Infinity) - (b.seed ?? Infinity));
}

/** Records a room's result and moves its advancing teams (with their seeds) into the next room. */
function place(source: Bracket, decided: BracketMatch, ranking: readonly string[]): Bracket {
  const { bracket, match } = edit(source, decided.next ? [decided.id, decided.next.matchId] : [decided.id]);
  const m = match(decided.id);
  m.ranking = [...ranking];
  m.winnerTeamId = ranking[0];
  if (m.next) {
    const next = match(m.next.matchId);
    advancers(bracket, m, ranking).forEach(({ teamId, seed }, k) => {
      next.teamIds[m.next!.slot + k] = teamId;
      next.seeds[m.next!.slot + k] = seed;
    });
  }
  return bracket;
}

export function readyMatches(bracket: Bracket): (BracketMatch & { roundName: string })[] {
  return bracket.rounds.flatMap((round) =>
    round.matches
      .filter((m) => !m.bye && m.ranking === null && m.teamIds.every((t) => t !== null))
      .map((m) => ({ ...m, roundName: round.name })),
  );
}

/** A ranking (best first) that names the room's own teams, at least enough of them to settle who goes on. */
function checkRanking(bracket: Bracket, match: BracketMatch, ranking: readonly string[]): void {
  const needed = match.next ? bracket.advancing : 1;
  if (ranking.length < needed) throw new RangeError(`${match.id} needs the top ${needed} of its result`);
  if (new Set(ranking).size !== ranking.length) throw new RangeError(`a team is ranked twice in ${match.id}`);
  for (const teamId of ranking)
    if (!match.teamIds.includes(teamId)) throw new RangeError(`${teamId} does not play in ${match.id}`);
}

/** What later rooms depend on: the advancing set, or the champion in the final. */
function outcome(bracket: Bracket, match: BracketMatch, ranking: readonly string[]): string {
  return (match.next ? advancers(bracket, match, ranking).map((a) => a.teamId) : [ranking[0]]).join('|');
}

export function recordResult(bracket: Bracket, id: string, ranking: readonly string[]): Bracket {
  const match = find(bracket, id);
  if (match.bye) throw new RangeError(`${id} is a bye`);
  if (match.teamIds.some((t) => t === null)) throw new RangeError(`${id} is still waiting for a team`);
  checkRanking(bracket, match, ranking);
  if (match.ranking !== null) {
    if (outcome(bracket, match, match.ranking) === outcome(bracket, match, ranking)) return bracket;
    throw new RangeError(`${id} already has a result: correct it with applyCorrection`);
  }
  return place(bracket, match, ranking);
}

/**
 * The later rooms a corrected result resets: the next room (its entrants change) and, while a reset room had
 * been decided, the one after it, since its advancing teams moved on. Empty when who goes on stays the same.
 */
export function invalidatedBy(bracket: Bracket, id: string, ranking: readonly string[]): string[] {
  const match = find(bracket, id);
  checkRanking(bracket, match, ranking);
  if (match.ranking === null || outcome(bracket, match, match.ranking) === outcome(bracket, match, ranking)) return [];
  const out: string[] = [];
  let next = match.next;
  while (next) {
    const later = find(bracket, next.matchId);
    out.push(later.id);
    if (later.ranking === null) break;
    next = later.next;
  }
  return out;
}

/**
 * The correction and its cascade as one step: the reset rooms lose their results and stale entrants. A new order
 * that sends the same teams on changes only this room.
 */
export function applyCorrection(source: Bracket, id: string, ranking: readonly string[]): Bracket {
  const reset = invalidatedBy(source, id, ranking);
  const current = find(source, id);
  if (current.ranking !== null && current.ranking.join('|') === ranking.join('|')) return source;
  const { bracket, match } = edit(source, [id, ...reset]);
  let from = match(id);
  for (const laterId of reset) {
    const later = match(laterId);
    for (let k = 0; k < bracket.advancing; k++) {
      later.teamIds[from.next!.slot + k] = null;
      later.seeds[from.next!.slot + k] = null;
    }
    later.winnerTeamId = null;
    later.ranking = null;
    from = later;
  }
  const corrected = match(id);
  corrected.winnerTeamId = null;
  corrected.ranking = null;
  return place(bracket, corrected, ranking);
}

export function champion(bracket: Bracket): string | null {
  return bracket.rounds.at(-1)!.matches[0].winnerTeamId;
}

/** A decided room's teams by place: its ranking, then any team the ranking left out (a partial result). */
function placesIn(m: BracketMatch): string[] {
  return [...m.ranking!, ...m.teamIds.filter((t): t is string => t !== null && !m.ranking!.includes(t))];
}

/**
 * Finishing order: the final's ranking (champion first), then the teams knocked out in each earlier round, later
 * rounds first; inside a round by place in their room (a BP third before a fourth), then by seed.
 */
export function finalStandings(bracket: Bracket): string[] {
  const out: string[] = [];
  const final = bracket.rounds.at(-1)!.matches[0];
  if (final.ranking) out.push(...placesIn(final));
  for (let r = bracket.rounds.length - 2; r >= 0; r--) {
    const knockedOut = bracket.rounds[r].matches
      .filter((m) => m.ranking !== null && !m.bye)
      .flatMap((m) => {
        const going = new Set(advancers(bracket, m, m.ranking!).map((a) => a.teamId));
        const order = placesIn(m);
        return order
          .filter((t) => !going.has(t))
          .map((teamId) => ({
            teamId,
            place: order.indexOf(teamId),
            seed: m.seeds[m.teamIds.indexOf(teamId)] ?? Number.MAX_SAFE_INTEGER,
          }));
      })
      .sort((a, b) => a.place - b.place || a.seed - b.seed);
    out.push(...knockedOut.map((l) => l.teamId));
  }
  return out;
}

/**
 * Puts `replacement` where `teamId` stands, if `teamId` has not played a debate yet (a bye does not count).
 * Returns null when it already has.
 */
export function replaceTeam(source: Bracket, teamId: string, replacement: string): Bracket | null {
  const holding = source.rounds.flatMap((r) => r.matches).filter((m) => m.teamIds.includes(teamId));
  if (holding.some((m) => !m.bye && m.ranking !== null)) return null;
  const { bracket, match } = edit(
    source,
    holding.map((m) => m.id),
  );
  for (const held of holding) {
    const m = match(held.id);
    m.teamIds[m.teamIds.indexOf(teamId)] = replacement;
    if (m.ranking) m.ranking = m.ranking.map((t) => (t === teamId ? replacement : t));
    if (m.winnerTeamId === teamId) m.winnerTeamId = replacement;
  }
  return bracket;
}
