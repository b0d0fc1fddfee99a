import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, DomainErrorCode } from './domain-error.js';

export interface IdempotentRequest {
  /** Who is retrying and what: a key is only unique within its scope. */
  scope: string;
  key: string | undefined;
  body: unknown;
}

export interface IdempotentOutcome<T> {
  value: T;
  /** True when the stored first result was returned and nothing ran. */
  replayed: boolean;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(body ?? null))).digest('hex');
}

export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined || key === '') return undefined;
  if (key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw DomainError.invalid('Idempotency-Key header must be 1–200 printable ASCII characters');
  }
  return key;
}

/**
 * Runs a write in one transaction keyed by the client's Idempotency-Key. The key row is inserted first: a
 * concurrent retry with the same key blocks on that row's unique index until the first commits, then reads
 * the stored result instead of running the work again.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(request: IdempotentRequest, work: (em: EntityManager) => Promise<T>): Promise<IdempotentOutcome<T>> {
    const key = checkIdempotencyKey(request.key);
    if (key === undefined) return { value: await this.dataSource.transaction(work), replayed: false };
    const hash = requestHash(request.body);
    return this.dataSource.transaction(async (em) => {
      const inserted: unknown[] = await em.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
        [request.scope, key, hash],
      );
      if (inserted.length === 0) {
        const [stored] = (await em.query(
          `SELECT request_hash AS "requestHash", response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
          [request.scope, key],
        )) as { requestHash: string; response: T }[];
        if (stored.requestHash !== hash) {
          throw new DomainError(DomainErrorCode.IdempotencyKeyReused, [
            'Idempotency-Key was already used with a different request body',
          ]);
        }
        return { value: stored.response, replayed: true };
      }
      const value = await work(em);
      await em.query(`UPDATE idempotency_keys SET response = $3 WHERE scope = $1 AND key = $2`, [
        request.scope,
        key,
        JSON.stringify(value ?? null),
      ]);
      return { value, replayed: false };
    });
  }
}
