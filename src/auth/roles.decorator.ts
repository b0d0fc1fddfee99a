import { SetMetadata } from '@nestjs/common';

export type Role = 'organiser' | 'judge';
export const ROLES_KEY = 'orleu:roles';
export const PUBLIC_KEY = 'orleu:public';

/** Who may call a route; without it a GET is public (audience) and any other method is refused. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A write open to anyone (login). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
