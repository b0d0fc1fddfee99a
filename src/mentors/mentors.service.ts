import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, ILike, In } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { Judge } from '../judges/judge.entity.js';
import { RegionsService } from '../regions/regions.service.js';
import { Team } from '../teams/team.entity.js';
import { CreateMentorDto, MentorPage, MentorQuery, MentorView } from './mentor.dto.js';
import { Mentor } from './mentor.entity.js';

/** The programme's mentor pool: who mentors which teams, so a mentor who judges never scores their own teams. */
@Injectable()
export class MentorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
  ) {}

  async create(dto: CreateMentorDto): Promise<MentorView> {
    return this.dataSource.transaction(async (em) => {
      await this.regions.assertRegion(em, dto.regionCode);
      if (dto.judgeId && !(await em.existsBy(Judge, { id: dto.judgeId })))
        throw DomainError.notFound('judge', dto.judgeId);
      const fullName = dto.fullName.trim();
      if (await em.existsBy(Mentor, { regionCode: dto.regionCode, fullName })) {
        throw DomainError.conflict(`fullName: a mentor "${fullName}" is already registered in ${dto.regionCode}`);
      }
      const mentor = await em.save(
        em.create(Mentor, { fullName, regionCode: dto.regionCode, judgeId: dto.judgeId ?? null }),
      );
      return this.view(em, mentor);
    });
  }

  async list(query: MentorQuery): Promise<MentorPage> {
    const em = this.dataSource.manager;
    const where = {
      ...(query.regionCode ? { regionCode: query.regionCode } : {}),
      // ILike with the user's text escaped: % and _ are literal in a name search.
      ...(query.search ? { fullName: ILike(`%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) } : {}),
    };
    const [rows, total] = await em.findAndCount(Mentor, {
      where,
      order: { fullName: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    const teams = rows.length
      ? await em.find(Team, { where: { mentorId: In(rows.map((m) => m.id)) }, order: { name: 'ASC' } })
      : [];
    return {
      items: rows.map((m) =>
        this.shape(
          m,
          teams.filter((t) => t.mentorId === m.id),
        ),
      ),
      total,
    };
  }

  async get(id: string): Promise<MentorView> {
    const em = this.dataSource.manager;
    return this.view(em, await this.load(em, id));
  }

  /** Records the team's mentor (a team has one; assigning another mentor replaces the first). */
  async assign(id: string, teamId: string): Promise<MentorView> {
    return this.dataSource.transaction(async (em) => {
      const mentor = await this.load(em, id);
      const result = await em.update(Team, { id: teamId }, { mentorId: mentor.id });
      if (!result.affected) throw DomainError.notFound('team', teamId);
      return this.view(em, mentor);
    });
  }

  async unassign(id: string, teamId: string): Promise<MentorView> {
    return this.dataSource.transaction(async (em) => {
      const mentor = await this.load(em, id);
      const result = await em.update(Team, { id: teamId, mentorId: mentor.id }, { mentorId: null });
      if (!result.affected) throw DomainError.notFound('team of this mentor', teamId);
      return this.view(em, mentor);
    });
  }

  private async load(em: EntityManager, id: string): Promise<Mentor> {
    const mentor = await em.findOneBy(Mentor, { id });
    if (!mentor) throw DomainError.notFound('mentor', id);
    return mentor;
  }

  private async view(em: EntityManager, mentor: Mentor): Promise<MentorView> {
    return this.shape(mentor, await em.find(Team, { where: { mentorId: mentor.id }, order: { name: 'ASC' } }));
  }

  private shape(mentor: Mentor, teams: Team[]): MentorView {
    return {
      id: mentor.id,
      fullName: mentor.fullName,
      regionCode: mentor.regionCode,
      judgeId: mentor.judgeId,
      teams: teams.map((t) => ({ teamId: t.id, teamName: t.name, regionCode: t.regionCode, oblastCode: t.oblastCode })),
    };
  }
}
