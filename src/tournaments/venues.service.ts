import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { pageOfAll } from '../common/pagination.dto.js';
import { Debate } from './debate.entity.js';
import { lockTournament, loadTournament } from './tournament-data.js';
import { Venue } from './venue.entity.js';
import type { CreateVenueDto, UpdateVenueDto, VenuePage, VenueRemovedView, VenueView } from './venues.dto.js';

const view = (v: Venue): VenueView => ({
  id: v.id,
  tournamentId: v.tournamentId,
  name: v.name,
  priority: v.priority,
  active: v.active,
  version: v.version,
});

/** A tournament's named venues; the draw hands them out by priority (see assignVenues). */
@Injectable()
export class VenuesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(tournamentId: string): Promise<VenuePage> {
    const em = this.dataSource.manager;
    await loadTournament(em, tournamentId);
    const rows = await em.find(Venue, { where: { tournamentId }, order: { priority: 'DESC', name: 'ASC' } });
    return pageOfAll(rows.map(view));
  }

  async create(tournamentId: string, dto: CreateVenueDto): Promise<VenueView> {
    return this.dataSource.transaction(async (em) => {
      await lockTournament(em, tournamentId);
      const name = dto.name.trim();
      await this.assertNameFree(em, tournamentId, name, null);
      const saved = await em.save(em.create(Venue, { tournamentId, name, priority: dto.priority ?? 0 }));
      return view(saved);
    });
  }

  async update(tournamentId: string, id: string, dto: UpdateVenueDto): Promise<VenueView> {
    return this.dataSource.transaction(async (em) => {
      await lockTournament(em, tournamentId);
      const venue = await this.find(em, tournamentId, id);
      const name = dto.name?.trim() ?? venue.name;
      if (name !== venue.name) await this.assertNameFree(em, tournamentId, name, id);
      await em.update(
        Venue,
        { id },
        {
          name,
          priority: dto.priority ?? venue.priority,
          active: dto.active ?? venue.active,
          version: venue.version + 1,
        },
      );
      return view(await this.find(em, tournamentId, id));
    });
  }

  /** Gone while no debate used it; after that 409: deactivate it instead (the debates keep their venue). */
  async remove(tournamentId: string, id: string): Promise<VenueRemovedView> {
    return this.dataSource.transaction(async (em) => {
      await lockTournament(em, tournamentId);
      await this.find(em, tournamentId, id);
      const used = await em.countBy(Debate, { venueId: id });
      if (used > 0)
        throw DomainError.field(
          DomainErrorCode.Conflict,
          'venueId',
          'VENUE_IN_USE',
          `venueId: ${used} debate(s) took place in this venue: deactivate it instead (PATCH { active: false })`,
        );
      await em.delete(Venue, { id });
      return { id, removed: true };
    });
  }

  private async find(em: EntityManager, tournamentId: string, id: string): Promise<Venue> {
    const venue = await em.findOneBy(Venue, { id, tournamentId });
    if (!venue) throw DomainError.notFound('venue of this tournament', id);
    return venue;
  }

  private async assertNameFree(em: EntityManager, tournamentId: string, name: string, except: string | null) {
    const other = await em.findOneBy(Venue, { tournamentId, name });
    if (other && other.id !== except)
      throw DomainError.field(
        DomainErrorCode.Conflict,
        'name',
        'VENUE_NAME_TAKEN',
        `name: this tournament already has a venue called "${name}"`,
      );
  }
}
