import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { Repository } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { ENV } from '../config/env.provider.js';
import type { Env } from '../config/env.js';
import { JudgesService } from '../judges/judges.service.js';
import type { JudgeLoginDto, LoginResult, OrganiserLoginDto } from './auth.dto.js';
import { Organiser } from './organiser.entity.js';
import type { TokenClaims } from './principal.js';

// Verifying against a real hash when the username is unknown keeps login time from revealing which names exist.
const DUMMY_HASH = argon2.hash('orleu-timing-equaliser');

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuthService');

  constructor(
    @InjectRepository(Organiser) private readonly organisers: Repository<Organiser>,
    private readonly judges: JudgesService,
    private readonly jwt: JwtService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** The first organiser comes from ADMIN_USERNAME / ADMIN_PASSWORD (or a generated password, shown once). */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.organisers.count()) > 0) return;
    let password = this.env.adminPassword;
    if (!password) {
      password = randomBytes(12).toString('base64url');
      // Deliberately outside the structured log: shown once on the console, never stored in clear.
      process.stdout.write(
        `\nOrleu: created organiser "${this.env.adminUsername}" with generated password: ${password}\n` +
          'Set ADMIN_PASSWORD to choose it yourself. It will not be shown again.\n\n',
      );
    }
    await this.organisers
      .createQueryBuilder()
      .insert()
      .values({ username: this.env.adminUsername, passwordHash: await argon2.hash(password) })
      .orIgnore()
      .execute();
    this.logger.log(`organiser "${this.env.adminUsername}" bootstrapped`);
  }

  async loginOrganiser(dto: OrganiserLoginDto): Promise<LoginResult> {
    const organiser = await this.organisers.findOneBy({ username: dto.username });
    const valid = await argon2.verify(organiser?.passwordHash ?? (await DUMMY_HASH), dto.password);
    if (!organiser || !valid) throw DomainError.unauthenticated('username or password is wrong');
    return { accessToken: await this.sign({ sub: organiser.id, role: 'organiser' }), role: 'organiser' };
  }

  async loginJudge(dto: JudgeLoginDto): Promise<LoginResult> {
    const judge = await this.judges.authenticate(dto);
    if (!judge) {
      throw DomainError.unauthenticated(
        dto.token !== undefined ? 'this judge link is not valid' : 'accessCode is not valid',
      );
    }
    return { accessToken: await this.sign({ sub: judge.id, role: 'judge' }), role: 'judge', judgeId: judge.id };
  }

  private sign(claims: TokenClaims): Promise<string> {
    return this.jwt.signAsync(claims);
  }
}
