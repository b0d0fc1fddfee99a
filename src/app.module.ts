import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module.js';
import { CaseChampionshipsModule } from './case-championships/case-championships.module.js';
import { CommonModule } from './common/common.module.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { IdempotencyInterceptor } from './common/idempotency.interceptor.js';
import { InputValidationPipe } from './common/input-validation.js';
import type { Env } from './config/env.js';
import { DatabaseTarget, dataSourceOptions } from './database/data-source-options.js';
import { FormatsModule } from './formats/formats.module.js';
import { HealthController } from './health/health.controller.js';
import { LiveModule } from './live/live.module.js';
import { JudgesModule } from './judges/judges.module.js';
import { MentorsModule } from './mentors/mentors.module.js';
import { JudgeWorkModule } from './judge-work/judge-work.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { RegionsModule } from './regions/regions.module.js';
import { TeamsModule } from './teams/teams.module.js';
import { TournamentsModule } from './tournaments/tournaments.module.js';

@Module({})
export class AppModule {
  static forRoot(env: Env, database: DatabaseTarget): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ orleu: env })] }),
        TypeOrmModule.forRoot(dataSourceOptions(database)),
        CommonModule.forRoot(env),
        LiveModule,
        PrivacyModule,
        RegionsModule,
        FormatsModule,
        TeamsModule,
        JudgesModule,
        MentorsModule,
        AuthModule,
        CaseChampionshipsModule,
        TournamentsModule,
        JudgeWorkModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
