import { DynamicModule, Global, Module } from '@nestjs/common';
import { ENV } from '../config/env.provider.js';
import type { Env } from '../config/env.js';
import { IdempotencyService } from './idempotency.js';

/** What every domain module needs: the validated configuration and idempotent writes. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: CommonModule,
      providers: [{ provide: ENV, useValue: env }, IdempotencyService],
      exports: [ENV, IdempotencyService],
    };
  }
}
