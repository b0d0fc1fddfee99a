import { In, type EntityManager } from 'typeorm';
import { DomainError, DomainErrorCode, type Problem } from '../common/domain-error.js';
import { unscoredByJuror } from '../engine/case-scoring/unscored.js';
import { Judge } from '../judges/judge.entity.js';
import type { JudgesService } from '../judges/judges.service.js';
import { Team } from '../teams/team.entity.js';
import {
  CaseEntry,
  CaseJuror,
  CaseScoresheet,
  type CaseChampionship,
  type SheetStage,
  type UnscoredByJuror,
} from './case-championship.entity.js';

/**
 * What a finalise now would leave unscored: each juror of the stage (the whole jury, or the final jury) with the
 * teams of the stage (every entry, or the finalists) they have no sheet for and no conflict with. By name.
 */
export async function loadUnscored(
  em: EntityManager,
  championship: CaseChampionship,
  stage: SheetStage,
  judges: JudgesService,
): Promise<UnscoredByJuror[]> {
  const jury = (await em.findBy(CaseJuror, { championshipId: championship.id })).map((j) => j.judgeId);
  const jurorIds = stage === 'final' && championship.finalJury.length ? championship.finalJury : jury;
  const teamIds =
    stage === 'final'
      ? championship.finalists.map((f) => f.teamId)
      : (await em.findBy(CaseEntry, { championshipId: championship.id })).map((e) => e.teamId);
  if (jurorIds.length === 0 || teamIds.length === 0) return [];
  const [people, teams, sheets, conflicts] = await Promise.all([
    em.findBy(Judge, { id: In(jurorIds) }),
    em.findBy(Team, { id: In(teamIds) }),
    em.findBy(CaseScoresheet, { championshipId: championship.id, stage }),
    judges.conflicts(em, jurorIds, teamIds),
  ]);
  const byName = <T>(rows: T[], name: (row: T) => string) => [...rows].sort((a, b) => name(a).localeCompare(name(b)));
  const nameOfJudge = new Map(people.map((p) => [p.id, p.fullName]));
  const nameOfTeam = new Map(teams.map((t) => [t.id, t.name]));
  return unscoredByJuror({
    jurorIds: byName(jurorIds, (id) => nameOfJudge.get(id) ?? id),
    teamIds: byName(teamIds, (id) => nameOfTeam.get(id) ?? id),
    sheets,
    conflicts,
  }).map(({ judgeId, teamIds: missing }) => ({
    judgeId,
    judgeName: nameOfJudge.get(judgeId) ?? '',
    teams: missing.map((teamId) => ({ teamId, teamName: nameOfTeam.get(teamId) ?? '' })),
  }));
}

/** 409 with one problem per juror: the juror and the teams, by id and name, for the console to list. */
export function unscoredError(unscored: UnscoredByJuror[]): DomainError {
  const problems: (Problem & UnscoredByJuror)[] = unscored.map((juror) => ({
    field: null,
    code: 'SCORESHEETS_MISSING',
    message: `${juror.judgeName} has not scored ${juror.teams.map((t) => t.teamName).join(', ')}: send force: true to finalise anyway`,
    ...juror,
  }));
  return new DomainError(
    DomainErrorCode.WrongState,
    problems.map((p) => p.message),
    problems,
  );
}
