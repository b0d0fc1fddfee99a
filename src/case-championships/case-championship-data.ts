import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { CaseChampionship } from './case-championship.entity.js';
import { CaseRoomTeam } from './case-room-team.entity.js';

/** The championship, locked for update: every change to its set-up, stage or results takes this row first. */
export async function lockChampionship(em: EntityManager, id: string): Promise<CaseChampionship> {
  const championship = await em
    .createQueryBuilder(CaseChampionship, 'c')
    .setLock('pessimistic_write')
    .where('c.id = :id', { id })
    .getOne();
  if (!championship) throw DomainError.notFound('case championship', id);
  return championship;
}

/** Room number of every team seated in a qualifying room. */
export async function loadRoomOf(em: EntityManager, championshipId: string): Promise<Map<string, number>> {
  const rows = await em.find(CaseRoomTeam, { where: { championshipId }, relations: { room: true } });
  return new Map(rows.map((r) => [r.teamId, r.room.number]));
}
