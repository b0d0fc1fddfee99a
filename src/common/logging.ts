import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import type { Env } from '../config/env.js';

/** Fields that carry secrets, should anything log a request's headers or body: never written to the log. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'req.body.password',
  'req.body.accessCode',
  'req.body.token',
];

/** One JSON line per event on stdout (or `destination`), at the configured level. */
export function createLog(level: Env['logLevel'], destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}

/** Judge links carry their token in the path (`/judge/<token>`, and `/j/<token>` under the QR code): log the route. */
const loggedUrl = (url: string) => url.replace(/\/(judge|j)\/[^/?]+/, '/$1/[redacted]');

/**
 * One line per answered request: `request completed` (info), or `request errored` (error) for a 5xx, or
 * `request aborted` (warn) when the client left first. Only id, method, URL, status and time: headers and bodies
 * carry tokens. A plain listener on the response, with no per-request child logger and no async context: on a
 * ballot that was about a twentieth of the server's time (measured: BENCHMARKS.md, fifth session).
 */
export function requestLog(log: Logger) {
  let lastId = 0;
  return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void) => {
    const started = performance.now();
    const id = ++lastId;
    res.once('close', () => {
      const level: Level = !res.writableFinished ? 'warn' : res.statusCode >= 500 ? 'error' : 'info';
      if (!log.isLevelEnabled(level)) return;
      log[level](
        {
          req: { id, method: req.method, url: loggedUrl(req.originalUrl ?? req.url ?? '') },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        level === 'warn' ? 'request aborted' : level === 'error' ? 'request errored' : 'request completed',
      );
    });
    next();
  };
}

const NEST_LEVELS = {
  log: 'info',
  error: 'error',
  warn: 'warn',
  debug: 'debug',
  verbose: 'trace',
  fatal: 'fatal',
} as const satisfies Record<string, Level>;

/**
 * Nest's own logging (start-up, `new Logger(context)` in services) as pino lines: the last optional argument is
 * the context; `error(message, stack, context)` keeps its stack; an object or Error message is logged as fields.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]) {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(method: keyof typeof NEST_LEVELS, message: unknown, rest: unknown[]) {
    const level = NEST_LEVELS[method];
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const params = [...rest];
    if (params.length && typeof params[params.length - 1] === 'string') fields.context = params.pop();
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message });
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...message });
    } else if (method === 'error' && typeof params[0] === 'string') {
      this.pino[level]({ ...fields, stack: params[0] }, String(message));
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
