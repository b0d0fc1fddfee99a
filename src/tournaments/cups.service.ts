import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { LivePublisher } from '../live/live-publisher.js';
import { LiveSnapshots } from '../live/live-snapshots.js';
import { MacroRegion } from '../regions/region.entity.js';
import { Team } from '../teams/team.entity.js';
import { CreateCupDto } from './tournament.dto.js';
import { Cup, Round, Tournament, TournamentTeam } from './tournament.entity.js';
import { newBracket, seedNational, specOf } from './tournament-engine.js';

export interface CupView {
  id: string;
  name: string;
  season: string;
  slotsPerRegion: number;
  regions: { code: string; tournamentId: string | null; status: string; qualifiers: string[] }[];
  national: { tournamentId: string | null; status: string; champion?: string };
  version: number;
}

/** The AMANAT Cup: regional tournaments feed their top teams into the national bracket. */
@Injectable()
export class CupsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LivePublisher,
    private readonly snapshots: LiveSnapshots,
  ) {}

  onModuleInit(): void {
    this.snapshots.register('cup', { snapshot: async (em, id) => ({ cup: await this.view(em, id) }) });
  }

  async create(dto: CreateCupDto): Promise<CupView> {
    const cup = await this.dataSource.manager.save(
      this.dataSource.manager.create(Cup, { name: dto.name.trim(), season: dto.season.trim(), slotsPerRegion: dto.slotsPerRegion }),
    );
    return this.view(this.dataSource.manager, cup.id);
  }

  get(id: string): Promise<CupView> {
    return this.view(this.dataSource.manager, id);
  }

  async list(): Promise<CupView[]> {
    const cups = await this.dataSource.manager.find(Cup, { order: { createdAt: 'DESC' } });
    return Promise.all(cups.map((c) => this.view(this.dataSource.manager, c.id)));
  }

  /** The qualifying teams of a finished regional tournament: its top `slotsPerRegion` finishers. */
  async qualifiersOf(em: EntityManager, tournament: Tournament, cup: Cup): Promise<string[]> {
    if (tournament.status !== 'finished' || !tournament.finalPlaces) return [];
    // A team that withdrew from the national round hands its place to the next finisher of its region.
    const withdrawn = new Set(
      cup.nationalTournamentId
        ? (await em.findBy(TournamentTeam, { tournamentId: cup.nationalTournamentId, withdrawn: true })).map((t) => t.teamId)
        : [],
    );
    return tournament.finalPlaces.filter((t) => !withdrawn.has(t)).slice(0, cup.slotsPerRegion);
  }

  /** Called in the transaction that confirms a regional final. */
  async tournamentFinished(em: EntityManager, tournamentId: string): Promise<string[]> {
    const tournament = await em.findOneByOrFail(Tournament, { id: tournamentId });
    if (!tournament.cupId || tournament.level !== 'regional') return [];
    await this.syncNational(em, tournament.cupId);
    return [await this.live.record(em, 'cup', tournament.cupId, 'bracket', { regionFinished: tournament.regionCode, cup: await this.view(em, tournament.cupId) })];
  }

  async tournamentReopened(em: EntityManager, tournamentId: string): Promise<void> {
    const tournament = await em.findOneByOrFail(Tournament, { id: tournamentId });
    const cup = await em.findOneByOrFail(Cup, { id: tournament.cupId! });
    if (!cup.nationalTournamentId) return;
    await em.delete(TournamentTeam, { tournamentId: cup.nationalTournamentId, source: `region:${tournamentId}` });
    await em.update(Tournament, { id: cup.nationalTournamentId }, { bracket: null, breakReport: null, status: 'setup' } as never);
  }

  /** A finished region's result may change only while the national round has not started. */
  async assertRegionMayChange(em: EntityManager, regional: Tournament): Promise<void> {
    const cup = await em.findOneByOrFail(Cup, { id: regional.cupId! });
    if (cup.nationalTournamentId && (await em.countBy(Round, { tournamentId: cup.nationalTournamentId })) > 0) {
      throw DomainError.wrongState('the national round has started: this regional result can no longer change the bracket');
    }
  }

  /**
   * Brings the national tournament's entries in line with the finished regions, and seeds its bracket once every
   * regional tournament of the cup is finished.
   */
  async syncNational(em: EntityManager, cupId: string): Promise<void> {
    const cup = await em
      .createQueryBuilder(Cup, 'c')
      .setLock('pessimistic_write')
      .where('c.id = :cupId', { cupId })
      .getOneOrFail();
    if (!cup.nationalTournamentId) return;
    const national = await em.findOneByOrFail(Tournament, { id: cup.nationalTournamentId });
    const regionals = await em.findBy(Tournament, { cupId, level: 'regional' });
    const entries = await em.findBy(TournamentTeam, { tournamentId: national.id });
    let position = entries.length;
    for (const regional of regionals) {
      const qualifiers = await this.qualifiersOf(em, regional, cup);
      for (const [place, teamId] of qualifiers.entries()) {
        if (entries.some((e) => e.teamId === teamId)) continue;
        await em.insert(TournamentTeam, {
          tournamentId: national.id,
          teamId,
          position: ++position,
          source: `region:${regional.id}`,
          regionalPlace: place + 1,
        });
      }
    }
    const allIn = regionals.length > 0 && regionals.every((r) => r.status === 'finished');
    if (allIn && !national.bracket && national.prelimRounds === 0) {
      const teams = await em.find(TournamentTeam, { where: { tournamentId: national.id, withdrawn: false }, relations: { team: true } });
      const seeds = seedNational(
        teams.map((t) => ({ teamId: t.teamId, regionCode: t.team.regionCode, regionalPlace: t.regionalPlace ?? 99 })),
        `${cup.id}:national`,
      );
      await em.update(Tournament, { id: national.id }, {
        bracket: newBracket(seeds.seeds, specOf(national)) as never,
        breakReport: { seeding: 'AMANAT Cup national seeding', ...seeds.report } as never,
        status: 'elims',
      });
    }
  }

  async view(em: EntityManager, id: string): Promise<CupView> {
    const cup = await em.findOneBy(Cup, { id });
    if (!cup) throw DomainError.notFound('cup', id);
    const regions = await em.find(MacroRegion, { order: { position: 'ASC' } });
    const tournaments = await em.findBy(Tournament, { cupId: id });
    const national = tournaments.find((t) => t.id === cup.nationalTournamentId) ?? null;
    const regionRows = await Promise.all(
      regions.map(async (region) => {
        const tournament = tournaments.find((t) => t.level === 'regional' && t.regionCode === region.code);
        return {
          code: region.code,
          tournamentId: tournament?.id ?? null,
          status: tournament ? tournament.status : 'not-created',
          qualifiers: tournament ? await this.qualifiersOf(em, tournament, cup) : [],
        };
      }),
    );
    const championTeam = national?.championTeamId ? await em.findOneBy(Team, { id: national.championTeamId }) : null;
    return {
      id: cup.id,
      name: cup.name,
      season: cup.season,
      slotsPerRegion: cup.slotsPerRegion,
      regions: regionRows,
      national: {
        tournamentId: national?.id ?? null,
        status: national ? national.status : 'not-created',
        ...(championTeam ? { champion: championTeam.id } : {}),
      },
      version: cup.version,
    };
  }
}
