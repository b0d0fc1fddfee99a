import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorCode, leadingField, type Problem } from './domain-error.js';

const STATUS: Record<DomainErrorCode, HttpStatus> = {
  [DomainErrorCode.InvalidInput]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [DomainErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.Conflict]: HttpStatus.CONFLICT,
  [DomainErrorCode.StaleVersion]: HttpStatus.CONFLICT,
  [DomainErrorCode.WrongState]: HttpStatus.CONFLICT,
  [DomainErrorCode.IdempotencyKeyReused]: HttpStatus.CONFLICT,
  [DomainErrorCode.RuleViolation]: HttpStatus.UNPROCESSABLE_ENTITY,
};

const REASON: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The code of a problem that carries no more specific one. */
const STATUS_CODE: Partial<Record<number, string>> = {
  400: DomainErrorCode.InvalidInput,
  401: DomainErrorCode.Unauthenticated,
  403: DomainErrorCode.Forbidden,
  404: DomainErrorCode.NotFound,
  409: DomainErrorCode.Conflict,
  413: 'PAYLOAD_TOO_LARGE',
  422: DomainErrorCode.RuleViolation,
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL',
  503: 'DATABASE_UNAVAILABLE',
};

/** The database is down or restarting (not the request's fault): 503, and the client retries later. */
const DATABASE_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const DATABASE_DOWN_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

export function isDatabaseUnavailable(exception: unknown): boolean {
  const error = exception as { code?: unknown; message?: unknown; driverError?: unknown };
  if (error?.driverError && isDatabaseUnavailable(error.driverError)) return true;
  return (
    (typeof error?.code === 'string' && DATABASE_DOWN_CODES.has(error.code)) ||
    (typeof error?.message === 'string' && DATABASE_DOWN_MESSAGE.test(error.message))
  );
}

interface PgError {
  code?: string;
  detail?: string;
  constraint?: string;
}

/**
 * Every error leaves in Nest's shape `{ statusCode, error, message }`, plus `problems: [{ field, code, message }]`
 * (the same problems with a stable code a client can translate); a client's mistake is never a 500.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const { httpAdapter } = this.adapterHost;
    const ctx = host.switchToHttp();
    const [status, message, described] = this.describe(exception);
    if (status === 503) {
      this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      (ctx.getResponse() as { setHeader(name: string, value: string): void }).setHeader('Retry-After', '2');
    } else if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const code = STATUS_CODE[status] ?? 'ERROR';
    const problems =
      described ??
      (Array.isArray(message) ? message : [message]).map((text) => ({
        field: leadingField(text),
        code,
        message: text,
      }));
    httpAdapter.reply(
      ctx.getResponse(),
      { statusCode: status, error: REASON[status] ?? 'Error', message, problems },
      status,
    );
  }

  private describe(exception: unknown): [number, string | string[], Problem[]?] {
    if (exception instanceof DomainError) {
      const messages = exception.messages;
      // Field-level problems stay a list, as ValidationPipe reports them; other errors read as one sentence.
      const asList = exception.code === DomainErrorCode.InvalidInput || messages.length > 1;
      return [STATUS[exception.code], asList ? messages : messages[0], exception.problems];
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse() as string | { message?: string | string[]; problems?: Problem[] };
      const message = typeof body === 'object' && body.message !== undefined ? body.message : exception.message;
      return [exception.getStatus(), message, typeof body === 'object' ? body.problems : undefined];
    }
    if (exception instanceof QueryFailedError) {
      const pg = (exception as QueryFailedError & { driverError?: PgError }).driverError ?? {};
      if (pg.code === '23505') return [409, `already exists: ${pg.detail ?? pg.constraint ?? 'duplicate'}`];
      // 23503: foreign key violated; 23001: a RESTRICT foreign key still refers to the row being deleted.
      if (pg.code === '23503' || pg.code === '23001')
        return [409, `a referenced record does not exist or is still in use: ${pg.detail ?? ''}`.trim()];
      if (pg.code === '22P02' || pg.code === '22007' || pg.code === '22008')
        return [400, 'a value has the wrong format'];
      if (pg.code === '40001' || pg.code === '40P01') return [409, 'a concurrent change won: retry the request'];
      // Safety net behind InputValidationPipe: a value the column cannot hold is the client's mistake.
      if (pg.code === '22021' || pg.code === '22003' || pg.code === '22001')
        return [
          400,
          `a value cannot be stored: ${pg.code === '22003' ? 'a number is out of range' : 'text is invalid or too long'}`,
        ];
    }
    if (isDatabaseUnavailable(exception)) return [503, 'the database is unavailable: retry in a few seconds'];
    const bodyParser = exception as { type?: string; status?: number; message?: string; expose?: boolean };
    if (bodyParser.type === 'entity.parse.failed') return [400, `malformed JSON body: ${bodyParser.message}`];
    if (bodyParser.type === 'entity.too.large') return [413, 'request body is too large'];
    // Other body-parser refusals (too deep, unsupported charset or encoding) carry their own 4xx.
    if (
      bodyParser.expose &&
      typeof bodyParser.status === 'number' &&
      bodyParser.status >= 400 &&
      bodyParser.status < 500
    ) {
      return [bodyParser.status, bodyParser.message ?? 'request body refused'];
    }
    return [500, 'Internal server error'];
  }
}
