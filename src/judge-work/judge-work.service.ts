import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { CaseChampionship, CaseEntry, CaseJuror, CaseScoresheet } from '../case-championships/case-championship.entity.js';
import { DomainError } from '../common/domain-error.js';
import { DEFAULT_CASE_RUBRIC } from '../engine/case-scoring/rubric.js';
import { Judge, JudgeTeamConflict } from '../judges/judge.entity.js';
import { sameInstitution } from '../judges/judges.service.js';
import { TeamMember } from '../teams/team.entity.js';
import { Ballot, Debate, DebateAdjudicator, DebateTeam, Round, Tournament } from '../tournaments/tournament.entity.js';
import type { JudgeWorkDto, WorkChampionshipDto, WorkCriterionDto, WorkDebateDto } from './judge-work.dto.js';

/** Reads (never writes) the tables of tournaments, case championships and judges to build one judge's work list. */
@Injectable()
export class JudgeWorkService {
  constructor(private readonly dataSource: DataSource) {}

  async forJudge(judgeId: string): Promise<JudgeWorkDto> {
    const em = this.dataSource.manager;
    const judge = await em.findOneBy(Judge, { id: judgeId });
    // A valid token for a judge who is gone: the tablet must sign in again, like any other bad credential.
    if (!judge) throw DomainError.unauthenticated('this judge no longer exists: ask the organiser');
    return {
      judgeId,
      fullName: judge.fullName,
      debates: await this.debates(judge),
      championships: await this.championships(judge),
    };
  }

  private async debates(judge: Judge): Promise<WorkDebateDto[]> {
    const em = this.dataSource.manager;
    const seats = await em.findBy(DebateAdjudicator, { judgeId: judge.id });
    if (seats.length === 0) return [];
    const debates = await em.findBy(Debate, { id: In(seats.map((s) => s.debateId)) });
    const rounds = await em.findBy(Round, { id: In([...new Set(debates.map((d) => d.roundId))]) });
    const visible = rounds.filter((r) => r.status !== 'draft');
    const shown = debates.filter((d) => visible.some((r) => r.id === d.roundId));
    if (shown.length === 0) return [];
    const ids = shown.map((d) => d.id);
    const [tournaments, sides, ballots] = await Promise.all([
      em.findBy(Tournament, { id: In([...new Set(shown.map((d) => d.tournamentId))]) }),
      em.find(DebateTeam, { where: { debateId: In(ids) }, relations: { team: true } }),
      em.findBy(Ballot, { debateId: In(ids), judgeId: judge.id, current: true }),
    ]);
    const members = await em.find(TeamMember, {
      where: { teamId: In([...new Set(sides.map((s) => s.teamId))]) },
      order: { position: 'ASC' },
    });
    const out = shown.map((debate): WorkDebateDto & { createdAt: Date } => {
      const round = visible.find((r) => r.id === debate.roundId)!;
      const tournament = tournaments.find((t) => t.id === debate.tournamentId)!;
      const order = (tournament.formatSpec.sides as string[] | undefined) ?? [];
      const ballot = ballots.find((b) => b.debateId === debate.id);
      return {
        createdAt: round.createdAt,
        debateId: debate.id,
        tournamentId: tournament.id,
        tournamentName: tournament.name,
        format: tournament.format,
        roundSeq: round.seq,
        roundKind: round.kind,
        roundName: round.name,
        roundStatus: round.status,
        room: debate.room,
        motion: round.motion,
        role: seats.find((s) => s.debateId === debate.id)!.role,
        status: debate.status,
        needsConfirmation: debate.needsConfirmation,
        ballotIn: !!ballot,
        ballotVersion: ballot?.version ?? null,
        teams: sides
          .filter((s) => s.debateId === debate.id)
          .sort((a, b) => order.indexOf(a.side) - order.indexOf(b.side))
          .map((s) => ({
            teamId: s.teamId,
            name: s.team.name,
            side: s.side,
            speakers: members.filter((m) => m.teamId === s.teamId).map((m) => ({ id: m.id, name: m.fullName })),
          })),
      };
    });
    out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.room - b.room);
    return out.map(({ createdAt: _, ...debate }) => debate);
  }

  private async championships(judge: Judge): Promise<WorkChampionshipDto[]> {
    const em = this.dataSource.manager;
    const seats = await em.findBy(CaseJuror, { judgeId: judge.id });
    if (seats.length === 0) return [];
    const ids = seats.map((s) => s.championshipId);
    const [championships, entries, sheets] = await Promise.all([
      em.find(CaseChampionship, { where: { id: In(ids) }, order: { createdAt: 'DESC' } }),
      em.find(CaseEntry, { where: { championshipId: In(ids) }, relations: { team: true } }),
      em.findBy(CaseScoresheet, { championshipId: In(ids), judgeId: judge.id }),
    ]);
    const declared = entries.length
      ? await em.findBy(JudgeTeamConflict, { judgeId: judge.id, teamId: In(entries.map((e) => e.teamId)) })
      : [];
    return championships.map((championship) => {
      const teams = entries
        .filter((e) => e.championshipId === championship.id)
        .map((e) => {
          const sheet = sheets.find((s) => s.championshipId === championship.id && s.teamId === e.teamId);
          const conflict: 'declared' | 'same-institution' | null = declared.some((c) => c.teamId === e.teamId)
            ? 'declared'
            : sameInstitution(judge.institution, e.team.institution)
              ? 'same-institution'
              : null;
          return {
            teamId: e.teamId,
            name: e.team.name,
            conflict,
            scoresheet: sheet ? { scores: sheet.scores, comment: sheet.comment, version: sheet.version } : null,
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
      const scorable = teams.filter((t) => !t.conflict);
      return {
        championshipId: championship.id,
        title: championship.title,
        status: championship.status,
        criteria: championship.criteria.map(localised),
        teams,
        sheetsDone: scorable.filter((t) => t.scoresheet).length,
        sheetsDue: scorable.length,
      };
    });
  }
}

/** Stored criteria keep one name; the default rubric's criteria also have their Kazakh, Russian and English names. */
function localised(criterion: CaseChampionship['criteria'][number]): WorkCriterionDto {
  const known = DEFAULT_CASE_RUBRIC.find((c) => c.key === criterion.key && c.name === criterion.name);
  const names = known?.names ?? { kk: criterion.name, ru: criterion.name, en: criterion.name };
  return { key: criterion.key, name: criterion.name, names: { ...names }, weight: criterion.weight, maxScore: criterion.maxScore };
}
