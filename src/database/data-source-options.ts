import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';

export interface DatabaseTarget {
  url: string;
  /** PGlite serves one connection; a real server gets a pool. */
  embedded: boolean;
}

export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    // A bounded wait for a connection: while the server is down a request fails (503) instead of hanging.
    extra: { max: target.embedded ? 1 : 10, connectionTimeoutMillis: 5_000 },
  };
}
