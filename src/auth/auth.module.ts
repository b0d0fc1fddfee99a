import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ENV } from '../config/env.provider.js';
import type { Env } from '../config/env.js';
import { JudgesModule } from '../judges/judges.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { resolveJwtSecret } from './jwt-secret.js';
import { Organiser } from './organiser.entity.js';
import { OrganisersController } from './organisers.controller.js';
import { OrganisersService } from './organisers.service.js';
import { RolesGuard } from './roles.guard.js';
import { TokenVerifier } from './token-verifier.js';

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
  ],
  controllers: [AuthController, OrganisersController],
  providers: [
    AuthService,
    OrganisersService,
    TokenVerifier,
    LoginThrottle,
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class AuthModule {}
