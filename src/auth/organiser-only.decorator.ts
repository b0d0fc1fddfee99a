import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse } from '@nestjs/swagger';
import { Roles } from './roles.decorator.js';

export const ORGANISER_ROLES = ['admin', 'tab', 'desk'] as const;
export type OrganiserRole = (typeof ORGANISER_ROLES)[number];
export const ORGANISER_ROLES_KEY = 'orleu:organiser-roles';

/**
 * An organiser route. With roles, only those accounts (and `admin`, who may do everything) pass; with none, any
 * organiser does. A bare `@Roles('organiser')` without this decorator admits `admin` and `tab` only, so a route
 * nobody classified is never open to the registration desk.
 */
export const OrganiserOnly = (...roles: OrganiserRole[]) =>
  applyDecorators(
    Roles('organiser'),
    SetMetadata(ORGANISER_ROLES_KEY, roles.length ? roles : [...ORGANISER_ROLES]),
    ApiBearerAuth(),
    ApiForbiddenResponse({
      description: roles.length
        ? `for organiser accounts with role ${['admin', ...roles].join(' or ')}`
        : 'for organisers',
    }),
  );
