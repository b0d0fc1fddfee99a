import 'reflect-metadata';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, prepareDatabase } from './bootstrap.js';
import { ConfigError, validateEnv } from './config/env.js';

async function main(): Promise<void> {
  const env = validateEnv(process.env);
  const database = await prepareDatabase(env);
  const app = await createApp(env, database.target);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Keep-alive clients would keep this process serving for as long as they send: each answer from now on
    // closes its connection, idle ones close now, and past the deadline every connection is cut.
    const server = app.getHttpServer() as Server;
    server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) =>
      response.setHeader('Connection', 'close'),
    );
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), env.shutdownDeadlineMs).unref();
    setTimeout(() => {
      process.stderr.write(`Orleu: shutdown did not finish within ${env.shutdownDeadlineMs + 5000} ms, exiting\n`);
      process.exit(1);
    }, env.shutdownDeadlineMs + 5000).unref();
    // Nest first, so the pool disconnects from a live server; the embedded engine last, flushing its files.
    void app
      .close()
      .then(() => database.embedded?.stop())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
    process.stdout.write(`Orleu: ${signal} received, shutting down\n`);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen(env.port);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const mode = database.embedded ? `embedded PostgreSQL (PGlite) in ${env.dataDir}` : 'PostgreSQL at DATABASE_URL';
  process.stdout.write(`Orleu listening on http://localhost:${port}/api (docs: /api/docs) using ${mode}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Orleu cannot start: configuration error: ${error.message}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Orleu cannot start: ${message}\n`);
  }
  process.exit(1);
});
