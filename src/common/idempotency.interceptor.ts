import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { catchError, defer, from, map, Observable, of, switchMap, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { DomainError, DomainErrorCode } from './domain-error.js';
import { checkIdempotencyKey, requestHash } from './idempotency.js';

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
}

/**
 * Any other write with an Idempotency-Key: the key is claimed before the handler runs and the response stored
 * after, so a retried organiser request returns the first answer instead of acting twice.
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
    const who = request.principal ? `${request.principal.role}:${request.principal.id}` : `anonymous:${request.ip}`;
    const scope = `${who} ${request.method} ${request.originalUrl}`;
    const hash = requestHash(request.body);
    const response = context.switchToHttp().getResponse<{ status(code: number): void }>();

    return from(this.claim(scope, key, hash)).pipe(
      switchMap((stored) => {
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
          catchError((error: unknown) => defer(() => this.release(scope, key)).pipe(switchMap(() => throwError(() => error)))),
        );
      }),
    );
  }

  /** Returns the stored response of an earlier identical request, or undefined when this one may run. */
  private async claim(scope: string, key: string, hash: string): Promise<StoredResponse | undefined> {
    const inserted = (await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, hash],
    )) as unknown[];
    if (inserted.length > 0) return undefined;
    const [stored] = (await this.dataSource.query(
      `SELECT request_hash AS "requestHash", response, status_code AS "statusCode" FROM idempotency_keys
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
    await this.dataSource.query(
      `UPDATE idempotency_keys SET response = $3, status_code = $4 WHERE scope = $1 AND key = $2`,
      [scope, key, JSON.stringify(body ?? null), statusCode],
    );
  }

  private async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2`, [scope, key]);
  }
}
