import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { hashSecret, verifySecret } from './secret-hashing.js';
import { Repository } from 'typeorm';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { ENV } from '../config/env.provider.js';
import type { Env } from '../config/env.js';
import { JudgesService } from '../judges/judges.service.js';
import type { ChangePasswordDto, JudgeLoginDto, LoginResult, OrganiserLoginDto } from './auth.dto.js';
import { Organiser } from './organiser.entity.js';
import type { Principal, TokenClaims } from './principal.js';
import { TokenProblem } from './token-verifier.js';

// Verifying against a real hash when the username is unknown keeps login time from revealing which names exist.
const DUMMY_HASH = hashSecret('orleu-timing-equaliser');

export const generatePassword = () => randomBytes(12).toString('base64url');

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuthService');

  constructor(
    @InjectRepository(Organiser) private readonly organisers: Repository<Organiser>,
    private readonly judges: JudgesService,
    private readonly jwt: JwtService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** The first organiser (an admin) comes from ADMIN_USERNAME / ADMIN_PASSWORD, or a generated password shown once. */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.organisers.count()) > 0) return;
    let password = this.env.adminPassword;
    if (!password) {
      password = generatePassword();
      // Deliberately outside the structured log: a plain line on the console, never stored in clear.
      process.stdout.write(
        `\nOrleu: created organiser "${this.env.adminUsername}" (role admin) with generated password: ${password}\n` +
          'It will not be shown again. Set ADMIN_PASSWORD to choose it yourself; if it is lost, run\n' +
          `  npm run admin -- reset-password ${this.env.adminUsername}\n` +
          'with the same DATABASE_URL / DATA_DIR to print a new one.\n\n',
      );
    }
    await this.organisers
      .createQueryBuilder()
      .insert()
      .values({ username: this.env.adminUsername, passwordHash: await hashSecret(password), role: 'admin' })
      .orIgnore()
      .execute();
    this.logger.log(`organiser "${this.env.adminUsername}" bootstrapped`);
  }

  async loginOrganiser(dto: OrganiserLoginDto): Promise<LoginResult> {
    const organiser = await this.organisers.findOneBy({ username: dto.username });
    const valid = await verifySecret(organiser?.passwordHash ?? (await DUMMY_HASH), dto.password);
    if (!organiser || !valid) throw DomainError.unauthenticated('username or password is wrong', 'BAD_CREDENTIALS');
    if (!organiser.active) {
      throw DomainError.unauthenticated('this organiser account is deactivated', TokenProblem.AccountDeactivated);
    }
    return this.organiserToken(organiser);
  }

  /** Own password; older tokens of the account stop working, the returned one continues the session. */
  async changePassword(who: Principal, dto: ChangePasswordDto): Promise<LoginResult> {
    const organiser = await this.organisers.findOneBy({ id: who.id });
    if (!organiser) throw DomainError.notFound('organiser', who.id);
    if (!(await verifySecret(organiser.passwordHash, dto.currentPassword))) {
      throw DomainError.field(
        DomainErrorCode.InvalidInput,
        'currentPassword',
        'BAD_CREDENTIALS',
        'currentPassword is wrong',
      );
    }
    const passwordHash = await hashSecret(dto.newPassword);
    await this.organisers.update({ id: organiser.id }, { passwordHash, tokenGeneration: () => 'token_generation + 1' });
    return this.organiserToken(await this.organisers.findOneByOrFail({ id: organiser.id }));
  }

  /**
   * An access code or a private-link token. A tablet keeps its link token and calls this again when its bearer
   * token expires (401 TOKEN_EXPIRED): renewal without typing. A revoked judge gets 401 JUDGE_REVOKED.
   */
  async loginJudge(dto: JudgeLoginDto): Promise<LoginResult> {
    const judge = await this.judges.authenticate(dto);
    if (!judge) {
      throw DomainError.unauthenticated(
        dto.token !== undefined ? 'this judge link is not valid' : 'accessCode is not valid',
        'BAD_CREDENTIALS',
      );
    }
    if (judge.revokedAt)
      throw DomainError.unauthenticated('this judge has been revoked by the organisers', TokenProblem.JudgeRevoked);
    const accessToken = await this.sign({ sub: judge.id, role: 'judge', gen: judge.credentialGeneration });
    return { accessToken, role: 'judge', judgeId: judge.id, expiresIn: this.env.jwtTtlSeconds };
  }

  private async organiserToken(organiser: Organiser): Promise<LoginResult> {
    const accessToken = await this.sign({ sub: organiser.id, role: 'organiser', gen: organiser.tokenGeneration });
    return { accessToken, role: 'organiser', organiserRole: organiser.role, expiresIn: this.env.jwtTtlSeconds };
  }

  private sign(claims: TokenClaims): Promise<string> {
    return this.jwt.signAsync(claims);
  }
}
