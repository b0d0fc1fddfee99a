import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../common/domain-error.js';
import { ActivePrincipals } from './active-principals.js';
import type { Principal, TokenClaims } from './principal.js';
import { PUBLIC_KEY, Role, ROLES_KEY } from './roles.decorator.js';

interface GuardedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/** Global guard: audiences read, organisers and judges write what their role allows. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly principals: ActivePrincipals,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets);
    const principal = await this.authenticate(request, roles !== undefined);
    if (principal) request.principal = principal;
    if (roles === undefined) {
      if (isPublic || request.method === 'GET' || request.method === 'HEAD') return true;
      throw DomainError.unauthenticated('this route needs an organiser or judge token');
    }
    if (!principal) throw DomainError.unauthenticated('missing bearer token: send Authorization: Bearer <token>');
    if (!roles.includes(principal.role)) {
      throw DomainError.forbidden(`this route is for ${roles.join(' or ')}s; you are signed in as a ${principal.role}`);
    }
    return true;
  }

  private async authenticate(request: GuardedRequest, required: boolean): Promise<Principal | undefined> {
    const header = request.headers.authorization;
    if (typeof header !== 'string' || header === '') return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      if (required) throw DomainError.unauthenticated('Authorization header must be "Bearer <token>"');
      return undefined;
    }
    let claims: (TokenClaims & { exp?: unknown }) | undefined;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & { exp?: unknown }>(match[1]);
    } catch {
      claims = undefined;
    }
    // A token without an expiry would never die; one naming a deleted principal must not outlive it.
    if (!claims || typeof claims.exp !== 'number' || !(await this.principals.exists(claims))) {
      if (required) throw DomainError.unauthenticated('bearer token is invalid or expired: sign in again');
      return undefined;
    }
    return { role: claims.role, id: claims.sub };
  }
}
