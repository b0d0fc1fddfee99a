import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { OrganiserRole } from './organiser-only.decorator.js';
import type { Role } from './roles.decorator.js';

export interface Principal {
  role: Role;
  /** Organiser id or judge id. */
  id: string;
  /** An organiser's account role, read from the account on every request (not from the token). */
  organiserRole?: OrganiserRole;
}

export interface TokenClaims {
  sub: string;
  role: Role;
  /** The account's token generation when the token was signed; tokens signed before this field count as 1. */
  gen?: number;
  /** Seconds since the epoch, set by the signer; a token without one is refused. */
  exp?: number;
}

/** The authenticated caller, set by the RolesGuard. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | undefined =>
    ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal,
);
