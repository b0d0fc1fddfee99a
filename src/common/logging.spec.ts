import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { Env } from '../config/env.js';
import { createLog, NestPinoLogger, requestLog } from './logging.js';

/** A log writing into an array, one parsed JSON object per line. */
function captured(level: Env['logLevel']) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: createLog(level, sink) };
}

let server: Server | undefined;
afterEach(() => {
  server?.close();
});

/** A real HTTP server behind `requestLog`: `/ok` answers 200, `/boom` 500, `/hang` never (the client gives up). */
async function serve(level: Env['logLevel']) {
  const { lines, log } = captured(level);
  const middleware = requestLog(log);
  server = createServer((req, res) =>
    middleware(req, res, () => {
      if (req.url?.startsWith('/hang')) return;
      res.statusCode = req.url?.startsWith('/boom') ? 500 : 200;
      res.end('{}');
    }),
  );
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const call = (path: string, abortAfterMs?: number) =>
    new Promise<void>((resolve) => {
      const req = request({ port, path, method: 'POST', headers: { authorization: 'Bearer s3cret' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', () => resolve());
      if (abortAfterMs !== undefined) setTimeout(() => req.destroy(), abortAfterMs);
      req.end('{"password":"hunter2"}');
    });
  return { lines, call };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('requestLog', () => {
  it('writes one line per request: completed, errored or aborted, with the judge link redacted and no secret', async () => {
    const { lines, call } = await serve('info');
    await call('/api/judge/k7QfLinkToken123/debates?x=1');
    await call('/j/Qr7ShortLinkToken456');
    await call('/api/judges/links.csv');
    await call('/boom');
    await call('/hang', 50);
    await settle();
    expect(
      lines.map((l) => [l.level, l.msg, (l.req as { url: string }).url, (l.res as { statusCode: number }).statusCode]),
    ).toEqual([
      [30, 'request completed', '/api/judge/[redacted]/debates?x=1', 200],
      [30, 'request completed', '/j/[redacted]', 200],
      [30, 'request completed', '/api/judges/links.csv', 200],
      [50, 'request errored', '/boom', 500],
      [40, 'request aborted', '/hang', 200],
    ]);
    expect(lines.map((l) => (l.req as { id: number }).id)).toEqual([1, 2, 3, 4, 5]);
    expect(
      lines.every((l) => typeof l.responseTime === 'number' && (l.req as { method: string }).method === 'POST'),
    ).toBe(true);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('k7QfLinkToken123');
    expect(text).not.toContain('Qr7ShortLinkToken456');
  });

  it('at level warn keeps only the errored and aborted lines', async () => {
    const { lines, call } = await serve('warn');
    await call('/ok');
    await call('/boom');
    await call('/hang', 50);
    await settle();
    expect(lines.map((l) => l.msg)).toEqual(['request errored', 'request aborted']);
  });
});

describe('NestPinoLogger', () => {
  it("writes Nest's calls with their context, an error's stack, and object messages as fields", () => {
    const { lines, log } = captured('debug');
    const nest = new NestPinoLogger(log);
    const service = new Logger('BallotGroupCommit');
    Logger.overrideLogger(nest);
    try {
      service.warn('a batch of 4 ballots rolled back');
      service.error('draw failed', 'Error: draw failed\n    at generate (draw.ts:1:1)');
      service.debug({ batch: 12 });
      service.verbose('not at debug');
      nest.log('Nest application successfully started', 'NestApplication');
    } finally {
      Logger.overrideLogger(false);
    }
    expect(lines.map(({ level, context, msg, stack, batch }) => ({ level, context, msg, stack, batch }))).toEqual([
      { level: 40, context: 'BallotGroupCommit', msg: 'a batch of 4 ballots rolled back' },
      {
        level: 50,
        context: 'BallotGroupCommit',
        msg: 'draw failed',
        stack: 'Error: draw failed\n    at generate (draw.ts:1:1)',
      },
      { level: 20, context: 'BallotGroupCommit', batch: 12 },
      { level: 30, context: 'NestApplication', msg: 'Nest application successfully started' },
    ]);
  });
});
