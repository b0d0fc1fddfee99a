import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { pageOfAll } from '../common/pagination.dto.js';
import { Judge } from '../judges/judge.entity.js';
import { Team } from '../teams/team.entity.js';
import { availableOf, checkInInUse, loadMarks } from './availability-data.js';
import { Ballot } from './ballot.entity.js';
import { Debate } from './debate.entity.js';
import { DebateAdjudicator } from './debate-adjudicator.entity.js';
import { DebateTeam } from './debate-team.entity.js';
import type {
  AvailabilityItemView,
  AvailabilityView,
  CheckInDto,
  PoolAdjudicatorPage,
  PoolAdjudicatorView,
  RemovedView,
} from './pools.dto.js';
import { Round } from './round.entity.js';
import { RoundAvailability } from './round-availability.entity.js';
import { TournamentAdjudicator } from './tournament-adjudicator.entity.js';
import { lockTournament, loadTournament } from './tournament-data.js';
import { TournamentTeam } from './tournament-team.entity.js';

const inUse = (field: string, code: string, message: string) =>
  DomainError.field(DomainErrorCode.Conflict, field, code, message);

/** A tournament's pools on the day: removing or deactivating judges and teams, and check-in per round. */
@Injectable()
export class PoolsService {
  constructor(private readonly dataSource: DataSource) {}

  async adjudicators(id: string): Promise<PoolAdjudicatorPage> {
    const em = this.dataSource.manager;
    await loadTournament(em, id);
    const pool = await em.find(TournamentAdjudicator, { where: { tournamentId: id }, relations: { judge: true } });
    const seats = pool.length
      ? await em
          .createQueryBuilder(DebateAdjudicator, 'p')
          .innerJoin(Debate, 'd', 'd.id = p.debate_id')
          .where('d.tournament_id = :id', { id })
          .select('p.judge_id', 'judgeId')
          .addSelect('COUNT(*)::int', 'panels')
          .groupBy('p.judge_id')
          .getRawMany<{ judgeId: string; panels: number }>()
      : [];
    const items: PoolAdjudicatorView[] = pool
      .map((p) => ({
        judgeId: p.judgeId,
        name: p.judge.fullName,
        institution: p.judge.institution,
        strength: p.judge.strength,
        active: p.active,
        panels: seats.find((s) => s.judgeId === p.judgeId)?.panels ?? 0,
      }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.judgeId.localeCompare(b.judgeId));
    return pageOfAll(items);
  }

  /** Gone while the judge never sat on a panel of the tournament; after that 409: deactivate instead. */
  async removeAdjudicator(id: string, judgeId: string): Promise<RemovedView> {
    return this.dataSource.transaction(async (em) => {
      await lockTournament(em, id);
      await this.poolEntry(em, id, judgeId);
      const seated = await em
        .createQueryBuilder(DebateAdjudicator, 'p')
        .innerJoin(Debate, 'd', 'd.id = p.debate_id')
        .where('d.tournament_id = :id AND p.judge_id = :judgeId', { id, judgeId })
        .getCount();
      const ballots = await em
        .createQueryBuilder(Ballot, 'b')
        .innerJoin(Debate, 'd', 'd.id = b.debate_id')
        .where('d.tournament_id = :id AND b.judge_id = :judgeId', { id, judgeId })
        .getCount();
      if (seated > 0 || ballots > 0)
        throw inUse(
          'judgeId',
          'ADJUDICATOR_IN_USE',
          `judgeId: this judge sat on ${seated} panel(s) of the tournament and is kept for its history: deactivate the judge instead (POST …/adjudicators/${judgeId}/deactivate)`,
        );
      await em.delete(TournamentAdjudicator, { tournamentId: id, judgeId });
      await em.delete(RoundAvailability, { tournamentId: id, kind: 'judge', subjectId: judgeId });
      return { id: judgeId, removed: true };
    });
  }

  /** Deactivated judges keep their panels and ballots and are never allocated again (until activated). */
  async setAdjudicatorActive(id: string, judgeId: string, active: boolean): Promise<PoolAdjudicatorView> {
    await this.dataSource.transaction(async (em) => {
      await lockTournament(em, id);
      await this.poolEntry(em, id, judgeId);
      await em.update(TournamentAdjudicator, { tournamentId: id, judgeId }, { active });
    });
    return (await this.adjudicators(id)).items.find((a) => a.judgeId === judgeId)!;
  }

  /**
   * Gone while the team was never drawn; after that 409: withdraw it (its history is kept, it leaves later draws).
   * A national round's qualifier is withdrawn too, so its region's next finisher takes the place.
   */
  async removeTeam(id: string, teamId: string): Promise<RemovedView> {
    return this.dataSource.transaction(async (em) => {
      await lockTournament(em, id);
      const entry = await em.findOneBy(TournamentTeam, { tournamentId: id, teamId });
      if (!entry) throw DomainError.notFound('team entry', teamId);
      const debates = await em
        .createQueryBuilder(DebateTeam, 's')
        .innerJoin(Debate, 'd', 'd.id = s.debate_id')
        .where('d.tournament_id = :id AND s.team_id = :teamId', { id, teamId })
        .getCount();
      if (debates > 0)
        throw inUse(
          'teamId',
          'ENTRY_IN_USE',
          `teamId: this team was drawn in ${debates} debate(s) of the tournament and is kept for its history: withdraw it instead (POST …/withdrawals)`,
        );
      if (entry.source.startsWith('region:'))
        throw inUse(
          'teamId',
          'ENTRY_FROM_QUALIFICATION',
          `teamId: this team qualified from its region: withdraw it instead (POST …/withdrawals), so the region's next finisher takes the place`,
        );
      await em.delete(TournamentTeam, { tournamentId: id, teamId });
      await em.delete(RoundAvailability, { tournamentId: id, kind: 'team', subjectId: teamId });
      return { id: teamId, removed: true };
    });
  }

  /** Marks teams and judges in (or out) for a round that is not out yet; all or nothing. */
  async checkIn(id: string, seq: number, dto: CheckInDto): Promise<AvailabilityView> {
    if (!Number.isInteger(seq) || seq < 1)
      throw DomainError.field(DomainErrorCode.InvalidInput, 'seq', 'MIN', `seq must be a round number of at least 1`);
    const teamIds = dto.teamIds ?? [];
    const judgeIds = dto.judgeIds ?? [];
    if (teamIds.length + judgeIds.length === 0)
      throw DomainError.field(
        DomainErrorCode.InvalidInput,
        'teamIds',
        'IS_NOT_EMPTY',
        'teamIds or judgeIds must name at least one team or judge',
      );
    const available = dto.available ?? true;
    await this.dataSource.transaction(async (em) => {
      // Under the tournament row, so a draw sees either all of one call's marks or none.
      await lockTournament(em, id);
      const round = await em.findOneBy(Round, { tournamentId: id, seq });
      if (round && round.status !== 'draft')
        throw DomainError.wrongState(`round ${seq} is already ${round.status}: its draw no longer changes`);
      const entries = teamIds.length ? await em.findBy(TournamentTeam, { tournamentId: id, teamId: In(teamIds) }) : [];
      const problems: string[] = [];
      teamIds.forEach((teamId, i) => {
        const entry = entries.find((e) => e.teamId === teamId);
        if (!entry) problems.push(`teamIds.${i} must be a team entered in this tournament, got ${teamId}`);
        else if (entry.withdrawn) problems.push(`teamIds.${i} is a team that has withdrawn (${teamId})`);
      });
      const pool = judgeIds.length
        ? await em.findBy(TournamentAdjudicator, { tournamentId: id, judgeId: In(judgeIds) })
        : [];
      judgeIds.forEach((judgeId, i) => {
        const entry = pool.find((p) => p.judgeId === judgeId);
        if (!entry) problems.push(`judgeIds.${i} must be an adjudicator of this tournament, got ${judgeId}`);
        else if (!entry.active)
          problems.push(`judgeIds.${i} is a deactivated adjudicator (${judgeId}): activate first`);
      });
      if (problems.length) throw DomainError.invalid(...problems);
      const rows = [
        ...teamIds.map((subjectId) => ({ kind: 'team' as const, subjectId })),
        ...judgeIds.map((subjectId) => ({ kind: 'judge' as const, subjectId })),
      ].map((r) => ({ tournamentId: id, roundSeq: seq, available, ...r }));
      await em
        .createQueryBuilder()
        .insert()
        .into(RoundAvailability)
        .values(rows)
        .orUpdate(['available', 'changed_at'], ['tournament_id', 'round_seq', 'kind', 'subject_id'])
        .execute();
    });
    return this.availability(id, seq);
  }

  /** Every entered team and pooled judge with their mark for the round and whether the round uses them. */
  async availability(id: string, seq: number): Promise<AvailabilityView> {
    const em = this.dataSource.manager;
    await loadTournament(em, id);
    const [entries, pool, teamMarks, judgeMarks] = await Promise.all([
      em.find(TournamentTeam, { where: { tournamentId: id }, order: { position: 'ASC' } }),
      em.findBy(TournamentAdjudicator, { tournamentId: id }),
      loadMarks(em, id, [seq], 'team'),
      loadMarks(em, id, [seq], 'judge'),
    ]);
    const [teams, judges] = await Promise.all([
      entries.length ? em.findBy(Team, { id: In(entries.map((e) => e.teamId)) }) : [],
      pool.length ? em.findBy(Judge, { id: In(pool.map((p) => p.judgeId)) }) : [],
    ]);
    const usableTeams = new Set(
      availableOf(
        entries.filter((e) => !e.withdrawn).map((e) => e.teamId),
        teamMarks,
      ),
    );
    const usableJudges = new Set(
      availableOf(
        pool.filter((p) => p.active).map((p) => p.judgeId),
        judgeMarks,
      ),
    );
    const mark = (marks: RoundAvailability[], subjectId: string) =>
      marks.find((m) => m.subjectId === subjectId)?.available ?? null;
    const items: AvailabilityItemView[] = [
      ...entries.map((e) => ({
        kind: 'team' as const,
        id: e.teamId,
        name: teams.find((t) => t.id === e.teamId)?.name ?? '',
        active: !e.withdrawn,
        checkedIn: mark(teamMarks, e.teamId),
        available: usableTeams.has(e.teamId),
      })),
      ...pool
        .map((p) => ({
          kind: 'judge' as const,
          id: p.judgeId,
          name: judges.find((j) => j.id === p.judgeId)?.fullName ?? '',
          active: p.active,
          checkedIn: mark(judgeMarks, p.judgeId),
          available: usableJudges.has(p.judgeId),
        }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    ];
    return {
      roundSeq: seq,
      teamCheckInInUse: checkInInUse(teamMarks),
      judgeCheckInInUse: checkInInUse(judgeMarks),
      ...pageOfAll(items),
    };
  }

  private async poolEntry(em: EntityManager, id: string, judgeId: string): Promise<TournamentAdjudicator> {
    const entry = await em.findOneBy(TournamentAdjudicator, { tournamentId: id, judgeId });
    if (!entry) throw DomainError.notFound('adjudicator of this tournament', judgeId);
    return entry;
  }
}
