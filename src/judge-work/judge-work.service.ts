import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { CaseChampionship, CaseJuror } from '../case-championships/case-championship.entity.js';
import { CaseChampionshipsService } from '../case-championships/case-championships.service.js';
import { DomainError } from '../common/domain-error.js';
import { criterionView } from '../case-championships/case-scoring.js';
import { Judge } from '../judges/judge.entity.js';
import { TeamMember } from '../teams/team.entity.js';
import { Ballot } from '../tournaments/ballot.entity.js';
import { Debate } from '../tournaments/debate.entity.js';
import { DebateAdjudicator } from '../tournaments/debate-adjudicator.entity.js';
import { DebateTeam } from '../tournaments/debate-team.entity.js';
import { Round } from '../tournaments/round.entity.js';
import { Tournament } from '../tournaments/tournament.entity.js';
import type { JudgeWorkDto, WorkChampionshipDto, WorkDebateDto } from './judge-work.dto.js';

/** Reads (never writes) the tables of tournaments, case championships and judges to build one judge's work list. */
@Injectable()
export class JudgeWorkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assignments: CaseChampionshipsService,
  ) {}

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

  /**
   * The championship's own assignments (the juror's room and its order of presentation during a qualifying stage, the
   * finalists for the final jury, conflicts of every kind), with titles and translated criteria for the tablet.
   */
  private async championships(judge: Judge): Promise<WorkChampionshipDto[]> {
    const em = this.dataSource.manager;
    const seats = await em.findBy(CaseJuror, { judgeId: judge.id });
    if (seats.length === 0) return [];
    const championships = await em.find(CaseChampionship, {
      where: { id: In(seats.map((s) => s.championshipId)) },
      order: { createdAt: 'DESC' },
    });
    const out: WorkChampionshipDto[] = [];
    for (const championship of championships) {
      const assigned = await this.assignments.judgeAssignments(championship.id, { id: judge.id, role: 'judge' });
      const teams = assigned.teams.map((t) => ({
        teamId: t.teamId,
        name: t.teamName,
        conflict: t.conflict,
        startsAt: 'startsAt' in t ? (t.startsAt ?? null) : null,
        scoresheet: t.scoresheet
          ? { scores: t.scoresheet.scores, comment: t.scoresheet.comment, version: t.scoresheet.version }
          : null,
      }));
      const scorable = teams.filter((t) => !t.conflict);
      out.push({
        championshipId: championship.id,
        title: championship.title,
        status: championship.status,
        stage: championship.stage,
        room: assigned.room,
        criteria: championship.criteria.map(criterionView),
        teams,
        sheetsDone: scorable.filter((t) => t.scoresheet).length,
        sheetsDue: scorable.length,
      });
    }
    return out;
  }
}
