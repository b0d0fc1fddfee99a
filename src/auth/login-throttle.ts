import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { type Observable, tap } from 'rxjs';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { normaliseAccessCode, sha256 } from '../judges/judge-credentials.js';

/** Failed sign-ins one account may take per window, from any number of addresses. */
export const ACCOUNT_FAILURES = 10;
/** Failed sign-ins one address may make per window, across accounts (successes never count: a venue's NAT). */
export const ADDRESS_FAILURES = 100;
export const WINDOW_MS = 15 * 60_000;
const MAX_KEYS = 100_000;

interface LoginBody {
  username?: unknown;
  accessCode?: unknown;
  token?: unknown;
}

/**
 * The account a sign-in attempt targets, normalised the way the lookup normalises it: a username in lower case,
 * an access code's prefix (so `k7qf-…`, `K7QF …` and `K7QF…` are one account), a link token's hash.
 */
export function loginAccount(body: LoginBody | undefined): string {
  if (typeof body?.username === 'string') return `organiser:${body.username.trim().toLowerCase()}`;
  if (typeof body?.token === 'string') return `link:${sha256(body.token).slice(0, 32)}`;
  if (typeof body?.accessCode === 'string') return `judge:${normaliseAccessCode(body.accessCode).slice(0, 4)}`;
  return 'none';
}

interface Window {
  failures: number;
  resetAt: number;
}

/**
 * Counts failed sign-ins per account and per address, in this process's memory (one instance's view: with N
 * instances an account gets up to N × ACCOUNT_FAILURES tries per window). Only failures count, so a room of
 * judges signing in behind one address is never locked out by its own successes.
 */
@Injectable()
export class LoginThrottle implements NestInterceptor {
  private readonly windows = new Map<string, Window>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<{ ip?: string; body?: LoginBody }>();
    const account = `account|${loginAccount(request.body)}`;
    const address = `address|${request.ip ?? 'unknown'}`;
    const now = Date.now();
    for (const [key, limit] of [
      [account, ACCOUNT_FAILURES],
      [address, ADDRESS_FAILURES],
    ] as const) {
      const window = this.current(key, now);
      if (window && window.failures >= limit) {
        http.getResponse<Response>().setHeader('Retry-After', String(Math.ceil((window.resetAt - now) / 1000)));
        const who = key === account ? 'for this account' : 'from your address';
        throw new HttpException(
          `too many sign-in attempts failed ${who}: try again later`,
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
    }
    return next.handle().pipe(
      tap({
        next: () => this.windows.delete(account),
        error: (error: unknown) => {
          if (error instanceof DomainError && error.code === DomainErrorCode.Unauthenticated) {
            this.fail(account, now);
            this.fail(address, now);
          }
        },
      }),
    );
  }

  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.resetAt <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private fail(key: string, now: number): void {
    const window = this.current(key, now);
    if (window) {
      window.failures++;
      return;
    }
    // Bounded memory under a flood of distinct keys: drop the oldest windows first (a Map keeps insertion order).
    if (this.windows.size >= MAX_KEYS) {
      for (const oldest of this.windows.keys()) {
        this.windows.delete(oldest);
        if (this.windows.size < MAX_KEYS * 0.9) break;
      }
    }
    this.windows.set(key, { failures: 1, resetAt: now + WINDOW_MS });
  }
}
