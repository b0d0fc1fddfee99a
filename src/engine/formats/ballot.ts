import type { FormatPreset, ReplySlot, ScoreRange, SubstantiveSlot } from './format-preset.js';

/** One judge's ballot as entered: each team's speeches in speaking order, replies flagged and last. */
export interface BallotSpeech {
  speakerId: string;
  score: number;
  reply?: boolean;
}

export interface BallotTeam {
  teamId: string;
  side?: string;
  speeches: BallotSpeech[];
  /** Optional explicit placing (BP ballots often carry it); must agree with the totals. */
  rank?: number;
}

export interface Ballot {
  teams: BallotTeam[];
  /** Optional declared winner (win-loss ballots often carry it); must have the higher total. */
  winnerTeamId?: string;
}

/** What the draw says about the debate the ballot is for. */
export interface DebateContextTeam {
  teamId: string;
  side: string;
  /** Members allowed to speak for this team in this debate. */
  speakerIds: readonly string[];
  /** Members the organiser allowed to give a second substantive ("iron") speech. */
  ironSpeakerIds?: readonly string[];
}

export interface DebateContext {
  teams: readonly DebateContextTeam[];
}

export type BallotRule =
  | 'context'
  | 'type'
  | 'required'
  | 'unknownTeam'
  | 'duplicateTeam'
  | 'missingTeam'
  | 'side'
  | 'speechCount'
  | 'speakerNotInTeam'
  | 'duplicateSpeaker'
  | 'finite'
  | 'min'
  | 'max'
  | 'step'
  | 'replyMissing'
  | 'replyExtra'
  | 'replyOrder'
  | 'replyPosition'
  | 'replyNotSpoken'
  | 'rank'
  | 'rankMismatch'
  | 'winnerMismatch'
  | 'tiedTotals';

/** A field-level problem; `message` starts with the field so it reads well on its own. */
export interface BallotProblem {
  field: string;
  rule: BallotRule;
  message: string;
}

export interface ResultSpeech {
  speakerId: string;
  score: number;
  reply: boolean;
  /** A second substantive speech by the same member (the team was one short): counts for the team, not the speaker tab. */
  iron?: boolean;
}

export interface TeamResult {
  teamId: string;
  side: string;
  total: number;
  points: number;
  /** 1 = first; in win-loss formats 1 = the winner. */
  rank: number;
  /** Set in win-loss formats only. */
  won?: boolean;
  /** Own total minus the mean of the other teams' totals (two teams: the plain difference). */
  margin: number;
  speeches: ResultSpeech[];
  /** Panel decisions only: how many judges' ballots placed this team first ("ballots carried"). */
  ballots?: number;
  /** A forfeit (or a bye counted as a win) carries no speaker score; the tab leaves it out of speaks and margins. */
  noScore?: 'bye' | 'forfeit';
}

/** A debate's result with teams in the preset's side order. */
export interface DebateResult {
  teams: TeamResult[];
}

export type BallotValidation = { ok: true; result: DebateResult } | { ok: false; problems: BallotProblem[] };

export interface ScoredTeam {
  teamId: string;
  side: string;
  total: number;
  speeches: ResultSpeech[];
}

/**
 * Points, rank, win and margin for teams whose ranking is already settled; `rankOrder` lists indices
 * into `teams`, first place first. Shared by single ballots and panel decisions.
 */
export function scoreTeams(
  preset: FormatPreset,
  teams: readonly ScoredTeam[],
  rankOrder: readonly number[],
): DebateResult {
  const rankOf = new Array<number>(teams.length);
  rankOrder.forEach((teamIndex, place) => (rankOf[teamIndex] = place + 1));
  const sum = teams.reduce((acc, t) => acc + t.total, 0);
  const others = teams.length - 1;
  const scored: TeamResult[] = teams.map((team, i) => {
    const rank = rankOf[i];
    const margin = team.total - (sum - team.total) / others;
    const base = { teamId: team.teamId, side: team.side, total: team.total, rank, margin, speeches: team.speeches };
    if (preset.result.kind === 'win-loss') {
      const won = rank === 1;
      return { ...base, points: won ? preset.result.winPoints : 0, won };
    }
    return { ...base, points: preset.result.pointsByRank[rank - 1] ?? 0 };
  });
  const sideIndex = (side: string) => preset.sides.indexOf(side);
  scored.sort((a, b) => sideIndex(a.side) - sideIndex(b.side));
  return { teams: scored };
}

/** Totals are sums of steps such as 0.5 or 0.1; comparing on a fine grid keeps 0.1 + 0.2 equal to 0.3. */
const totalKey = (total: number) => Math.round(total * 1e6);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

const ordinal = (n: number) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;

/**
 * Checks one judge's ballot against the format and the debate, reporting every problem found (not just
 * the first) so the judge can fix the sheet in one go. `ballot` may be an unparsed request body.
 */
export function validateBallot(preset: FormatPreset, context: DebateContext, ballot: unknown): BallotValidation {
  const problems: BallotProblem[] = [];
  const add = (field: string, rule: BallotRule, text: string) =>
    problems.push({ field, rule, message: `${field} ${text}` });

  checkContext(preset, context, add);
  if (problems.length > 0) return { ok: false, problems };

  if (!isRecord(ballot)) {
    add('ballot', 'type', 'must be an object with a list of teams');
    return { ok: false, problems };
  }
  if (!Array.isArray(ballot.teams)) {
    add('teams', 'type', 'must be a list of the teams in the debate');
    return { ok: false, problems };
  }

  const contextById = new Map(context.teams.map((team) => [team.teamId, team]));
  const seenAt = new Map<string, number>();
  const teamCount = context.teams.length;
  const parsed: ParsedTeam[] = [];

  ballot.teams.forEach((raw: unknown, i) => {
    const field = `teams[${i}]`;
    if (!isRecord(raw)) {
      add(field, 'type', 'must be an object with teamId and speeches');
      parsed.push({ total: null, speeches: [] });
      return;
    }
    let teamContext: DebateContextTeam | undefined;
    if (!isId(raw.teamId)) {
      add(`${field}.teamId`, 'required', 'must be the id of a team in this debate');
    } else if (!contextById.has(raw.teamId)) {
      add(
        `${field}.teamId`,
        'unknownTeam',
        `must be one of the teams in this debate (${[...contextById.keys()].join(', ')})`,
      );
    } else if (seenAt.has(raw.teamId)) {
      add(
        `${field}.teamId`,
        'duplicateTeam',
        `must not repeat the team already given as teams[${seenAt.get(raw.teamId)}]`,
      );
    } else {
      seenAt.set(raw.teamId, i);
      teamContext = contextById.get(raw.teamId);
    }

    if (raw.side !== undefined && teamContext && raw.side !== teamContext.side) {
      add(`${field}.side`, 'side', `must be "${teamContext.side}", the side this team holds in the draw`);
    }
    let rank: number | undefined;
    if (raw.rank !== undefined) {
      if (typeof raw.rank === 'number' && Number.isInteger(raw.rank) && raw.rank >= 1 && raw.rank <= teamCount)
        rank = raw.rank;
      else add(`${field}.rank`, 'rank', `must be a whole number from 1 to ${teamCount}`);
    }
    const { total, speeches } = checkSpeeches(preset, field, raw.speeches, teamContext, add);
    parsed.push({ context: teamContext, total, speeches, rank });
  });

  for (const team of context.teams) {
    if (!seenAt.has(team.teamId)) add('teams', 'missingTeam', `must include team ${team.teamId} (${team.side})`);
  }

  const complete = parsed.length === teamCount && parsed.every((p) => p.context && p.total !== null);
  let rankOrder: number[] = [];
  if (complete) {
    rankOrder = parsed.map((_, i) => i).sort((a, b) => (parsed[b].total as number) - (parsed[a].total as number));
    const tied = new Map<number, number[]>();
    for (const i of rankOrder) {
      const key = totalKey(parsed[i].total as number);
      tied.set(key, [...(tied.get(key) ?? []), i]);
    }
    const tiedGroups = [...tied.values()].filter((group) => group.length > 1);
    for (const group of tiedGroups) {
      const who = group.map((i) => `teams[${i}] (${parsed[i].context?.side})`).join(' and ');
      add(
        'teams',
        'tiedTotals',
        `must not have tied totals: ${who} ${group.length === 2 ? 'both' : 'all'} total ${parsed[group[0]].total}`,
      );
    }
    if (tiedGroups.length === 0) {
      rankOrder.forEach((teamIndex, place) => {
        const claimed = parsed[teamIndex].rank;
        if (claimed !== undefined && claimed !== place + 1) {
          add(
            `teams[${teamIndex}].rank`,
            'rankMismatch',
            `must be ${place + 1}: the team's total ${parsed[teamIndex].total} is the ${ordinal(place + 1)} highest`,
          );
        }
      });
    }
    checkDeclaredWinner(ballot.winnerTeamId, parsed, rankOrder, tiedGroups.length > 0, contextById, add);
  } else if (
    ballot.winnerTeamId !== undefined &&
    !(isId(ballot.winnerTeamId) && contextById.has(ballot.winnerTeamId))
  ) {
    add('winnerTeamId', 'unknownTeam', 'must be one of the teams in this debate');
  }

  if (problems.length > 0) return { ok: false, problems };
  const teams: ScoredTeam[] = parsed.map((p) => ({
    teamId: (p.context as DebateContextTeam).teamId,
    side: (p.context as DebateContextTeam).side,
    total: p.total as number,
    speeches: p.speeches,
  }));
  return { ok: true, result: scoreTeams(preset, teams, rankOrder) };
}

type Add = (field: string, rule: BallotRule, text: string) => void;

/** A ballot entry read so far: the draw team it stands for (if recognised), its total (if every score is a number). */
interface ParsedTeam {
  context?: DebateContextTeam;
  total: number | null;
  speeches: ResultSpeech[];
  rank?: number;
}

function checkContext(preset: FormatPreset, context: DebateContext, add: Add) {
  const sides = context.teams.map((team) => team.side);
  const sameSides = sides.length === preset.sides.length && preset.sides.every((side) => sides.includes(side));
  if (!sameSides) add('context.teams', 'context', `must hold one team on each side (${preset.sides.join(', ')})`);
  if (new Set(context.teams.map((team) => team.teamId)).size !== context.teams.length) {
    add('context.teams', 'context', 'must not list a team twice');
  }
}

function checkDeclaredWinner(
  declared: unknown,
  parsed: ParsedTeam[],
  rankOrder: number[],
  tied: boolean,
  contextById: Map<string, DebateContextTeam>,
  add: Add,
) {
  if (declared === undefined) return;
  if (!isId(declared) || !contextById.has(declared)) {
    add('winnerTeamId', 'unknownTeam', 'must be one of the teams in this debate');
    return;
  }
  const top = parsed[rankOrder[0]];
  const topId = top.context?.teamId;
  if (!tied && topId !== declared) {
    const declaredIndex = parsed.findIndex((p) => p.context?.teamId === declared);
    add(
      'winnerTeamId',
      'winnerMismatch',
      `must be the team with the highest total: ${declared} totals ${parsed[declaredIndex].total} but ${topId} totals ${top.total}`,
    );
  }
}

function checkScore(field: string, score: unknown, range: ScoreRange | undefined, add: Add): number | null {
  if (typeof score !== 'number') {
    add(field, 'type', 'must be a number');
    return null;
  }
  if (!Number.isFinite(score)) {
    add(field, 'finite', 'must be a finite number');
    return null;
  }
  if (range) {
    if (score < range.min) add(field, 'min', `must not be less than ${range.min}`);
    else if (score > range.max) add(field, 'max', `must not be greater than ${range.max}`);
    else {
      const steps = (score - range.min) / range.step;
      if (Math.abs(steps - Math.round(steps)) > 1e-9) {
        add(
          field,
          'step',
          `must be in steps of ${range.step} from ${range.min} (${range.min}, ${range.min + range.step}, …)`,
        );
      }
    }
  }
  return score;
}

function checkSpeeches(
  preset: FormatPreset,
  teamField: string,
  raw: unknown,
  team: DebateContextTeam | undefined,
  add: Add,
): { total: number | null; speeches: ResultSpeech[] } {
  const field = `${teamField}.speeches`;
  if (!Array.isArray(raw)) {
    add(field, 'type', 'must be a list of speeches in speaking order');
    return { total: null, speeches: [] };
  }
  const substantiveSlots = preset.speechSlots.filter((slot): slot is SubstantiveSlot => slot.kind === 'speech');
  const replySlots = preset.speechSlots.filter((slot): slot is ReplySlot => slot.kind === 'reply');
  // A format without iron speeches (one debater a side) ignores the organiser's mark.
  const iron = new Set(preset.ironSpeeches === false ? [] : (team?.ironSpeakerIds ?? []));
  const isMember = (id: string) => !team || team.speakerIds.includes(id);

  const speeches: ResultSpeech[] = [];
  let total: number | null = 0;
  const positionsOf = new Map<string, number[]>();
  const firstSpeechOf = new Map<string, number>();
  const replies: { index: number; speakerId: string | null; slot: ReplySlot | undefined }[] = [];
  let lastSubstantive = -1;
  let substantiveCount = 0;

  raw.forEach((speech: unknown, j) => {
    const speechField = `${field}[${j}]`;
    if (!isRecord(speech)) {
      add(speechField, 'type', 'must be an object with speakerId and score');
      total = null;
      return;
    }
    if (speech.reply !== undefined && typeof speech.reply !== 'boolean') {
      add(`${speechField}.reply`, 'type', 'must be true or false');
    }
    const isReply = speech.reply === true;
    const speakerId = isId(speech.speakerId) ? speech.speakerId : null;
    if (speakerId === null) add(`${speechField}.speakerId`, 'required', 'must be the id of the speaker');

    let range: ScoreRange | undefined;
    let ironSpeech = false;
    if (isReply) {
      const slot = replySlots[replies.length];
      replies.push({ index: j, speakerId, slot });
      if (!slot) {
        const why =
          replySlots.length === 0
            ? `${preset.name} has no reply speeches`
            : `a team gives ${replySlots.length} reply speech(es)`;
        add(`${speechField}.reply`, 'replyExtra', `must not be set: ${why}`);
      }
      range = slot ?? replySlots[replySlots.length - 1];
    } else {
      lastSubstantive = j;
      const position = ++substantiveCount;
      range = substantiveSlots[position - 1] ?? substantiveSlots[substantiveSlots.length - 1];
      if (speakerId !== null) {
        if (!isMember(speakerId)) {
          add(`${speechField}.speakerId`, 'speakerNotInTeam', `must be a speaker of team ${team?.teamId}`);
        } else if (firstSpeechOf.has(speakerId) && !iron.has(speakerId)) {
          add(
            `${speechField}.speakerId`,
            'duplicateSpeaker',
            `must not give a second substantive speech (already gave ${field}[${firstSpeechOf.get(speakerId)}])`,
          );
        } else if (!firstSpeechOf.has(speakerId)) {
          firstSpeechOf.set(speakerId, j);
        } else {
          ironSpeech = true;
        }
        positionsOf.set(speakerId, [...(positionsOf.get(speakerId) ?? []), position]);
      }
    }
    const score = checkScore(`${speechField}.score`, speech.score, range, add);
    if (score === null || total === null) total = null;
    else total += score;
    speeches.push({
      speakerId: speakerId ?? '',
      score: score ?? NaN,
      reply: isReply,
      ...(ironSpeech ? { iron: true } : {}),
    });
  });

  if (substantiveCount !== substantiveSlots.length) {
    add(
      field,
      'speechCount',
      `must hold ${substantiveSlots.length} substantive speeches, one per speaker position (found ${substantiveCount})`,
    );
  }
  if (replies.length < replySlots.length) {
    add(
      field,
      'replyMissing',
      `must end with ${replySlots.length === 1 ? 'a reply speech' : `${replySlots.length} reply speeches`} (reply: true)`,
    );
  }
  for (const reply of replies) {
    const speakerField = `${field}[${reply.index}].speakerId`;
    if (reply.index < lastSubstantive) {
      add(
        `${field}[${reply.index}].reply`,
        'replyOrder',
        'must come after every substantive speech: replies close the debate',
      );
    }
    if (!reply.slot || reply.speakerId === null) continue;
    const positions = positionsOf.get(reply.speakerId);
    if (!isMember(reply.speakerId)) {
      add(speakerField, 'speakerNotInTeam', `must be a speaker of team ${team?.teamId}`);
    } else if (!positions) {
      add(speakerField, 'replyNotSpoken', 'must be a speaker who gave a substantive speech in this debate');
    } else if (!positions.some((p) => reply.slot?.eligiblePositions.includes(p))) {
      const allowed = reply.slot.eligiblePositions.map(ordinal).join(' or ');
      add(
        speakerField,
        'replyPosition',
        `must be the ${allowed} speaker (this speaker gave the ${positions.map(ordinal).join(' and ')} speech)`,
      );
    }
  }
  return { total, speeches };
}
