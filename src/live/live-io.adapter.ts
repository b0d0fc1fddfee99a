import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Server, ServerOptions } from 'socket.io';

export interface LiveSharing {
  /** A real PostgreSQL server the instances share (unset on the embedded engine). */
  databaseUrl?: string;
  redisUrl?: string;
}

/**
 * Socket.IO over Nest with an adapter that lets several instances share live traffic: Redis pub/sub when
 * REDIS_URL is set, else LISTEN/NOTIFY on the PostgreSQL server they already use. The embedded engine has no
 * cross-connection NOTIFY, so embedded mode without Redis stays a single instance with the in-memory adapter.
 */
export class LiveIoAdapter extends IoAdapter {
  private pool?: pg.Pool;
  private redis: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly sharing: LiveSharing,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      pingInterval: 10_000,
      pingTimeout: 5_000,
    } as ServerOptions);
    if (this.sharing.redisUrl) {
      if (this.redis.length === 0) {
        const publisher = new Redis(this.sharing.redisUrl, { maxRetriesPerRequest: null });
        this.redis = [publisher, publisher.duplicate()];
        // A dropped connection must not crash the process: ioredis reconnects and the adapter resubscribes.
        for (const client of this.redis) client.on('error', () => undefined);
      }
      server.adapter(createRedisAdapter(this.redis[0], this.redis[1]));
    } else if (this.sharing.databaseUrl) {
      if (!this.pool) {
        this.pool = new pg.Pool({ connectionString: this.sharing.databaseUrl, max: 3, connectionTimeoutMillis: 5_000 });
        // An idle client's error must not crash the process; the adapter reconnects.
        this.pool.on('error', () => undefined);
        // `pool.on('error')` covers idle clients only: the adapter keeps its LISTEN client checked out, and a
        // database restart would emit an unhandled 'error' on it and end the process. Give every client a
        // listener that hands a broken checked-out client back for removal; the adapter reconnects on 'end'.
        this.pool.on('connect', (client) => {
          client.on('error', (error) => {
            try {
              client.release(error);
            } catch {
              // Idle (already released): the pool's own listener removes it.
            }
          });
        });
      }
      server.adapter(createPostgresAdapter(this.pool, { tableName: 'socket_io_attachments' }));
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.pool?.end().catch(() => undefined);
    this.pool = undefined;
    await Promise.all(this.redis.map((client) => client.quit().catch(() => undefined)));
    this.redis = [];
  }
}
