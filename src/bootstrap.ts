import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppModule } from './app.module.js';
import { JSON_BODY_OPTIONS } from './common/input-validation.js';
import { createLog, NestPinoLogger, requestLog } from './common/logging.js';
import type { Env } from './config/env.js';
import type { DatabaseTarget } from './database/data-source-options.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres.js';
import { migrate } from './database/migrate.js';
import { LiveIoAdapter } from './live/live-io.adapter.js';
import { serveClient } from './client-host/serve-client.js';

export interface PreparedDatabase {
  target: DatabaseTarget;
  embedded?: EmbeddedPostgres;
}

/** The embedded engine when no DATABASE_URL is set, then migrations under the advisory lock. */
export async function prepareDatabase(env: Env): Promise<PreparedDatabase> {
  const embedded = env.databaseUrl ? undefined : await startEmbeddedPostgres(env.dataDir);
  const target = { url: env.databaseUrl ?? embedded!.url, embedded: !!embedded };
  try {
    await migrate(target);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { target, embedded };
}

/** Builds the Nest application exactly as production runs it; tests call this too. */
export async function createApp(env: Env, database: DatabaseTarget): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env, database), {
    bufferLogs: true,
  });
  const log = createLog(env.logLevel);
  app.useLogger(new NestPinoLogger(log));
  app.use(requestLog(log));
  app.useBodyParser('json', JSON_BODY_OPTIONS);
  app.disable('x-powered-by');
  // No upgrade-insecure-requests: a venue may serve the app over plain HTTP on its LAN.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // The client is served by this app (same origin); other origins only when configured.
  if (env.corsOrigins.length) app.enableCors({ origin: env.corsOrigins });
  app.useWebSocketAdapter(
    new LiveIoAdapter(app, { databaseUrl: database.embedded ? undefined : database.url, redisUrl: env.redisUrl }),
  );
  app.setGlobalPrefix('api');
  app.set('trust proxy', env.trustProxy);
  mountOpenApi(app);
  serveClient(app);
  return app;
}

function mountOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Orleu API')
    .setDescription(
      'Case championships «Жастар мәселесі жастар көзімен» and AMANAT Cup debate tournaments. ' +
        'Audience GETs are public; organisers and judges send a bearer token.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
