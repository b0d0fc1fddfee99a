import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import type { TeamConflict } from '../judges/judge.dto.js';
import type { ScoresheetDto } from './case-championship.dto.js';
import type { CaseChampionship, SheetStage } from './case-championship.entity.js';
import { validateSheet } from './case-scoring.js';

/*
 * Whether a juror's sheet is taken, decided under the championship's shared lock. Both writers of sheets — one at a
 * time (`CaseChampionshipsService`) and many in one transaction (`ScoresheetGroupCommit`) — decide by these, in this
 * order, so they refuse alike.
 */

/** The juror's seat and the team's entry, as read after the championship's lock (null: none). */
export interface SeatAndEntry {
  seat: { active: boolean } | null;
  entry: { active: boolean } | null;
}

/** An active juror, a championship that is scoring, an active team entry. */
export function assertSeatAndEntry(
  championship: CaseChampionship,
  teamId: string,
  { seat, entry }: SeatAndEntry,
): void {
  if (!seat) throw DomainError.forbidden("you are not on this championship's jury");
  if (!seat.active) throw DomainError.forbidden('the organiser deactivated you on this jury', 'JUROR_DEACTIVATED');
  if (championship.status !== 'scoring') {
    throw DomainError.wrongState(`scoring is not open: the championship is ${championship.status}`);
  }
  if (!entry) throw DomainError.notFound('team entry', teamId);
  if (!entry.active)
    throw DomainError.field(
      DomainErrorCode.Conflict,
      'teamId',
      'ENTRY_DEACTIVATED',
      'teamId: this team was deactivated',
    );
}

/**
 * The stage a sheet counts for, outside qualifying rooms (undefined while the championship is in its qualifying
 * stage: the juror's room decides, which only the one-at-a-time path reads).
 */
export function stageOutsideRooms(
  championship: CaseChampionship,
  judgeId: string,
  teamId: string,
): SheetStage | undefined {
  if (championship.stage === 'qualifying') return undefined;
  if (championship.stage === 'final') {
    if (!championship.finalists.some((f) => f.teamId === teamId))
      throw DomainError.rule('teamId: this team is not in the final');
    if (championship.finalJury.length && !championship.finalJury.includes(judgeId)) {
      throw DomainError.forbidden('you are not on the final jury');
    }
    return 'final';
  }
  return 'main';
}

/** Scores that fit the rubric, from a juror with no conflict with the team. */
export function assertSheetScores(championship: CaseChampionship, dto: ScoresheetDto, conflicts: TeamConflict[]): void {
  const problems = validateSheet(championship.criteria, dto.scores);
  if (problems.length) throw DomainError.invalid(...problems);
  const [conflict] = conflicts;
  if (conflict) {
    throw DomainError.rule(
      conflict.reason === 'declared'
        ? 'you have a declared conflict with this team and cannot score it'
        : conflict.reason === 'mentor'
          ? 'you mentor this team and cannot score it'
          : 'you are from the same institution as this team and cannot score it',
    );
  }
}

/** A sheet sent against a version (`dto.version`) replaces only that one; a first sheet has none to check. */
export function assertCurrentVersion(teamId: string, dto: ScoresheetDto, previous: number | null): void {
  if (previous !== null && dto.version !== undefined && dto.version !== previous) {
    throw DomainError.staleVersion(`your scoresheet for team ${teamId}`, dto.version);
  }
}
