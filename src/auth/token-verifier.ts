import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import DataLoader from 'dataloader';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface OrganiserState {
  role: OrganiserRole;
  active: boolean;
  token_generation: number;
}

interface JudgeState {
  credential_generation: number;
  revoked_at: Date | null;
}

/**
 * Accounts read by id, the requests of one turn of the event loop in one statement (a venue's judges submit in
 * bursts: one read for the burst, not one each). Never cached: every request reads the account as it is now.
 */
function accountLoader<T>(dataSource: DataSource, sql: string): DataLoader<string, T | undefined> {
  return new DataLoader<string, T | undefined>(
    async (ids) => {
      // One malformed id must not fail the others' statement (ids come from our own signed tokens, but still).
      const rows = (await dataSource.query(sql, [ids.filter((id) => UUID.test(id))])) as (T & { id: string })[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    },
    { cache: false, batchScheduleFn: (run) => setImmediate(run) },
  );
}

/** Tokens whose signature has been checked, with their claims: a judge's phone sends the same token all day. */
export const VERIFIED_TOKENS = 20_000;

/**
 * A bearer token is valid when its signature and lifetime are, AND its account still exists, is active (organiser)
 * or not revoked (judge), and has not had its credentials changed since. The last part is a primary-key read per
 * authenticated request (batched with the others of the moment); it is what makes a revocation take effect at once,
 * on every instance.
 */
@Injectable()
export class TokenVerifier {
  private readonly organisers: DataLoader<string, OrganiserState | undefined>;
  private readonly judges: DataLoader<string, JudgeState | undefined>;
  /**
   * Signature checks already passed, by the exact token string (insertion order: the oldest goes first when full).
   * A signature cannot stop being valid, so only the expiry is checked again; the account is still read each time.
   */
  private readonly signed = new Map<string, { claims: TokenClaims; exp: number }>();

  constructor(
    private readonly jwt: JwtService,
    dataSource: DataSource,
  ) {
    this.organisers = accountLoader(
      dataSource,
      'SELECT id, role, active, token_generation FROM organisers WHERE id = ANY($1::uuid[])',
    );
    this.judges = accountLoader(
      dataSource,
      'SELECT id, credential_generation, revoked_at FROM judges WHERE id = ANY($1::uuid[])',
    );
  }

  async verify(token: string): Promise<Principal> {
    const claims = await this.signedClaims(token);
    const generation = claims.gen ?? 1;
    if (claims.role === 'organiser') {
      const row = await this.organisers.load(claims.sub);
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
    const row = await this.judges.load(claims.sub);
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

  private async signedClaims(token: string): Promise<TokenClaims> {
    const known = this.signed.get(token);
    if (known) {
      // The same test jsonwebtoken makes: expired from the second `exp` names.
      if (Math.floor(Date.now() / 1000) < known.exp) return known.claims;
      this.signed.delete(token);
      throw expired();
    }
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch (error) {
      if (error instanceof TokenExpiredError) throw expired();
      throw DomainError.unauthenticated('bearer token is invalid: sign in again', TokenProblem.Invalid);
    }
    // A token without an expiry would never die, whoever signed it.
    const exp = claims.exp;
    if (typeof exp !== 'number') {
      throw DomainError.unauthenticated('bearer token has no expiry: sign in again', TokenProblem.Invalid);
    }
    if (this.signed.size >= VERIFIED_TOKENS) this.signed.delete(this.signed.keys().next().value!);
    this.signed.set(token, { claims, exp });
    return claims;
  }
}

const expired = () =>
  DomainError.unauthenticated('bearer token has expired: sign in again (a judge link renews it)', TokenProblem.Expired);
