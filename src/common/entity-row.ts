import type { EntityManager } from 'typeorm';

/**
 * An entity from its row as `to_jsonb` gives it (column names as keys): hot-path statements written in SQL skip
 * TypeORM's query building and hydration. Timestamps arrive as strings and become Dates, as TypeORM gives them;
 * `date`, jsonb, numbers and booleans stay as they are.
 */
export function entityFromRow<T extends object>(
  em: EntityManager,
  target: new () => T,
  row: Record<string, unknown>,
): T {
  const metadata = em.connection.getMetadata(target);
  const entity = metadata.create() as Record<string, unknown>;
  for (const column of metadata.columns) {
    const value = row[column.databaseName];
    entity[column.propertyName] =
      typeof value === 'string' && (column.type === 'timestamptz' || column.type === 'timestamp')
        ? new Date(value)
        : value;
  }
  return entity as T;
}
