import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorCode } from './domain-error.js';

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
};

interface PgError {
  code?: string;
  detail?: string;
  constraint?: string;
}

/** Every error leaves in Nest's shape `{ statusCode, error, message }`; a client's mistake is never a 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const { httpAdapter } = this.adapterHost;
    const ctx = host.switchToHttp();
    const [status, message] = this.describe(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    httpAdapter.reply(
      ctx.getResponse(),
      { statusCode: status, error: REASON[status] ?? 'Error', message },
      status,
    );
  }

  private describe(exception: unknown): [number, string | string[]] {
    if (exception instanceof DomainError) {
      const messages = exception.messages;
      // Field-level problems stay a list, as ValidationPipe reports them; other errors read as one sentence.
      const asList = exception.code === DomainErrorCode.InvalidInput || messages.length > 1;
      return [STATUS[exception.code], asList ? messages : messages[0]];
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message =
        typeof body === 'object' && body !== null && 'message' in body
          ? (body as { message: string | string[] }).message
          : exception.message;
      return [exception.getStatus(), message];
    }
    if (exception instanceof QueryFailedError) {
      const pg = (exception as QueryFailedError & { driverError?: PgError }).driverError ?? {};
      if (pg.code === '23505') return [409, `already exists: ${pg.detail ?? pg.constraint ?? 'duplicate'}`];
      // 23503: foreign key violated; 23001: a RESTRICT foreign key still refers to the row being deleted.
      if (pg.code === '23503' || pg.code === '23001') return [409, `a referenced record does not exist or is still in use: ${pg.detail ?? ''}`.trim()];
      if (pg.code === '22P02' || pg.code === '22007' || pg.code === '22008') return [400, 'a value has the wrong format'];
      if (pg.code === '40001' || pg.code === '40P01') return [409, 'a concurrent change won: retry the request'];
      // Safety net behind InputValidationPipe: a value the column cannot hold is the client's mistake.
      if (pg.code === '22021' || pg.code === '22003' || pg.code === '22001') return [400, `a value cannot be stored: ${pg.code === '22003' ? 'a number is out of range' : 'text is invalid or too long'}`];
    }
    const bodyParser = exception as { type?: string; status?: number; message?: string; expose?: boolean };
    if (bodyParser.type === 'entity.parse.failed') return [400, `malformed JSON body: ${bodyParser.message}`];
    if (bodyParser.type === 'entity.too.large') return [413, 'request body is too large'];
    // Other body-parser refusals (too deep, unsupported charset or encoding) carry their own 4xx.
    if (bodyParser.expose && typeof bodyParser.status === 'number' && bodyParser.status >= 400 && bodyParser.status < 500) {
      return [bodyParser.status, bodyParser.message ?? 'request body refused'];
    }
    return [500, 'Internal server error'];
  }
}
