import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { Roles, type Role } from './roles.decorator.js';

/**
 * A route (or a whole controller) for organisers: a bearer token whose role is listed, documented as such in
 * OpenAPI. `roles` narrows or widens who counts (default: every organiser).
 */
export const OrganiserOnly = (roles: readonly Role[] = ['organiser']) => applyDecorators(Roles(...roles), ApiBearerAuth());
