import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from './roles.decorator.js';

export interface Principal {
  role: Role;
  /** Organiser id or judge id. */
  id: string;
}

export interface TokenClaims {
  sub: string;
  role: Role;
}

/** The authenticated caller, set by the RolesGuard. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | undefined =>
    ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal,
);
