import { scoreTeams, type DebateResult, type ResultSpeech, type ScoredTeam, type TeamResult } from './ballot.js';
import type { FormatPreset } from './format-preset.js';

export type JudgeRole = 'chair' | 'wing';

/** One adjudicator's validated ballot (the `result` of `validateBallot`). */
export interface JudgeBallot {
  judgeId: string;
  role: JudgeRole;
  result: DebateResult;
}

export interface PanelDecision {
  /** Points and ranks from the panel's decision; scores and margins averaged over the counted ballots. */
  result: DebateResult;
  /** Judges whose ballot gives exactly the decided ranking; only these feed the speaker scores. */
  counted: string[];
  /** Dissenting judges: their ballots are kept on record but not counted. */
  minority: string[];
  split: boolean;
  unanimous: boolean;
  /** True when the judges' ballots alone were level and the chair's ballot settled the decision. */
  decidedByChair: boolean;
  /** Speech slots where the counted ballots named different speakers: who was taken, and who each judge named. */
  speakerDisputes: SpeakerDispute[];
}

export interface SpeakerDispute {
  teamId: string;
  /** Index into the team's speeches (speaking order, replies last). */
  slot: number;
  speakerId: string;
  /** How it was settled: the majority of counted ballots, or the chair's ballot on a level count. */
  decidedBy: 'majority' | 'chair';
  named: { judgeId: string; speakerId: string }[];
}

export interface PanelDecisionOptions {
  /**
   * WSDC practice: a team's margin is the mean over every ballot, dissenting ones included (a 2–1 win shows a
   * smaller margin than a 3–0). Default false: margins come from the counted ballots only.
   */
  marginsIncludeDissent?: boolean;
}

/**
 * Decides a debate from a panel's ballots.
 *
 * Rule (one rule for every format): the decided ranking is the submitted ranking with the fewest
 * pairwise disagreements summed over all ballots — the Kemeny–Young consensus restricted to the
 * rankings the judges actually gave. With two teams that is exactly the majority of winners; in BP a
 * ranking held by a strict majority always wins (a plurality one usually does). When candidates are
 * level the chair decides: the chair's own ranking if among them, else the one nearest to it (Kendall
 * tau distance), then a fixed order of team ids so the outcome never depends on the ballot order.
 * Restricting to submitted rankings keeps the averaged totals consistent with the decided places,
 * because every counted ballot orders the totals that way.
 */
export function decidePanel(
  preset: FormatPreset,
  ballots: readonly JudgeBallot[],
  options: PanelDecisionOptions = {},
): PanelDecision {
  if (ballots.length === 0) throw new RangeError('a panel decision needs at least one ballot');
  const chairs = ballots.filter((ballot) => ballot.role === 'chair');
  if (chairs.length > 1) throw new RangeError('a panel has at most one chair');
  const teamIds = ballots[0].result.teams.map((team) => team.teamId).sort();
  for (const ballot of ballots) {
    const ids = ballot.result.teams.map((team) => team.teamId).sort();
    if (ids.length !== preset.sides.length || ids.join('\u0000') !== teamIds.join('\u0000')) {
      throw new RangeError(`ballot of judge ${ballot.judgeId} is not for the same ${preset.sides.length} teams`);
    }
  }

  const rankingOf = (result: DebateResult) =>
    [...result.teams].sort((a, b) => a.rank - b.rank).map((team) => team.teamId);
  const rankings = ballots.map((ballot) => rankingOf(ballot.result));
  const keyOf = (ranking: string[]) => ranking.join('\u0000');
  const candidates = [...new Map(rankings.map((ranking) => [keyOf(ranking), ranking])).values()];

  const distanceToAll = candidates.map((candidate) =>
    rankings.reduce((sum, ranking) => sum + kendallDistance(candidate, ranking), 0),
  );
  const best = Math.min(...distanceToAll);
  let level = candidates.filter((_, i) => distanceToAll[i] === best);
  let decidedByChair = false;
  if (level.length > 1) {
    if (chairs.length === 0) throw new RangeError('the ballots are level and there is no chair to decide');
    decidedByChair = true;
    const chairRanking = rankingOf(chairs[0].result);
    const nearest = Math.min(...level.map((candidate) => kendallDistance(candidate, chairRanking)));
    level = level.filter((candidate) => kendallDistance(candidate, chairRanking) === nearest);
    level.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  }
  const decided = level[0];
  const decidedKey = keyOf(decided);

  const countedBallots = ballots.filter((_, i) => keyOf(rankings[i]) === decidedKey);
  const counted = countedBallots.map((ballot) => ballot.judgeId);
  const minority = ballots.filter((_, i) => keyOf(rankings[i]) !== decidedKey).map((ballot) => ballot.judgeId);

  const chairId = chairs[0]?.judgeId;
  const speakerDisputes: SpeakerDispute[] = [];
  const teams: ScoredTeam[] = ballots[0].result.teams.map((first) => {
    const sheets = countedBallots.map((ballot) => ({
      judgeId: ballot.judgeId,
      team: ballot.result.teams.find((team) => team.teamId === first.teamId) as ScoredTeam,
    }));
    const speeches = averageSpeeches(first.teamId, sheets, chairId, speakerDisputes);
    return { teamId: first.teamId, side: first.side, total: speeches.reduce((sum, s) => sum + s.score, 0), speeches };
  });
  const rankOrder = decided.map((teamId) => teams.findIndex((team) => team.teamId === teamId));
  // Margins come out as the mean of the counted ballots' margins: a margin is linear in the totals.
  const result = scoreTeams(preset, teams, rankOrder);
  for (const team of result.teams) {
    team.ballots = rankings.filter((ranking) => ranking[0] === team.teamId).length;
    if (options.marginsIncludeDissent) {
      const margins = ballots.map(
        (ballot) => (ballot.result.teams.find((t) => t.teamId === team.teamId) as TeamResult).margin,
      );
      team.margin = margins.reduce((sum, m) => sum + m, 0) / margins.length;
    }
  }
  return {
    result,
    counted,
    minority,
    split: minority.length > 0,
    unanimous: minority.length === 0,
    decidedByChair,
    speakerDisputes,
  };
}

/** Number of team pairs the two rankings order differently (Kendall tau distance). */
function kendallDistance(a: readonly string[], b: readonly string[]): number {
  const positionInB = new Map(b.map((teamId, i) => [teamId, i]));
  let disagreements = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      if ((positionInB.get(a[i]) as number) > (positionInB.get(a[j]) as number)) disagreements++;
    }
  }
  return disagreements;
}

/**
 * Scores are averaged slot by slot. Valid ballots of one format have the same slots (substantive speeches, then
 * replies), so only the speaker named in a slot can differ: the majority of the counted ballots decides who it
 * was, the chair's ballot on a level count (or, with the chair outside the count, the first judge id in order, so
 * the ballot order never matters), and the disagreement is kept as a dispute.
 */
function averageSpeeches(
  teamId: string,
  sheets: readonly { judgeId: string; team: ScoredTeam }[],
  chairId: string | undefined,
  disputes: SpeakerDispute[],
): ResultSpeech[] {
  const template = sheets[0].team.speeches;
  for (const { team } of sheets) {
    const sameSlots =
      team.speeches.length === template.length && team.speeches.every((s, i) => s.reply === template[i].reply);
    if (!sameSlots) throw new RangeError(`the counted ballots for team ${teamId} do not have the same speech slots`);
  }
  const decided = template.map((_, slot) => {
    const votes = new Map<string, string[]>();
    for (const { judgeId, team } of sheets)
      votes.set(team.speeches[slot].speakerId, [...(votes.get(team.speeches[slot].speakerId) ?? []), judgeId]);
    if (votes.size === 1) return template[slot].speakerId;
    const most = Math.max(...[...votes.values()].map((judges) => judges.length));
    const leaders = [...votes.entries()].filter(([, judges]) => judges.length === most);
    let speakerId: string;
    let decidedBy: SpeakerDispute['decidedBy'] = 'majority';
    if (leaders.length === 1) speakerId = leaders[0][0];
    else {
      decidedBy = 'chair';
      const byChair = leaders.find(([, judges]) => chairId !== undefined && judges.includes(chairId));
      const fallback = [...leaders].sort(([, a], [, b]) => ([...a].sort()[0] < [...b].sort()[0] ? -1 : 1))[0];
      speakerId = (byChair ?? fallback)[0];
    }
    disputes.push({
      teamId,
      slot,
      speakerId,
      decidedBy,
      named: sheets.map(({ judgeId, team }) => ({ judgeId, speakerId: team.speeches[slot].speakerId })),
    });
    return speakerId;
  });
  // A speech is iron when its speaker, as decided, already gave an earlier substantive speech.
  const spoken = new Set<string>();
  return template.map((speech, i) => {
    const speakerId = decided[i];
    const iron = !speech.reply && spoken.has(speakerId);
    if (!speech.reply) spoken.add(speakerId);
    return {
      speakerId,
      reply: speech.reply,
      ...(iron ? { iron: true } : {}),
      score: sheets.reduce((sum, { team }) => sum + team.speeches[i].score, 0) / sheets.length,
    };
  });
}
