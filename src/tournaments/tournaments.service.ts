import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { CaseChampionshipsService } from '../case-championships/case-championships.service.js';
import { DomainError } from '../common/domain-error.js';
import { replaceTeam } from '../engine/elimination/single-elimination.js';
import { JudgesService } from '../judges/judges.service.js';
import { LiveTransactions } from '../live/live-changes.js';
import { RegionsService } from '../regions/regions.service.js';
import { Team } from '../teams/team.entity.js';
import { BallotsService } from './ballots.service.js';
import { Cup } from './cup.entity.js';
import { League } from './league.entity.js';
import { CupsService } from './cups.service.js';
import { DebateTeam } from './debate-team.entity.js';
import { Tournament } from './tournament.entity.js';
import { TournamentAdjudicator } from './tournament-adjudicator.entity.js';
import { TournamentAudit } from './tournament-audit.entity.js';
import { loadTournament, lockCup, lockTournament } from './tournament-data.js';
import { customisedFormat, formatPreset, setupProblems } from './tournament-engine.js';
import { TournamentTeam } from './tournament-team.entity.js';
import { AddTournamentTeamDto, AdjudicatorsDto, CreateTournamentDto, WithdrawDto } from './tournament.dto.js';
import { tournamentView, type TournamentView } from './tournament-views.js';

/** Tournament set-up: creation, teams, adjudicators, withdrawals. */
@Injectable()
export class TournamentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveTransactions,
    private readonly regions: RegionsService,
    private readonly judges: JudgesService,
    private readonly championships: CaseChampionshipsService,
    private readonly cups: CupsService,
    private readonly ballots: BallotsService,
  ) {}

  async create(dto: CreateTournamentDto): Promise<TournamentView> {
    const preset = formatPreset(dto.format);
    if (!preset)
      throw DomainError.invalid(
        `format must be a known preset (${formatPreset.keys().join(', ')}), got "${dto.format}"`,
      );
    const { spec, problems: formatProblems } = customisedFormat(preset, dto.formatOverrides);
    const problems = [...formatProblems, ...setupProblems(spec, dto)];
    if (problems.length) throw DomainError.invalid(...problems);
    return this.dataSource.transaction(async (em) => {
      if (dto.regionCode) await this.regions.assertRegion(em, dto.regionCode);
      let cup: Cup | null = null;
      if (dto.cupId) cup = await lockCup(em, dto.cupId);
      let league: League | null = null;
      if (dto.leagueId) {
        if (!cup) throw DomainError.invalid('cupId is required with leagueId');
        league = await em.findOneBy(League, { id: dto.leagueId, cupId: cup.id });
        if (!league) throw DomainError.invalid(`leagueId must be a league of cup ${cup.id}`);
      }
      const where = league ? `league ${league.key} of cup ${cup!.id}` : `cup ${cup?.id}`;
      if (dto.level === 'national') {
        if (!cup) throw DomainError.invalid('cupId is required for a national tournament');
        if ((league ? league.nationalTournamentId : cup.nationalTournamentId) !== null) {
          throw DomainError.conflict(`${where} already has a national tournament`);
        }
      } else if (
        cup &&
        (await em.existsBy(Tournament, {
          cupId: cup.id,
          level: 'regional',
          regionCode: dto.regionCode!,
          leagueId: league?.id ?? IsNull(),
        }))
      ) {
        throw DomainError.conflict(`${where} already has a regional tournament for ${dto.regionCode}`);
      }
      const tournament = await em.save(
        em.create(Tournament, {
          name: dto.name.trim(),
          level: dto.level,
          cupId: cup?.id ?? null,
          leagueId: league?.id ?? null,
          regionCode: dto.regionCode ?? null,
          format: preset.key,
          formatSpec: spec,
          rules: {
            byeCounts: dto.byeCounts ?? 'absent',
            marginsIncludeDissent: dto.marginsIncludeDissent ?? false,
            ...(dto.pairing ? { pairing: { ...dto.pairing } } : {}),
            ...(dto.bp ? { bp: { ...dto.bp } } : {}),
            ...(dto.panels ? { panels: { ...dto.panels } } : {}),
          },
          prelimRounds: dto.prelimRounds,
          breakSize: dto.breakSize,
        }),
      );
      if (cup && dto.level === 'national') {
        if (league) await em.update(League, { id: league.id }, { nationalTournamentId: tournament.id });
        else await em.update(Cup, { id: cup.id }, { nationalTournamentId: tournament.id });
        await this.cups.syncNational(em, cup.id, league?.id ?? null);
      }
      return tournamentView(em, await loadTournament(em, tournament.id));
    });
  }

  async addTeams(id: string, dto: AddTournamentTeamDto): Promise<TournamentView> {
    return this.dataSource.transaction(async (em) => {
      const tournament = await lockTournament(em, id);
      if (tournament.status !== 'setup') throw DomainError.wrongState('teams are fixed once the first round is drawn');
      let teamIds: string[];
      let source = 'registered';
      if (dto.fromCaseChampionshipId) {
        const { championship, teamIds: qualifiers } = await this.championships.qualifiers(
          em,
          dto.fromCaseChampionshipId,
        );
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
          throw DomainError.rule(
            `teamId: team "${team.name}" is from ${team.regionCode}, this tournament is for ${tournament.regionCode}`,
          );
        }
      }
      if (tournament.cupId) await this.assertOneLeague(em, tournament, teams);
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

  /** A team plays in one league of a cup: entering it in another league's tournament is refused. */
  private async assertOneLeague(em: EntityManager, tournament: Tournament, teams: Team[]): Promise<void> {
    const elsewhere = await em
      .createQueryBuilder(TournamentTeam, 'e')
      .innerJoin(Tournament, 't', 't.id = e.tournament_id')
      .where('t.cup_id = :cupId AND e.team_id IN (:...teamIds)', {
        cupId: tournament.cupId,
        teamIds: teams.map((t) => t.id),
      })
      .andWhere(tournament.leagueId ? '(t.league_id IS NULL OR t.league_id <> :leagueId)' : 't.league_id IS NOT NULL', {
        leagueId: tournament.leagueId,
      })
      .select(['e.team_id AS "teamId"', 't.name AS "tournament"'])
      .getRawMany<{ teamId: string; tournament: string }>();
    if (elsewhere.length) {
      const name = teams.find((t) => t.id === elsewhere[0].teamId)!.name;
      throw DomainError.conflict(
        `teamId: team "${name}" plays in another league of this cup (${elsewhere[0].tournament})`,
      );
    }
  }

  async addAdjudicators(id: string, dto: AdjudicatorsDto): Promise<TournamentView> {
    return this.dataSource.transaction(async (em) => {
      const tournament = await lockTournament(em, id);
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
    const replacement = await this.live.run(async (changes) => {
      const { em } = changes;
      const tournament = await lockTournament(em, id);
      const entry = await em.findOneBy(TournamentTeam, { tournamentId: id, teamId: dto.teamId });
      if (!entry) throw DomainError.notFound('team entry', dto.teamId);
      if (entry.withdrawn) throw DomainError.wrongState('this team has already withdrawn');
      await em.update(TournamentTeam, { tournamentId: id, teamId: dto.teamId }, { withdrawn: true });
      let replacement: string | null = null;
      if (tournament.level === 'national' && tournament.cupId && entry.source.startsWith('region:')) {
        const before = new Set((await em.findBy(TournamentTeam, { tournamentId: id })).map((t) => t.teamId));
        await this.cups.syncNational(em, tournament.cupId, tournament.leagueId);
        const added = (await em.findBy(TournamentTeam, { tournamentId: id, source: entry.source })).find(
          (t) => !before.has(t.teamId),
        );
        replacement = added?.teamId ?? null;
        if (replacement) {
          await em.update(
            TournamentTeam,
            { tournamentId: id, teamId: replacement },
            { regionalPlace: entry.regionalPlace, position: entry.position },
          );
          // syncNational may have just seeded the bracket: read it again.
          const { bracket } = await loadTournament(em, id);
          const swapped = bracket ? replaceTeam(bracket, dto.teamId, replacement) : null;
          if (swapped) {
            await em.update(Tournament, { id }, { bracket: swapped });
            await em
              .createQueryBuilder()
              .update(DebateTeam)
              .set({ teamId: replacement })
              .where(
                `team_id = :old AND debate_id IN (SELECT d.id FROM debates d WHERE d.tournament_id = :id AND d.status = 'pending')`,
                { old: dto.teamId, id },
              )
              .execute();
          } else if (bracket) {
            await this.ballots.forfeitOpenDebates(changes, tournament, dto.teamId);
          }
        }
      } else {
        await this.ballots.forfeitOpenDebates(changes, tournament, dto.teamId);
      }
      await em.insert(TournamentAudit, {
        tournamentId: id,
        actor: `organiser:${organiser.id}`,
        action: 'withdraw',
        subjectId: dto.teamId,
        before: null,
        after: { replacement },
      });
      await changes.record('tournament', id, 'round', { withdrawn: dto.teamId, replacement });
      changes.standingsChanged('tournament', id);
      return replacement;
    });
    return { teamId: dto.teamId, withdrawn: true, replacement };
  }
}
