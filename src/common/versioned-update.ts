import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { DomainError } from './domain-error.js';

/**
 * Optimistic concurrency: `UPDATE … SET …, version = version + 1 WHERE id = $1 AND version = $2`, which must touch
 * exactly one row (TypeORM's @VersionColumn does not guard save/update). A stale version is a 409.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  id: string,
  version: number,
  changes: Record<string, unknown>,
  what: string,
): Promise<void> {
  // The version column is bumped in SQL; the other changes are the caller's own, per entity.
  const set: QueryDeepPartialEntity<ObjectLiteral> = { ...changes, version: () => 'version + 1' };
  const result = await em
    .createQueryBuilder()
    .update(target as EntityTarget<ObjectLiteral>)
    .set(set)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  if (result.affected !== 1) throw DomainError.staleVersion(what, version);
}
