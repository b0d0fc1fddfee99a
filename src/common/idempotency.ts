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

/** A key is kept this long, then expires: a retry after it runs the request again. */
export const KEY_TTL_SECONDS = 24 * 3600;
/**
 * A key claimed by a request that never stored its answer (the process died) is taken over after this: the
 * retry runs instead of answering "still being processed" for ever.
 */
export const PENDING_LEASE_SECONDS = 60;

/** Fields that carry a credential: such a request or answer is never kept in `idempotency_keys`. */
const CREDENTIAL_FIELDS = new Set(['password', 'accessCode', 'accessToken', 'token', 'link', 'linkToken']);

export function carriesCredential(value: unknown, depth = 0): boolean {
  if (depth > 8 || !value || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => carriesCredential(v, depth + 1));
  return Object.entries(value).some(
    ([k, v]) => (CREDENTIAL_FIELDS.has(k) && v != null) || carriesCredential(v, depth + 1),
  );
}

/** The same answer with its credentials removed: what a replay may describe. */
export function withoutCredentials(value: unknown, depth = 0): unknown {
  if (depth > 8 || !value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => withoutCredentials(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !CREDENTIAL_FIELDS.has(k))
      .map(([k, v]) => [k, withoutCredentials(v, depth + 1)]),
  );
}

/**
 * Claims keys: inserts each (scope, key, request_hash) row of `rows`, or takes over a row that expired; RETURNING a
 * row means the caller owns it. `$4` is the pending lease in seconds.
 */
export const claimSql = (rows: string) => `INSERT INTO idempotency_keys (scope, key, request_hash) ${rows}
  ON CONFLICT (scope, key) DO UPDATE
    SET request_hash = EXCLUDED.request_hash, response = NULL, status_code = NULL, credentials_withheld = false, created_at = now()
    WHERE idempotency_keys.created_at < now() - make_interval(secs => ${KEY_TTL_SECONDS})
       OR (idempotency_keys.status_code IS NULL AND idempotency_keys.created_at < now() - make_interval(secs => $4::int))
  RETURNING scope, key`;

/** Claims one (scope, key) = ($1, $2) with request hash $3. */
export const CLAIM_SQL = claimSql('VALUES ($1, $2, $3)');

/** Claims many keys, in (scope, key) order — the order every writer claims in; parameters from `claimManyParams`. */
export const CLAIM_MANY_SQL = claimSql('SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ORDER BY 1, 2');

/** The keyed requests' scopes, keys and body hashes for `CLAIM_MANY_SQL`, kept with their write (no lease). */
export const claimManyParams = (keyed: { scope: string; key?: string; dto: unknown }[]): unknown[] => [
  keyed.map((r) => r.scope),
  keyed.map((r) => r.key),
  keyed.map((r) => requestHash(r.dto)),
  KEY_TTL_SECONDS,
];

/** `DELETE …` of (scope, key) pairs a batch claimed for requests it then left to the one-at-a-time path. */
export const giveBackSql = (scopes: string, keys: string) =>
  `DELETE FROM idempotency_keys k USING unnest(${scopes}::text[], ${keys}::text[]) AS g(scope, key)
   WHERE k.scope = g.scope AND k.key = g.key RETURNING k.key`;

export const CLEANUP_SQL = `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => ${KEY_TTL_SECONDS})`;

export function requestHash(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}

export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined || key === '') return undefined;
  if (key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw DomainError.invalid('Idempotency-Key header must be 1–200 printable ASCII characters');
  }
  return key;
}

/** The key a write claimed: its work may store its own answer (see `StoredAnswer`). */
export interface KeyClaim {
  scope: string;
  key: string;
}

/** What a work sees: its claim (none without a key) and the rows of the statement sent along with the claim. */
export interface ClaimedWork<R> {
  claim: KeyClaim | undefined;
  first: R[];
}

/**
 * A work's answer that its own last statement already wrote into `idempotency_keys.response` (as
 * `writeOpenBallots` and `writeSheets` do), so no separate UPDATE follows: one round trip less while the rows it
 * locked are held.
 */
export class StoredAnswer<T> {
  constructor(readonly value: T) {}
}

/** `$n` parameters of a statement renumbered from `$1` to `$1+shift` (the statement holds no other `$`). */
const shiftParams = (sql: string, shift: number) => sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + shift}`);

/**
 * Runs a write in one transaction keyed by the client's Idempotency-Key. The key row is inserted first: a
 * concurrent retry with the same key blocks on that row's unique index until the first commits, then reads
 * the stored result instead of running the work again.
 *
 * `first`, a read sent in the same statement as the claim (one round trip, not two), reaches the work as
 * `first` (its rows through JSON: timestamps arrive as strings); it runs whether or not the key was claimed, so
 * it must only read.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  async run<T, R = never>(
    request: IdempotentRequest,
    work: (em: EntityManager, claimed: ClaimedWork<R>) => Promise<T | StoredAnswer<T>>,
    first?: { sql: string; params: unknown[] },
  ): Promise<IdempotentOutcome<T>> {
    const key = checkIdempotencyKey(request.key);
    const answer = (outcome: T | StoredAnswer<T>) => (outcome instanceof StoredAnswer ? outcome.value : outcome);
    if (key === undefined) {
      return {
        value: await this.dataSource.transaction(async (em) => {
          // Through JSON as with a key, so the work sees the same types either way.
          const rows = first
            ? (
                (await em.query(
                  `SELECT coalesce(json_agg(f), '[]') AS "first" FROM (${first.sql}) f`,
                  first.params,
                )) as {
                  first: R[];
                }[]
              )[0].first
            : [];
          return answer(await work(em, { claim: undefined, first: rows }));
        }),
        replayed: false,
      };
    }
    const hash = requestHash(request.body);
    return this.dataSource.transaction(async (em) => {
      // The key commits with the work, so it is never left pending: only expiry applies here.
      const claimParams = [request.scope, key, hash, KEY_TTL_SECONDS];
      let claimed: boolean;
      let rows: R[] = [];
      if (first) {
        const [joined] = (await em.query(
          `WITH claim AS (${CLAIM_SQL})
           SELECT (SELECT count(*) FROM claim)::int AS "claimed",
                  (SELECT coalesce(json_agg(f), '[]') FROM (${shiftParams(first.sql, claimParams.length)}) f) AS "first"`,
          [...claimParams, ...first.params],
        )) as { claimed: number; first: R[] }[];
        claimed = joined.claimed > 0;
        rows = joined.first;
      } else {
        claimed = ((await em.query(CLAIM_SQL, claimParams)) as unknown[]).length > 0;
      }
      if (!claimed) {
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
      const outcome = await work(em, { claim: { scope: request.scope, key }, first: rows });
      if (outcome instanceof StoredAnswer) return { value: outcome.value, replayed: false };
      await em.query(`UPDATE idempotency_keys SET response = $3 WHERE scope = $1 AND key = $2`, [
        request.scope,
        key,
        JSON.stringify(outcome ?? null),
      ]);
      return { value: outcome, replayed: false };
    });
  }
}
