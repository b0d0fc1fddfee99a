import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, ILike, Repository } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { filters, type Page } from '../common/pagination.dto.js';
import { RegionsService } from '../regions/regions.service.js';
import { registeredAgeGroup } from './age-group.js';
import { YOUTH_AGE_RANGE } from '../engine/age-groups/age-groups.js';
import { CreateTeamDto, TeamMemberDto, TeamQuery, TeamView, UpdateTeamDto } from './team.dto.js';
import { Team, TeamMember } from './team.entity.js';
import { updateVersioned } from '../common/versioned-update.js';

const today = () => new Date().toISOString().slice(0, 10);

export function teamView(team: Team): TeamView {
  return {
    id: team.id,
    name: team.name,
    regionCode: team.regionCode,
    oblastCode: team.oblastCode,
    institution: team.institution,
    rural: team.rural,
    ageGroup: team.ageGroup,
    eventDate: team.eventDate,
    members: [...(team.members ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((m) => ({ id: m.id, fullName: m.fullName, birthDate: m.birthDate, position: m.position })),
    version: team.version,
    createdAt: team.createdAt.toISOString(),
  };
}

@Injectable()
export class TeamsService {
  constructor(
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    private readonly regions: RegionsService,
  ) {}

  async create(dto: CreateTeamDto): Promise<TeamView> {
    const id = await this.teams.manager.transaction((em) => this.insert(em, dto));
    return this.get(id);
  }

  /** Checks (ages, oblast in region, name free in the region) and inserts one team; returns its id. */
  async insert(em: EntityManager, dto: CreateTeamDto): Promise<string> {
    const eventDate = dto.eventDate ?? today();
    const ageGroup = this.ageGroup(dto.members, eventDate);
    await this.regions.assertUnitInRegion(em, dto.regionCode, dto.oblastCode);
    await this.assertNameFree(em, dto.regionCode, dto.name);
    const team = em.create(Team, {
      name: dto.name.trim(),
      regionCode: dto.regionCode,
      oblastCode: dto.oblastCode,
      institution: dto.institution.trim(),
      rural: dto.rural ?? false,
      ageGroup,
      eventDate,
      members: dto.members.map((m, position) => em.create(TeamMember, { ...m, position: position + 1 })),
    });
    return (await em.save(team)).id;
  }

  async get(id: string): Promise<TeamView> {
    const team = await this.teams.findOne({ where: { id }, relations: { members: true } });
    if (!team) throw DomainError.notFound('team', id);
    return teamView(team);
  }

  async list(query: TeamQuery): Promise<Page<TeamView>> {
    // An oblast may be given by code, ISO/KATO code, name or alias («Абайская область»).
    const oblast =
      query.oblastCode === undefined ? undefined : await this.regions.resolveUnit(this.teams.manager, query.oblastCode);
    const [rows, total] = await this.teams.findAndCount({
      where: filters({
        regionCode: query.regionCode,
        ageGroup: query.ageGroup,
        oblastCode: query.oblastCode === undefined ? undefined : (oblast?.code ?? query.oblastCode),
        name: query.search ? ILike(`%${query.search.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
      }),
      relations: { members: true },
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: rows.map(teamView), total };
  }

  async update(id: string, dto: UpdateTeamDto): Promise<TeamView> {
    await this.teams.manager.transaction(async (em) => {
      const team = await em.findOne(Team, { where: { id }, relations: { members: true } });
      if (!team) throw DomainError.notFound('team', id);
      const next = {
        name: dto.name?.trim() ?? team.name,
        regionCode: dto.regionCode ?? team.regionCode,
        oblastCode: dto.oblastCode ?? team.oblastCode,
        institution: dto.institution?.trim() ?? team.institution,
        rural: dto.rural ?? team.rural,
        eventDate: dto.eventDate ?? team.eventDate,
      };
      if (dto.regionCode !== undefined || dto.oblastCode !== undefined) {
        await this.regions.assertUnitInRegion(em, next.regionCode, next.oblastCode);
      }
      if (next.name !== team.name || next.regionCode !== team.regionCode) {
        await this.assertNameFree(em, next.regionCode, next.name, id);
      }
      const members = dto.members ?? team.members.sort((a, b) => a.position - b.position);
      const ageGroup = this.ageGroup(members, next.eventDate);
      await updateVersioned(em, Team, id, dto.version, { ...next, ageGroup, updatedAt: () => 'now()' }, `team ${id}`);
      if (dto.members) {
        await em.delete(TeamMember, { teamId: id });
        await em.insert(
          TeamMember,
          dto.members.map((m, i) => ({ teamId: id, fullName: m.fullName, birthDate: m.birthDate, position: i + 1 })),
        );
      }
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const result = await this.teams.delete({ id });
    if (result.affected !== 1) throw DomainError.notFound('team', id);
  }

  private ageGroup(members: Pick<TeamMemberDto, 'birthDate'>[], eventDate: string) {
    const { ageGroup, problems } = registeredAgeGroup(
      members.map((m) => m.birthDate),
      eventDate,
    );
    if (problems.length > 0) {
      throw DomainError.invalid(
        ...problems.map(
          (p) =>
            `members.${p.index}.birthDate gives age ${p.age} on ${eventDate}: participants must be ${YOUTH_AGE_RANGE.min}–${YOUTH_AGE_RANGE.max}`,
        ),
      );
    }
    return ageGroup;
  }

  private async assertNameFree(em: EntityManager, regionCode: string, name: string, exceptId?: string) {
    const existing = await em.findOneBy(Team, { regionCode, name: name.trim() });
    if (existing && existing.id !== exceptId) {
      throw DomainError.conflict(`name: a team called "${name.trim()}" is already registered in ${regionCode}`);
    }
  }
}
