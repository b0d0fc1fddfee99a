import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { ageBandProblems, DEFAULT_AGE_BANDS } from '../engine/age-groups/age-groups.js';
import { seedNationalBracket } from '../engine/elimination/national-seeding.js';
import { createEliminationBracket } from '../engine/elimination/single-elimination.js';
import type { LiveChanges } from '../live/live-changes.js';
import { Cup } from './cup.entity.js';
import { Round } from './round.entity.js';
import { Tournament } from './tournament.entity.js';
import { lockCup, loadQualifiers, qualificationOf } from './tournament-data.js';
import { roomSizeOf } from './tournament-engine.js';
import { TournamentTeam } from './tournament-team.entity.js';
import { CreateCupDto, CreateLeagueDto } from './tournament.dto.js';
import { League } from './league.entity.js';
import type { CupAgeGroupsView, UpdateCupAgeGroupsDto } from './age-groups.dto.js';
import { updateVersioned } from '../common/versioned-update.js';
import { cupView, type CupView } from './tournament-views.js';

/** The AMANAT Cup: regional tournaments feed their top teams into the national bracket. */
@Injectable()
export class CupsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(dto: CreateCupDto): Promise<CupView> {
    const em = this.dataSource.manager;
    const ageBands = dto.ageBands ?? DEFAULT_AGE_BANDS;
    const problems = ageBandProblems(ageBands);
    if (problems.length > 0) throw DomainError.invalid(...problems);
    const cup = await em.save(
      em.create(Cup, {
        name: dto.name.trim(),
        season: dto.season.trim(),
        slotsPerRegion: dto.slotsPerRegion,
        ageBands: ageBands.map(({ from, to }) => ({ from, to })),
        ageReferenceDate: dto.ageReferenceDate ?? new Date().toISOString().slice(0, 10),
      }),
    );
    return cupView(em, cup.id);
  }

  /** New bands or reference date for the cup's age groups; tabs and the organisers' list follow at once. */
  async setAgeGroups(id: string, dto: UpdateCupAgeGroupsDto): Promise<CupAgeGroupsView> {
    const problems = dto.ageBands ? ageBandProblems(dto.ageBands) : [];
    if (problems.length > 0) throw DomainError.invalid(...problems);
    return this.dataSource.transaction(async (em) => {
      if (!(await em.existsBy(Cup, { id }))) throw DomainError.notFound('cup', id);
      await updateVersioned(
        em,
        Cup,
        id,
        dto.version,
        {
          ...(dto.ageBands ? { ageBands: dto.ageBands.map(({ from, to }) => ({ from, to })) } : {}),
          ...(dto.ageReferenceDate ? { ageReferenceDate: dto.ageReferenceDate } : {}),
        },
        `cup ${id}`,
      );
      const cup = (await em.findOneBy(Cup, { id }))!;
      return { cupId: id, ageBands: cup.ageBands, ageReferenceDate: cup.ageReferenceDate, version: cup.version };
    });
  }

  /** Adds a league (its own regional and national tournaments) to the cup. */
  async addLeague(cupId: string, dto: CreateLeagueDto): Promise<CupView> {
    await this.dataSource.transaction(async (em) => {
      const cup = await lockCup(em, cupId);
      if (await em.existsBy(League, { cupId, key: dto.key }))
        throw DomainError.conflict(`key: cup ${cupId} already has a league "${dto.key}"`);
      await em.insert(League, {
        cupId,
        key: dto.key,
        name: dto.name.trim(),
        language: dto.language ?? null,
        qualificationUnit: dto.qualificationUnit ?? 'region',
        placesPerUnit: dto.placesPerUnit ?? cup.slotsPerRegion,
      });
    });
    return cupView(this.dataSource.manager, cupId);
  }

  /** A regional final was decided (in its transaction, the region's row already locked): send its qualifiers on. */
  async regionFinished(changes: LiveChanges, regional: Tournament): Promise<void> {
    if (!regional.cupId || regional.level !== 'regional') return;
    await this.syncNational(changes.em, regional.cupId, regional.leagueId);
    await changes.record('cup', regional.cupId, 'bracket', {
      regionFinished: regional.regionCode,
      cup: await cupView(changes.em, regional.cupId),
    });
  }

  /** A finished region's final result changed: take its qualifiers back out of the national round. */
  async regionReopened(em: EntityManager, regional: Tournament): Promise<void> {
    const cup = await lockCup(em, regional.cupId!);
    const { nationalTournamentId } = await qualificationOf(em, cup, regional.leagueId);
    if (!nationalTournamentId) return;
    await em.delete(TournamentTeam, { tournamentId: nationalTournamentId, source: `region:${regional.id}` });
    await em.update(Tournament, { id: nationalTournamentId }, { bracket: null, breakReport: null, status: 'setup' });
  }

  /** A finished region's result may change only while the national round has not started. */
  async assertRegionMayChange(em: EntityManager, regional: Tournament): Promise<void> {
    const cup = await em.findOneByOrFail(Cup, { id: regional.cupId! });
    const { nationalTournamentId } = await qualificationOf(em, cup, regional.leagueId);
    if (nationalTournamentId && (await em.countBy(Round, { tournamentId: nationalTournamentId })) > 0) {
      throw DomainError.wrongState(
        'the national round has started: this regional result can no longer change the bracket',
      );
    }
  }

  /**
   * Brings the national tournament's entries in line with the finished regions, and seeds its bracket once every
   * regional tournament of the cup is finished.
   */
  async syncNational(em: EntityManager, cupId: string, leagueId: string | null): Promise<void> {
    const cup = await lockCup(em, cupId);
    const { nationalTournamentId } = await qualificationOf(em, cup, leagueId);
    if (!nationalTournamentId) return;
    const national = await em.findOneByOrFail(Tournament, { id: nationalTournamentId });
    // Each league qualifies into its own national round; a cup without leagues is its own single league.
    const regionals = await em.findBy(Tournament, { cupId, level: 'regional', leagueId: leagueId ?? IsNull() });
    const entries = await em.findBy(TournamentTeam, { tournamentId: national.id });
    let position = entries.length;
    for (const regional of regionals) {
      const qualifiers = await loadQualifiers(em, regional, cup);
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
      const teams = await em.find(TournamentTeam, {
        where: { tournamentId: national.id, withdrawn: false },
        relations: { team: true },
      });
      // A cup of one region with one slot sends one team: there is no national bracket to seed.
      if (teams.length < roomSizeOf(national.formatSpec)) return;
      const seeding = seedNationalBracket(
        teams.map((t) => ({ teamId: t.teamId, regionCode: t.team.regionCode, regionalPlace: t.regionalPlace ?? 99 })),
        `${cup.id}:national`,
      );
      await em.update(
        Tournament,
        { id: national.id },
        {
          bracket: createEliminationBracket(seeding.seeds, roomSizeOf(national.formatSpec)),
          breakReport: {
            seeding: 'AMANAT Cup national seeding',
            swaps: seeding.swaps,
            constraintsBroken: seeding.constraintsBroken,
          },
          status: 'elims',
        },
      );
    }
  }
}
