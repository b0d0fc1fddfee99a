import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { CaseChampionshipsService } from '../case-championships/case-championships.service.js';
import { DomainError } from '../common/domain-error.js';
import { JudgesService } from '../judges/judges.service.js';
import { LivePublisher } from '../live/live-publisher.js';
import { LiveSnapshots } from '../live/live-snapshots.js';
import { RegionsService } from '../regions/regions.service.js';
import { Team } from '../teams/team.entity.js';
import { BallotsService } from './ballots.service.js';
import { CupsService } from './cups.service.js';
import { AddTournamentTeamDto, AdjudicatorsDto, CreateTournamentDto, WithdrawDto } from './tournament.dto.js';
import { Cup, DebateTeam, Debate, Round, Tournament, TournamentAdjudicator, TournamentAudit, TournamentTeam } from './tournament.entity.js';
import { loadConfirmed, loadEntries, loadRounds, loadTournament } from './tournament-data.js';
import { formatPreset, replaceInBracket, setupProblems, speakerTab, teamTab, type BracketState } from './tournament-engine.js';
import {
  bracketView,
  roundView,
  tournamentView,
  type BracketView,
  type SpeakerRow,
  type TeamRow,
  type TournamentView,
} from './tournament-views.js';

/** Tournament set-up (teams, adjudicators, withdrawals) and the public tabs. */
@Injectable()
export class TournamentsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly judges: JudgesService,
    private readonly championships: CaseChampionshipsService,
    private readonly cups: CupsService,
    private readonly ballots: BallotsService,
    private readonly live: LivePublisher,
    private readonly snapshots: LiveSnapshots,
  ) {}

  onModuleInit(): void {
    this.snapshots.register('tournament', {
      snapshot: async (em, id) => {
        const tournament = await loadTournament(em, id);
        const rounds = (await loadRounds(em, id)).filter((r) => r.status !== 'draft');
        const current = rounds.at(-1);
        return {
          tournament: await tournamentView(em, tournament),
          standings: await this.teamRows(em, tournament, true),
          bracket: await bracketView(em, tournament),
          currentRound: current ? await roundView(em, current, false) : null,
        };
      },
      standings: async (em, id) => ({ standings: await this.teamRows(em, await loadTournament(em, id), true) }),
    });
  }

  async create(dto: CreateTournamentDto): Promise<TournamentView> {
    const preset = formatPreset(dto.format);
    if (!preset) throw DomainError.invalid(`format must be a known preset (${formatPreset.keys().join(', ')}), got "${dto.format}"`);
    const problems = setupProblems(preset, dto);
    if (problems.length) throw DomainError.invalid(...problems);
    return this.dataSource.transaction(async (em) => {
      if (dto.regionCode) await this.regions.assertRegion(em, dto.regionCode);
      let cup: Cup | null = null;
      if (dto.cupId) {
        cup = await em.createQueryBuilder(Cup, 'c').setLock('pessimistic_write').where('c.id = :id', { id: dto.cupId }).getOne();
        if (!cup) throw DomainError.notFound('cup', dto.cupId);
      }
      if (dto.level === 'national') {
        if (!cup) throw DomainError.invalid('cupId is required for a national tournament');
        if (cup.nationalTournamentId) throw DomainError.conflict(`cup ${cup.id} already has a national tournament`);
      } else if (cup && (await em.existsBy(Tournament, { cupId: cup.id, level: 'regional', regionCode: dto.regionCode! }))) {
        throw DomainError.conflict(`cup ${cup.id} already has a regional tournament for ${dto.regionCode}`);
      }
      const tournament = await em.save(
        em.create(Tournament, {
          name: dto.name.trim(),
          level: dto.level,
          cupId: cup?.id ?? null,
          regionCode: dto.regionCode ?? null,
          format: preset.key,
          formatSpec: preset as never,
          prelimRounds: dto.prelimRounds,
          breakSize: dto.breakSize,
        }),
      );
      if (cup && dto.level === 'national') {
        await em.update(Cup, { id: cup.id }, { nationalTournamentId: tournament.id });
        await this.cups.syncNational(em, cup.id);
      }
      return tournamentView(em, await loadTournament(em, tournament.id));
    });
  }

  async get(id: string): Promise<TournamentView> {
    const em = this.dataSource.manager;
    return tournamentView(em, await loadTournament(em, id));
  }

  async list(): Promise<TournamentView[]> {
    const em = this.dataSource.manager;
    const all = await em.find(Tournament, { order: { createdAt: 'DESC' } });
    return Promise.all(all.map((t) => tournamentView(em, t)));
  }

  async addTeams(id: string, dto: AddTournamentTeamDto): Promise<TournamentView> {
    return this.dataSource.transaction(async (em) => {
      const tournament = await loadTournament(em, id, true);
      if (tournament.status !== 'setup') throw DomainError.wrongState('teams are fixed once the first round is drawn');
      let teamIds: string[];
      let source = 'registered';
      if (dto.fromCaseChampionshipId) {
        const { championship, teamIds: qualifiers } = await this.championships.qualifiers(em, dto.fromCaseChampionshipId);
        if (tournament.regionCode && championship.regionCode !== tournament.regionCode) {
          throw DomainError.rule(
            `fromCaseChampionshipId: the championship is for ${championship.regionCode}, this tournament for ${tournament.regionCode}`,
          );
        }
        teamIds = qualifiers;
        source = `case:${championship.id}`;
      } else {
        teamIds = [dto.teamId!];
      }
      const teams = await em.findBy(Team, { id: In(teamIds) });
      for (const teamId of teamIds) {
        const team = teams.find((t) => t.id === teamId);
        if (!team) throw DomainError.notFound('team', teamId);
        if (tournament.regionCode && team.regionCode !== tournament.regionCode) {
          throw DomainError.rule(`teamId: team "${team.name}" is from ${team.regionCode}, this tournament is for ${tournament.regionCode}`);
        }
      }
      const count = await em.countBy(TournamentTeam, { tournamentId: id });
      await em
        .createQueryBuilder()
        .insert()
        .into(TournamentTeam)
        .values(teamIds.map((teamId, i) => ({ tournamentId: id, teamId, position: count + i + 1, source })))
        .orIgnore()
        .execute();
      return tournamentView(em, tournament);
    });
  }

  async addAdjudicators(id: string, dto: AdjudicatorsDto): Promise<TournamentView> {
    return this.dataSource.transaction(async (em) => {
      const tournament = await loadTournament(em, id, true);
      await this.judges.requireAll(em, dto.judgeIds);
      await em
        .createQueryBuilder()
        .insert()
        .into(TournamentAdjudicator)
        .values(dto.judgeIds.map((judgeId) => ({ tournamentId: id, judgeId })))
        .orIgnore()
        .execute();
      return tournamentView(em, tournament);
    });
  }

  /**
   * A team leaves. Mid-tournament it forfeits its open debates and is left out of later draws; in a national
   * round it hands its place to the next finisher of its region (the quota holds), in the bracket too when its
   * match has not been played.
   */
  async withdraw(id: string, dto: WithdrawDto, organiser: Principal) {
    const { rooms, replacement } = await this.dataSource.transaction(async (em) => {
      const tournament = await loadTournament(em, id, true);
      const entry = await em.findOneBy(TournamentTeam, { tournamentId: id, teamId: dto.teamId });
      if (!entry) throw DomainError.notFound('team entry', dto.teamId);
      if (entry.withdrawn) throw DomainError.wrongState('this team has already withdrawn');
      await em.update(TournamentTeam, { tournamentId: id, teamId: dto.teamId }, { withdrawn: true });
      let replacement: string | null = null;
      const rooms: string[] = [];
      if (tournament.level === 'national' && tournament.cupId && entry.source.startsWith('region:')) {
        const before = new Set((await em.findBy(TournamentTeam, { tournamentId: id })).map((t) => t.teamId));
        await this.cups.syncNational(em, tournament.cupId);
        const added = (await em.findBy(TournamentTeam, { tournamentId: id, source: entry.source })).find((t) => !before.has(t.teamId));
        replacement = added?.teamId ?? null;
        if (replacement) {
          await em.update(TournamentTeam, { tournamentId: id, teamId: replacement }, { regionalPlace: entry.regionalPlace, position: entry.position });
          const fresh = await loadTournament(em, id);
          if (fresh.bracket) {
            const swapped = replaceInBracket(fresh.bracket as BracketState, dto.teamId, replacement);
            if (swapped) {
              await em.update(Tournament, { id }, { bracket: swapped as never });
              await em
                .createQueryBuilder()
                .update(DebateTeam)
                .set({ teamId: replacement })
                .where(`team_id = :old AND debate_id IN (SELECT d.id FROM debates d JOIN rounds r ON r.id = d.round_id
                        WHERE d.tournament_id = :id AND d.status = 'pending')`, { old: dto.teamId, id })
                .execute();
            } else {
              rooms.push(...(await this.ballots.forfeitOpenDebates(em, fresh, dto.teamId)));
            }
          }
        }
      } else {
        rooms.push(...(await this.ballots.forfeitOpenDebates(em, tournament, dto.teamId)));
      }
      await em.insert(TournamentAudit, {
        tournamentId: id,
        actor: `organiser:${organiser.id}`,
        action: 'withdraw',
        subjectId: dto.teamId,
        before: null as never,
        after: { replacement } as never,
      });
      rooms.push(await this.live.record(em, 'tournament', id, 'round', { withdrawn: dto.teamId, replacement }));
      return { rooms, replacement };
    });
    this.live.announce(...rooms);
    this.live.standingsChanged('tournament', id);
    return { teamId: dto.teamId, withdrawn: true, replacement };
  }

  async standings(id: string, organiser: boolean): Promise<TeamRow[]> {
    const em = this.dataSource.manager;
    return this.teamRows(em, await loadTournament(em, id), !organiser);
  }

  async speakers(id: string, organiser: boolean): Promise<SpeakerRow[]> {
    const em = this.dataSource.manager;
    await loadTournament(em, id);
    const entries = await loadEntries(em, id);
    return speakerTab(
      entries.flatMap((e) => e.team.members.map((m) => ({ id: m.id, name: m.fullName, teamId: e.teamId }))),
      await loadConfirmed(em, id, !organiser),
    );
  }

  async bracket(id: string): Promise<BracketView> {
    const em = this.dataSource.manager;
    return bracketView(em, await loadTournament(em, id));
  }

  async audit(id: string) {
    await loadTournament(this.dataSource.manager, id);
    return this.dataSource.manager.find(TournamentAudit, { where: { tournamentId: id }, order: { at: 'ASC' } });
  }

  /** The debates a judge sits on in released rounds, for their tablet. */
  async judgeDebates(judge: Principal) {
    const em = this.dataSource.manager;
    const rows = (await em.query(
      `SELECT d.id AS "debateId", d.tournament_id AS "tournamentId", r.seq AS "roundSeq", da.role, d.status
       FROM debate_adjudicators da JOIN debates d ON d.id = da.debate_id JOIN rounds r ON r.id = d.round_id
       WHERE da.judge_id = $1 AND r.status <> 'draft' ORDER BY r.created_at DESC, d.room`,
      [judge.id],
    )) as { debateId: string; tournamentId: string; roundSeq: number; role: string; status: string }[];
    const rounds = new Map<string, Round>();
    const out = [];
    for (const row of rows) {
      const key = `${row.tournamentId}:${row.roundSeq}`;
      if (!rounds.has(key)) rounds.set(key, await em.findOneByOrFail(Round, { tournamentId: row.tournamentId, seq: row.roundSeq }));
      const view = await roundView(em, rounds.get(key)!, false);
      out.push({ ...row, debate: view.debates.find((d) => d.id === row.debateId), motion: view.motion });
    }
    return out;
  }

  private async teamRows(em: EntityManager, tournament: Tournament, publicOnly: boolean): Promise<TeamRow[]> {
    const entries = await loadEntries(em, tournament.id);
    return teamTab(
      entries.map((e) => ({ id: e.teamId, name: e.team.name, regionCode: e.team.regionCode, withdrawn: e.withdrawn })),
      await loadConfirmed(em, tournament.id, publicOnly),
    );
  }

  async debate(id: string, organiser: boolean) {
    const em = this.dataSource.manager;
    const debate = await em.findOneBy(Debate, { id });
    if (!debate) throw DomainError.notFound('debate', id);
    const round = await em.findOneByOrFail(Round, { id: debate.roundId });
    if (!organiser && round.status === 'draft') throw DomainError.notFound('debate', id);
    const view = await roundView(em, round, organiser);
    return { ...view.debates.find((d) => d.id === id)!, roundSeq: round.seq, tournamentId: round.tournamentId, motion: round.motion };
  }
}
