import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import type { OrganiserRole } from './organiser-only.decorator.js';
import type { Principal, TokenClaims } from './principal.js';

/** Stable codes of a refused token (problems[].code of the 401), so a tablet knows to renew or to stop. */
export const TokenProblem = {
  Expired: 'TOKEN_EXPIRED',
  Invalid: 'TOKEN_INVALID',
  /** Signed before the account's credentials changed (re-issued code, password change or reset). */
  Superseded: 'TOKEN_SUPERSEDED',
  JudgeRevoked: 'JUDGE_REVOKED',
  AccountDeactivated: 'ACCOUNT_DEACTIVATED',
} as const;

/**
 * A bearer token is valid when its signature and lifetime are, AND its account still exists, is active (organiser)
 * or not revoked (judge), and has not had its credentials changed since. The last part costs one primary-key read
 * per authenticated request; it is what makes a revocation take effect at once, on every instance.
 */
@Injectable()
export class TokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
  ) {}

  async verify(token: string): Promise<Principal> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw DomainError.unauthenticated(
          'bearer token has expired: sign in again (a judge link renews it)',
          TokenProblem.Expired,
        );
      }
      throw DomainError.unauthenticated('bearer token is invalid: sign in again', TokenProblem.Invalid);
    }
    // A token without an expiry would never die, whoever signed it.
    if (typeof (claims as { exp?: unknown }).exp !== 'number') {
      throw DomainError.unauthenticated('bearer token has no expiry: sign in again', TokenProblem.Invalid);
    }
    const generation = claims.gen ?? 1;
    if (claims.role === 'organiser') {
      const [row] = (await this.dataSource.query(
        'SELECT role, active, token_generation FROM organisers WHERE id = $1',
        [claims.sub],
      )) as { role: OrganiserRole; active: boolean; token_generation: number }[];
      if (!row?.active)
        throw DomainError.unauthenticated('this organiser account is deactivated', TokenProblem.AccountDeactivated);
      if (row.token_generation !== generation) {
        throw DomainError.unauthenticated(
          'this token was signed before a password change: sign in again',
          TokenProblem.Superseded,
        );
      }
      return { role: 'organiser', id: claims.sub, organiserRole: row.role };
    }
    const [row] = (await this.dataSource.query('SELECT credential_generation, revoked_at FROM judges WHERE id = $1', [
      claims.sub,
    ])) as { credential_generation: number; revoked_at: Date | null }[];
    if (!row) throw DomainError.unauthenticated('bearer token is invalid: sign in again', TokenProblem.Invalid);
    if (row.revoked_at)
      throw DomainError.unauthenticated('this judge has been revoked by the organisers', TokenProblem.JudgeRevoked);
    if (row.credential_generation !== generation) {
      throw DomainError.unauthenticated(
        "this judge's access code and link were re-issued: sign in with the new ones",
        TokenProblem.Superseded,
      );
    }
    return { role: 'judge', id: claims.sub };
  }
}
