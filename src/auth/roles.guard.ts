import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/domain-error.js';
import { ORGANISER_ROLES_KEY, type OrganiserRole } from './organiser-only.decorator.js';
import type { Principal } from './principal.js';
import { PUBLIC_KEY, Role, ROLES_KEY } from './roles.decorator.js';
import { TokenVerifier } from './token-verifier.js';

interface GuardedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/** Routes marked only `@Roles('organiser')` (not yet classified with OrganiserOnly) are for these accounts. */
const UNCLASSIFIED_ORGANISER_ROUTE: OrganiserRole[] = ['admin', 'tab'];

/** Global guard: audiences read, organisers and judges write what their role allows. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
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
    if (principal.role === 'organiser' && principal.organiserRole !== 'admin') {
      const allowed =
        this.reflector.getAllAndOverride<OrganiserRole[] | undefined>(ORGANISER_ROLES_KEY, targets) ??
        UNCLASSIFIED_ORGANISER_ROUTE;
      if (!principal.organiserRole || !allowed.includes(principal.organiserRole)) {
        const who = [...new Set<OrganiserRole>(['admin', ...allowed])].join(', ');
        throw DomainError.forbidden(
          `this route is for organiser accounts with role ${who}; yours is ${principal.organiserRole}`,
          'ROLE_FORBIDDEN',
        );
      }
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
    try {
      return await this.tokens.verify(match[1]);
    } catch (error) {
      // An audience GET with a stale token still reads as the audience.
      if (required) throw error;
      return undefined;
    }
  }
}
