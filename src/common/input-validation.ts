import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { validationException } from './validation-problems.js';
import { DomainError } from './domain-error.js';

/** PostgreSQL `integer` bounds: every integer column (versions, seqs, offsets…) holds at most this. */
export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
/** Deeper than any DTO of the API (a ballot is 4 levels); deeper bodies are refused before parsing. */
export const MAX_JSON_DEPTH = 32;

const pathOf = (parent: string, key: string | number) => (parent ? `${parent}.${key}` : String(key));

/**
 * Problems PostgreSQL would turn into a 500: NUL characters (text cannot hold them), numbers past an integer
 * column's range, nulls, and nesting past MAX_JSON_DEPTH. Reported with the field's path, as ValidationPipe does.
 */
export function rawInputProblems(value: unknown, root: string): string[] {
  const problems: string[] = [];
  const walk = (v: unknown, path: string, depth: number) => {
    if (problems.length >= 20) return;
    if (depth > MAX_JSON_DEPTH) {
      problems.push(`${path || 'body'} is nested deeper than ${MAX_JSON_DEPTH} levels`);
      return;
    }
    if (v === null && path) {
      // @IsOptional() lets null through, and PATCH would write it into a NOT NULL column: no DTO takes null.
      problems.push(`${path} must not be null (leave the field out instead)`);
    } else if (typeof v === 'string') {
      if (v.includes('\u0000')) problems.push(`${path || 'value'} must not contain NUL (\\u0000) characters`);
    } else if (typeof v === 'number') {
      if (v < INT32_MIN || v > INT32_MAX)
        problems.push(`${path || 'value'} must be between ${INT32_MIN} and ${INT32_MAX}`);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, pathOf(path, i), depth + 1));
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, item] of Object.entries(v)) {
        if (key.includes('\u0000'))
          problems.push(
            `${pathOf(path, key.split('\u0000').join('\\u0000'))}: field names must not contain NUL characters`,
          );
        else walk(item, pathOf(path, key), depth + 1);
      }
    }
  };
  walk(value, root, 0);
  return problems;
}

/** A DTO class, as class-validator keys its rules. */
type DtoClass = abstract new (...args: never[]) => unknown;

type RuleLookup = (
  target: DtoClass,
  schema: string,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => ValidationMetadata[];

/**
 * class-validator finds a class's rules by walking every class it knows, for every object it validates: a ballot (11
 * objects) paid for about 300 classes 22 times a request. The rules are fixed once the DTO modules have loaded, so
 * each lookup is remembered — and forgotten whenever a rule is added.
 */
export function rememberRuleLookups(): void {
  const storage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas: RuleLookup & { remembered?: true };
    addValidationMetadata(metadata: ValidationMetadata): void;
  };
  if (storage.getTargetValidationMetadatas.remembered) return;
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let remembered = new Map<DtoClass, Map<string, ValidationMetadata[]>>();
  const rememberedLookUp: RuleLookup = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let byOptions = remembered.get(target);
    if (!byOptions) remembered.set(target, (byOptions = new Map()));
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage.getTargetValidationMetadatas = Object.assign(rememberedLookUp, { remembered: true as const });
  storage.addValidationMetadata = (metadata) => {
    remembered = new Map();
    add(metadata);
  };
}

/**
 * `@ValidateNested` recurses into arrays, so `members: [[]]` or `criteria: [[]]` used to pass as "no errors"
 * and reach the database as garbage. Every nested DTO value must be an object (each element, for `each`).
 */
export function nestedShapeProblems(instance: object, path = ''): string[] {
  const problems: string[] = [];
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(instance.constructor, '', true, false);
  for (const metadata of metadatas) {
    if (metadata.type !== ValidationTypes.NESTED_VALIDATION) continue;
    const value = (instance as Record<string, unknown>)[metadata.propertyName];
    if (value === undefined || value === null) continue;
    const field = pathOf(path, metadata.propertyName);
    const items: [unknown, string][] =
      metadata.each && Array.isArray(value) ? value.map((item, i) => [item, pathOf(field, i)]) : [[value, field]];
    for (const [item, itemPath] of items) {
      if (typeof item !== 'object' || item === null || Array.isArray(item))
        problems.push(`${itemPath} must be an object`);
      else problems.push(...nestedShapeProblems(item, itemPath));
    }
  }
  return problems;
}

/** A path or query parameter declared `number` (a round's seq, a version): an integer within column range. */
function integerParamProblem(value: unknown, metadata: ArgumentMetadata): string | undefined {
  if (metadata.metatype !== Number || typeof value !== 'string' || !metadata.data) return undefined;
  const ok = /^-?\d{1,10}$/.test(value) && Number(value) >= INT32_MIN && Number(value) <= INT32_MAX;
  return ok ? undefined : `${metadata.data} must be an integer between ${INT32_MIN} and ${INT32_MAX}`;
}

/**
 * The global pipe: ValidationPipe (whitelist, transform), preceded by the checks class-validator does not make
 * and followed by the shape check of nested DTOs. Body, query and path parameters all pass through it.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    rememberRuleLookups();
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: validationException,
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return value;
    const root = metadata.type === 'body' ? '' : (metadata.data ?? '');
    const raw = rawInputProblems(value, root);
    const param = integerParamProblem(value, metadata);
    if (param) raw.push(param);
    if (raw.length) throw DomainError.invalid(...raw);
    const transformed: unknown = await super.transform(value, metadata);
    if (typeof transformed === 'object' && transformed !== null && !Array.isArray(transformed)) {
      // Query strings arrive as text: ranges are checked again once @Type(() => Number) has converted them.
      const problems = [...rawInputProblems({ ...transformed }, root), ...nestedShapeProblems(transformed)];
      if (problems.length) throw DomainError.invalid(...problems);
    }
    return transformed;
  }
}

/**
 * Counts how deep a JSON text nests (outside strings) without parsing it, so a body of 50,000 `[` is refused
 * in one linear scan instead of costing the event loop a parse and a validation walk.
 */
export function jsonDepthExceeds(buf: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export class JsonTooDeepError extends Error {
  readonly type = 'entity.too.deep';
  readonly status = 400;
  constructor() {
    super(`request body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/** express.json() options: a size cap, and the depth check run on the raw bytes before JSON.parse. */
export const JSON_BODY_OPTIONS = {
  limit: '256kb',
  verify: (_req: unknown, _res: unknown, buf: Buffer) => {
    if (jsonDepthExceeds(buf, MAX_JSON_DEPTH)) throw new JsonTooDeepError();
  },
};
