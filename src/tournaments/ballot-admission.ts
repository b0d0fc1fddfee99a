import { DomainError } from '../common/domain-error.js';
import type { TeamConflict } from '../judges/judge.dto.js';
import type { Ballot } from './ballot.entity.js';
import type { DebateBundle } from './tournament-data.js';
import { ballotProblems, debateContext } from './tournament-engine.js';
import type { Tournament } from './tournament.entity.js';
import type { BallotDto } from './tournament.dto.js';

/*
 * Whether a judge's ballot is taken, decided under the debate's lock. Both writers of judges' ballots — one at a
 * time (`BallotsService`) and many in one transaction (`BallotGroupCommit`) — decide by these, so they refuse alike.
 */

/** The judge sits on the panel, the round takes ballots and the result is not confirmed yet. */
export function assertTakesBallotFrom(bundle: DebateBundle, judgeId: string): void {
  if (!bundle.panel.some((p) => p.judgeId === judgeId))
    throw DomainError.forbidden("you are not on this debate's panel");
  if (bundle.round.status !== 'released') {
    throw DomainError.wrongState(`round ${bundle.round.seq} is ${bundle.round.status}: it does not take ballots`);
  }
  if (bundle.debate.status === 'confirmed') {
    throw DomainError.wrongState("this debate's result is confirmed: ask the organiser for a correction");
  }
}

/** A judge who has declared (or, by institution, has) a conflict with a team of the debate may not judge it. */
export function assertNoConflict(judgeId: string, conflicts: TeamConflict[]): void {
  if (conflicts.length) {
    throw DomainError.rule(
      ...conflicts.map(
        (c) =>
          `judge ${judgeId} has a conflict (${c.reason}) with team ${c.teamId} in this debate: ask the organiser to replace them`,
      ),
    );
  }
}

/** The ballot's problems (4xx) and the version it replaces: the one it was sent against, if any, must be current. */
export function checkBallot(
  tournament: Tournament,
  bundle: DebateBundle,
  judgeId: string,
  dto: BallotDto,
): { existing: Ballot | undefined; version: number } {
  const problems = ballotProblems(tournament.formatSpec, debateContext(bundle), dto);
  if (problems.length) throw DomainError.problems(problems);
  const existing = bundle.ballots.find((b) => b.judgeId === judgeId);
  if (dto.version !== undefined && existing && dto.version !== existing.version) {
    throw DomainError.staleVersion(`the ballot of judge ${judgeId}`, dto.version);
  }
  return { existing, version: (existing?.version ?? 0) + 1 };
}
