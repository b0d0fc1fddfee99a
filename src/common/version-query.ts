import { type PipeTransform, Query } from '@nestjs/common';
import { DomainError, DomainErrorCode } from './domain-error.js';

/** A required positive-integer query parameter whose 400 names it (Nest's ParseIntPipe names no field). */
export class RequiredIntPipe implements PipeTransform<unknown, number> {
  constructor(private readonly field: string) {}

  transform(value: unknown): number {
    if (value === undefined || value === '') {
      throw DomainError.field(
        DomainErrorCode.InvalidInput,
        this.field,
        'REQUIRED',
        `${this.field} is required: send ?${this.field}=<integer>`,
      );
    }
    // The global ValidationPipe (transform: true) has usually turned "3" into 3 already.
    const number =
      typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(number) || number < 1) {
      throw DomainError.field(
        DomainErrorCode.InvalidInput,
        this.field,
        'IS_INT',
        `${this.field} must be a positive integer`,
      );
    }
    return number;
  }
}

/** `?version=` of an optimistic-locking write: the version the client read. */
export const VersionQuery = () => Query('version', new RequiredIntPipe('version'));
