import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ENV } from '../config/env.provider.js';
import type { Env } from '../config/env.js';
import { JudgesModule } from '../judges/judges.module.js';
import { ActivePrincipals } from './active-principals.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { resolveJwtSecret } from './jwt-secret.js';
import { Organiser } from './organiser.entity.js';
import { RolesGuard } from './roles.guard.js';

interface LoginRequest {
  ip?: string;
  body?: { username?: unknown; accessCode?: unknown; token?: unknown };
}

/** Per account (username or code prefix) from one address: guessing one judge's code is slow. */
function accountTracker(req: LoginRequest): string {
  const account = req.body?.username ?? String(req.body?.accessCode ?? req.body?.token ?? '').slice(0, 5);
  return `${req.ip}|${String(account).toLowerCase()}`;
}

@Module({
  imports: [
    TypeOrmModule.forFeature([Organiser]),
    JudgesModule,
    JwtModule.registerAsync({
      global: true,
      inject: [DataSource, ENV],
      useFactory: async (dataSource: DataSource, env: Env) => ({
        // A KeyObject, not the string: jsonwebtoken otherwise tries (and fails) to parse the secret as a public key
        // on every verify, a thrown exception per request (~0.8 ms each, measured).
        secret: createSecretKey(Buffer.from(await resolveJwtSecret(dataSource, env.jwtSecret))),
        signOptions: { expiresIn: env.jwtTtlSeconds },
      }),
    }),
    ThrottlerModule.forRoot({
      errorMessage: 'too many sign-in attempts: wait a minute and try again',
      throttlers: [
        { name: 'account', ttl: 60_000, limit: 10, getTracker: accountTracker },
        // Codes differ per judge, so also cap one address across accounts.
        { name: 'address', ttl: 60_000, limit: 300 },
      ],
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, ActivePrincipals, { provide: APP_GUARD, useClass: RolesGuard }],
})
export class AuthModule {}
