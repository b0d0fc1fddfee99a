import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { catchError, defer, from, map, Observable, of, switchMap, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { DomainError, DomainErrorCode } from './domain-error.js';
import {
  carriesCredential,
  checkIdempotencyKey,
  CLAIM_SQL,
  CLEANUP_SQL,
  PENDING_LEASE_SECONDS,
  requestHash,
  withoutCredentials,
} from './idempotency.js';

const IN_TRANSACTION_KEY = 'orleu:idempotent-in-transaction';

/** Marks a route whose service keeps the key in its own transaction (IdempotencyService), e.g. judges' scores. */
export const IdempotentInTransaction = () => SetMetadata(IN_TRANSACTION_KEY, true);

interface IdempotentRequest {
  method: string;
  ip?: string;
  originalUrl: string;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

interface StoredResponse {
  requestHash: string;
  response: unknown;
  statusCode: number | null;
  credentialsWithheld: boolean;
}

const CLEANUP_EVERY_MS = 10 * 60_000;

/**
 * Any other write with an Idempotency-Key: the key is claimed before the handler runs and the response stored
 * after, so a retried organiser request returns the first answer instead of acting twice.
 *
 * The claim and the handler's own transaction are separate, so a crash in between leaves a pending key: it is
 * taken over after PENDING_LEASE_SECONDS (a retry then runs; if the crash fell after the handler's commit,
 * the write happens twice — judges' ballots and scoresheets avoid that by keeping the key in their own
 * transaction). Credentials are never stored: a request carrying one (a login) is not keyed at all, since
 * repeating it is harmless, and an answer carrying one (a new judge's access code and link) is stored without
 * it — its replay is a 409 saying the credential was issued and must be re-issued. Keys expire after a day.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const header = request.headers['idempotency-key'];
    if (request.method === 'GET' || typeof header !== 'string') return next.handle();
    if (this.reflector.get<boolean>(IN_TRANSACTION_KEY, context.getHandler())) return next.handle();
    const key = checkIdempotencyKey(header)!;
    if (carriesCredential(request.body)) return next.handle();
    this.cleanUpNowAndThen();
    const who = request.principal ? `${request.principal.role}:${request.principal.id}` : `anonymous:${request.ip}`;
    const scope = `${who} ${request.method} ${request.originalUrl}`;
    const hash = requestHash(request.body);
    const response = context.switchToHttp().getResponse<{ status(code: number): void }>();

    return from(this.claim(scope, key, hash)).pipe(
      switchMap((stored) => {
        if (stored?.credentialsWithheld) {
          const id = (stored.response as { id?: unknown } | null)?.id;
          throw DomainError.conflict(
            `the request with this Idempotency-Key already succeeded${typeof id === 'string' ? ` (id ${id})` : ''} and issued ` +
              'a credential, which is not kept: re-issue the credential instead of retrying',
          );
        }
        if (stored) {
          response.status(stored.statusCode!);
          return of(stored.response);
        }
        // Nest sets the status after interceptors run, so take it from the route as Nest will.
        const status =
          this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
          (request.method === 'POST' ? 201 : 200);
        return next.handle().pipe(
          switchMap((body) => from(this.store(scope, key, body, status)).pipe(map(() => body))),
          catchError((error: unknown) =>
            defer(() => this.release(scope, key)).pipe(switchMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }

  /** Returns the stored response of an earlier identical request, or undefined when this one may run. */
  private async claim(scope: string, key: string, hash: string): Promise<StoredResponse | undefined> {
    const inserted = (await this.dataSource.query(CLAIM_SQL, [scope, key, hash, PENDING_LEASE_SECONDS])) as unknown[];
    if (inserted.length > 0) return undefined;
    const [stored] = (await this.dataSource.query(
      `SELECT request_hash AS "requestHash", response, status_code AS "statusCode",
              credentials_withheld AS "credentialsWithheld" FROM idempotency_keys
       WHERE scope = $1 AND key = $2`,
      [scope, key],
    )) as StoredResponse[];
    if (!stored) return this.claim(scope, key, hash);
    if (stored.requestHash !== hash) {
      throw new DomainError(DomainErrorCode.IdempotencyKeyReused, [
        'Idempotency-Key was already used with a different request body',
      ]);
    }
    if (stored.statusCode === null) {
      throw DomainError.conflict('a request with this Idempotency-Key is still being processed: retry in a moment');
    }
    return stored;
  }

  private async store(scope: string, key: string, body: unknown, statusCode: number): Promise<void> {
    const withheld = carriesCredential(body);
    await this.dataSource.query(
      `UPDATE idempotency_keys SET response = $3, status_code = $4, credentials_withheld = $5 WHERE scope = $1 AND key = $2`,
      [scope, key, JSON.stringify((withheld ? withoutCredentials(body) : body) ?? null), statusCode, withheld],
    );
  }

  private lastCleanup = 0;

  /** Expired keys are deleted at most every ten minutes per instance, off the request's path. */
  private cleanUpNowAndThen(): void {
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    this.dataSource.query(CLEANUP_SQL).catch(() => (this.lastCleanup = 0));
  }

  private async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2`, [scope, key]);
  }
}
