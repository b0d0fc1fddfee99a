import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Server, ServerOptions } from 'socket.io';

/**
 * Socket.IO over Nest with the PostgreSQL adapter when a real server is configured, so several instances share
 * live traffic through the database they already use (LISTEN/NOTIFY). The embedded engine has no cross-connection
 * NOTIFY, so embedded mode stays a single instance with the in-memory adapter.
 */
export class LiveIoAdapter extends IoAdapter {
  private pool?: pg.Pool;

  constructor(
    app: INestApplicationContext,
    private readonly sharedDatabaseUrl: string | undefined,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, pingInterval: 10_000, pingTimeout: 5_000 } as ServerOptions);
    if (this.sharedDatabaseUrl) {
      this.pool ??= new pg.Pool({ connectionString: this.sharedDatabaseUrl, max: 3 });
      // An idle client's error must not crash the process; the adapter reconnects.
      this.pool.on('error', () => undefined);
      server.adapter(createAdapter(this.pool, { tableName: 'socket_io_attachments' }));
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.pool?.end().catch(() => undefined);
    this.pool = undefined;
  }
}
