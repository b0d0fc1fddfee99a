import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { Problem } from './domain-error.js';

// class-validator's own names for the two checks whose names read badly as codes.
const RENAMED: Record<string, string> = { whitelistValidation: 'UNKNOWN_PROPERTY', nestedValidation: 'INVALID_NESTED' };

/** isNotEmpty → IS_NOT_EMPTY: class-validator's constraint names, made stable codes a client can translate. */
export const constraintCode = (constraint: string) =>
  RENAMED[constraint] ?? constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** Every failed constraint, depth first, with its dotted path (members.0.birthDate), as Nest words them. */
export function validationProblems(errors: ValidationError[], parent = ''): Problem[] {
  const out: Problem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, text] of Object.entries(error.constraints ?? {})) {
      out.push({ field, code: constraintCode(constraint), message: parent ? `${parent}.${text}` : text });
    }
    if (error.children?.length) out.push(...validationProblems(error.children, field));
  }
  return out;
}

/** ValidationPipe's exceptionFactory: Nest's `message` list, plus the same problems with field and code. */
export function validationException(errors: ValidationError[]): BadRequestException {
  const problems = validationProblems(errors);
  return new BadRequestException({ message: problems.map((p) => p.message), error: 'Bad Request', problems });
}
