import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { hashSecret } from './secret-hashing.js';
import { Repository } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { pageOfAll } from '../common/pagination.dto.js';
import type { CreatedOrganiserView, CreateOrganiserDto, OrganiserPage, OrganiserView } from './auth.dto.js';
import { generatePassword } from './auth.service.js';
import { Organiser } from './organiser.entity.js';
import type { Principal } from './principal.js';

const view = (o: Organiser): OrganiserView => ({
  id: o.id,
  username: o.username,
  role: o.role,
  active: o.active,
  createdAt: o.createdAt.toISOString(),
});

/** Organiser accounts, managed by admins. */
@Injectable()
export class OrganisersService {
  constructor(@InjectRepository(Organiser) private readonly organisers: Repository<Organiser>) {}

  async create(dto: CreateOrganiserDto): Promise<CreatedOrganiserView> {
    if (await this.organisers.existsBy({ username: dto.username })) {
      throw DomainError.conflict(`username: an organiser called "${dto.username}" already exists`);
    }
    const password = dto.password ?? generatePassword();
    const saved = await this.organisers.save(
      this.organisers.create({ username: dto.username, role: dto.role, passwordHash: await hashSecret(password) }),
    );
    return dto.password ? view(saved) : { ...view(saved), password };
  }

  async list(): Promise<OrganiserPage> {
    const rows = await this.organisers.find({ order: { username: 'ASC' } });
    return pageOfAll(rows.map(view));
  }

  /** The account can no longer sign in and its tokens are refused from the next request on. */
  async deactivate(id: string, who: Principal): Promise<OrganiserView> {
    if (id === who.id) throw DomainError.wrongState('you cannot deactivate your own account');
    await this.organisers.manager.transaction(async (em) => {
      const organiser = await em.findOne(Organiser, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organiser) throw DomainError.notFound('organiser', id);
      await em.update(Organiser, { id }, { active: false, tokenGeneration: () => 'token_generation + 1' });
    });
    return view(await this.organisers.findOneByOrFail({ id }));
  }

  async activate(id: string): Promise<OrganiserView> {
    const result = await this.organisers.update({ id }, { active: true });
    if (result.affected !== 1) throw DomainError.notFound('organiser', id);
    return view(await this.organisers.findOneByOrFail({ id }));
  }
}
