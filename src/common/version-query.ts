import { type PipeTransform, Query } from '@nestjs/common';
import { DomainError, DomainErrorCode } from './domain-error.js';

/** A required positive-integer query parameter whose 400 names it (Nest's ParseIntPipe names no field). */
export class RequiredIntPipe implements PipeTransform<unknown, number> {
  constructor(private readonly field: string) {}

  transform(value: unknown): number {
    if (value === undefined || value === '') {
      throw DomainError.field(DomainErrorCode.InvalidInput, this.field, 'REQUIRED', `${this.field} is required: send ?${this.field}=<integer>`);
    }
    if (typeof value !== 'string' || !/^\d{1,9}$/.test(value) || Number(value) < 1) {
      throw DomainError.field(DomainErrorCode.InvalidInput, this.field, 'IS_INT', `${this.field} must be a positive integer`);
    }
    return Number(value);
  }
}

/** `?version=` of an optimistic-locking write: the version the client read. */
export const VersionQuery = () => Query('version', new RequiredIntPipe('version'));
