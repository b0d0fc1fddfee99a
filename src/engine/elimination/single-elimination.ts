/**
 * Single-elimination brackets for 2-team debates, as plain immutable data.
 * Placement is the standard recursive seeding (1 v P, 2 v P−1, …, with 1 and 2 in opposite halves, 1–4 in
 * different quarters), so the strongest seeds can only meet late. Byes: the bracket is padded to the next power of
 * two and the missing seeds are the bottom ones, so the byes fall to the top seeds.
 */
export interface MatchSlotRef {
  matchId: string;
  slot: 0 | 1;
}

export interface BracketMatch {
  id: string;
  /** 0-based round index (0 = first round). */
  round: number;
  index: number;
  seeds: [number | null, number | null];
  teamIds: [string | null, string | null];
  winnerTeamId: string | null;
  next: MatchSlotRef | null;
  /** A first-round match with one team: it advances without a debate. */
  bye: boolean;
}

export interface BracketRound {
  name: string;
  matches: BracketMatch[];
}

export interface Bracket {
  size: number;
  rounds: BracketRound[];
}

export function roundName(matches: number): string {
  if (matches === 1) return 'Final';
  if (matches === 2) return 'Semifinals';
  if (matches === 4) return 'Quarterfinals';
  if (matches === 8) return 'Octofinals';
  return `Round of ${matches * 2}`;
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

const matchId = (round: number, index: number) => `r${round + 1}m${index + 1}`;

export function createEliminationBracket(seeds: readonly string[]): Bracket {
  if (seeds.length < 2) throw new RangeError('an elimination bracket needs at least two teams');
  if (new Set(seeds).size !== seeds.length) throw new RangeError('a team is seeded twice');
  let size = 1;
  while (size < seeds.length) size *= 2;
  const lines = placement(size);
  const rounds: BracketRound[] = [];
  for (let round = 0, matches = size / 2; matches >= 1; round++, matches /= 2) {
    rounds.push({
      name: roundName(matches),
      matches: Array.from({ length: matches }, (_, index) => ({
        id: matchId(round, index),
        round,
        index,
        seeds: [null, null],
        teamIds: [null, null],
        winnerTeamId: null,
        next: matches > 1 ? { matchId: matchId(round + 1, Math.floor(index / 2)), slot: (index % 2) as 0 | 1 } : null,
        bye: false,
      })),
    });
  }
  let bracket: Bracket = { size, rounds };
  for (const match of rounds[0].matches) {
    for (const slot of [0, 1] as const) {
      const seed = lines[match.index * 2 + slot];
      if (seed <= seeds.length) {
        match.seeds[slot] = seed;
        match.teamIds[slot] = seeds[seed - 1];
      }
    }
    match.bye = match.teamIds[0] === null || match.teamIds[1] === null;
  }
  for (const match of rounds[0].matches) {
    if (match.bye) bracket = place(bracket, match, (match.teamIds[0] ?? match.teamIds[1])!);
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

const copy = (m: BracketMatch): BracketMatch => ({ ...m, seeds: [...m.seeds], teamIds: [...m.teamIds] });

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
  const bracket = { size: source.size, rounds };
  return { bracket, match: (id) => find(bracket, id) };
}

/** Records a winner and moves them (with their seed) into the next match; returns a new bracket. */
function place(source: Bracket, decided: BracketMatch, winner: string): Bracket {
  const { bracket, match } = edit(source, decided.next ? [decided.id, decided.next.matchId] : [decided.id]);
  const m = match(decided.id);
  m.winnerTeamId = winner;
  if (m.next) {
    const next = match(m.next.matchId);
    next.teamIds[m.next.slot] = winner;
    next.seeds[m.next.slot] = m.seeds[m.teamIds.indexOf(winner)];
  }
  return bracket;
}

export function readyMatches(bracket: Bracket): (BracketMatch & { roundName: string })[] {
  return bracket.rounds.flatMap((round) =>
    round.matches
      .filter((m) => !m.bye && m.winnerTeamId === null && m.teamIds[0] !== null && m.teamIds[1] !== null)
      .map((m) => ({ ...m, roundName: round.name })),
  );
}

export function recordWinner(bracket: Bracket, id: string, winner: string): Bracket {
  const match = find(bracket, id);
  if (match.bye) throw new RangeError(`${id} is a bye`);
  if (match.teamIds[0] === null || match.teamIds[1] === null) throw new RangeError(`${id} is still waiting for a team`);
  if (!match.teamIds.includes(winner)) throw new RangeError(`${winner} does not play in ${id}`);
  if (match.winnerTeamId !== null) {
    if (match.winnerTeamId === winner) return bracket;
    throw new RangeError(`${id} already has a winner: correct it with applyCorrection`);
  }
  return place(bracket, match, winner);
}

/**
 * The later matches a corrected result resets: the next match (its entrant changes) and, while a reset match
 * had been decided, the one after it, since its winner moved on. Empty when the winner stays the same.
 */
export function invalidatedBy(bracket: Bracket, id: string, winner: string): string[] {
  const match = find(bracket, id);
  if (!match.teamIds.includes(winner)) throw new RangeError(`${winner} does not play in ${id}`);
  if (match.winnerTeamId === null || match.winnerTeamId === winner) return [];
  const out: string[] = [];
  let next = match.next;
  while (next) {
    const later = find(bracket, next.matchId);
    out.push(later.id);
    if (later.winnerTeamId === null) break;
    next = later.next;
  }
  return out;
}

/** The correction and its cascade as one step: the reset matches lose their results and stale entrants. */
export function applyCorrection(source: Bracket, id: string, winner: string): Bracket {
  const reset = invalidatedBy(source, id, winner);
  if (find(source, id).winnerTeamId === winner) return source;
  const { bracket, match } = edit(source, [id, ...reset]);
  let from = match(id);
  for (const laterId of reset) {
    const later = match(laterId);
    later.teamIds[from.next!.slot] = null;
    later.seeds[from.next!.slot] = null;
    later.winnerTeamId = null;
    from = later;
  }
  match(id).winnerTeamId = null;
  return place(bracket, match(id), winner);
}

export function champion(bracket: Bracket): string | null {
  return bracket.rounds.at(-1)!.matches[0].winnerTeamId;
}

/** Finishing order: champion, runner-up, then losers of each earlier round by seed (best first). */
export function finalStandings(bracket: Bracket): string[] {
  const out: string[] = [];
  const win = champion(bracket);
  if (win) out.push(win);
  for (let r = bracket.rounds.length - 1; r >= 0; r--) {
    const losers = bracket.rounds[r].matches
      .filter((m) => m.winnerTeamId !== null && !m.bye)
      .map((m) => {
        const slot = m.teamIds[0] === m.winnerTeamId ? 1 : 0;
        return { teamId: m.teamIds[slot]!, seed: m.seeds[slot] ?? Number.MAX_SAFE_INTEGER };
      })
      .sort((a, b) => a.seed - b.seed);
    out.push(...losers.map((l) => l.teamId));
  }
  return out;
}

/**
 * Puts `replacement` where `teamId` stands, if `teamId` has not played a debate yet (a bye does not count).
 * Returns null when it already has.
 */
export function replaceTeam(source: Bracket, teamId: string, replacement: string): Bracket | null {
  const holding = source.rounds.flatMap((r) => r.matches).filter((m) => m.teamIds.includes(teamId));
  if (holding.some((m) => !m.bye && m.winnerTeamId !== null)) return null;
  const { bracket, match } = edit(source, holding.map((m) => m.id));
  for (const held of holding) {
    const m = match(held.id);
    m.teamIds[m.teamIds.indexOf(teamId)] = replacement;
    if (m.winnerTeamId === teamId) m.winnerTeamId = replacement;
  }
  return bracket;
}
