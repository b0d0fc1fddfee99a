import { afterEach, describe, expect, it } from '@jest/globals';
import { ApiError, explain, send, type Problem } from './api.js';
import { translate, LOCALES } from './i18n.js';

const problem = (code: string, message: string, field: string | null = null): Problem => ({ field, code, message });

describe('explain: server problem codes to translated messages', () => {
  it('maps each code the judge can meet to its own message, retrying only what may succeed later', () => {
    const key = (status: number, code: string, message = 'x') =>
      explain(status, [message], [problem(code, message)]).key;
    expect(key(401, 'TOKEN_EXPIRED')).toBe('err.unauthenticated');
    expect(key(401, 'JUDGE_REVOKED')).toBe('err.revoked');
    expect(key(403, 'FORBIDDEN')).toBe('err.forbidden');
    expect(key(404, 'NOT_FOUND')).toBe('err.notFound');
    expect(key(409, 'STALE_VERSION')).toBe('err.stale');
    expect(key(409, 'IDEMPOTENCY_KEY_REUSED')).toBe('err.keyReused');
    expect(key(409, 'WRONG_STATE', 'round 2 is draft: it does not take ballots')).toBe('err.closed');
    // One code, two cases the judge must tell apart: the wording picks the key, and is not shown inside it.
    expect(key(409, 'WRONG_STATE', "this debate's result is confirmed: ask the organiser")).toBe('err.confirmed');
    expect(key(422, 'RULE_VIOLATION', 'you are from the same institution as this team')).toBe('err.conflict');
    expect(key(422, 'RULE_VIOLATION', 'no ballot is in')).toBe('err.rule');
    expect(key(400, 'MAX', 'teams.0.speeches.0.score must not be greater than 80')).toBe('err.range');
    expect(key(400, 'IS_NUMBER')).toBe('err.notNumber');
    expect(key(400, 'INVALID_INPUT')).toBe('err.invalid');
    expect(explain(429, [], [problem('TOO_MANY_REQUESTS', 'slow down')]).retry).toBe(true);
    expect(explain(503, [], [problem('DATABASE_UNAVAILABLE', 'down')]).retry).toBe(true);
    expect(explain(422, [], [problem('RULE_VIOLATION', 'no')]).retry).toBe(false);
  });

  it('gives a code it does not know the generic message, keeping the English apart as detail', () => {
    const meaning = explain(422, ['a brand new rule'], [problem('SOMETHING_NEW', 'a brand new rule', 'teams')]);
    expect(meaning).toEqual({ key: 'err.unknown', retry: false, detail: 'a brand new rule' });
  });

  it('falls back to the status when the body has no problems (a proxy page)', () => {
    expect(explain(0, [])).toEqual({ key: 'err.network', retry: true });
    expect(explain(502, []).key).toBe('err.server');
    expect(explain(418, []).key).toBe('err.unknown');
  });

  it('no translated error message has a place for the server text', () => {
    const keys = ['err.invalid', 'err.rule', 'err.range', 'err.notNumber', 'err.unknown', 'err.revoked'] as const;
    for (const lang of LOCALES) {
      for (const k of keys) {
        const text = translate(lang, k, { detail: 'ENGLISH DETAIL' });
        expect(text).not.toContain('ENGLISH DETAIL');
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
    expect(translate('kk', 'err.range')).toBe('Балл рұқсат етілген аралықтан тыс.');
  });
});

describe('send: the one reading of an answer, for the judge app and the console', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });
  /** The network answers `body` with `status`, or fails when `body` is an Error. */
  const answer = (status: number, body: string | Error) => {
    globalThis.fetch = async () => {
      if (body instanceof Error) throw body;
      return new Response(body, { status });
    };
  };
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a failure');
      },
      (error: unknown) => {
        expect(error).toBeInstanceOf(ApiError);
        const { status, messages, problems } = error as ApiError;
        return { status, messages, problems };
      },
    );

  it('gives JSON parsed, an empty body as undefined, and the text itself when asked (a CSV export)', async () => {
    answer(200, '{"items":[1],"total":1}');
    await expect(send('/api/x', {})).resolves.toEqual({ items: [1], total: 1 });
    answer(200, '');
    await expect(send('/api/x', {})).resolves.toBeUndefined();
    answer(200, 'rank,team\n1,Алтай\n');
    await expect(send('/api/x.csv', {}, true)).resolves.toBe('rank,team\n1,Алтай\n');
  });

  it("throws the server's messages and problems as an ApiError; a proxy's page keeps only its status; no answer is 0", async () => {
    const min = { field: 'speeches[0].score', code: 'MIN', message: 'score must not be less than 60' };
    answer(400, JSON.stringify({ message: ['score must not be less than 60', 'second'], problems: [min] }));
    await expect(failure(send('/api/x', {}))).resolves.toEqual({
      status: 400,
      messages: ['score must not be less than 60', 'second'],
      problems: [min],
    });
    answer(409, JSON.stringify({ message: 'result already confirmed' }));
    await expect(failure(send('/api/x', {}, true))).resolves.toEqual({
      status: 409,
      messages: ['result already confirmed'],
      problems: [],
    });
    answer(502, '<html><body>Bad Gateway</body></html>');
    await expect(failure(send('/api/x', {}))).resolves.toEqual({ status: 502, messages: [], problems: [] });
    answer(0, new TypeError('Failed to fetch'));
    await expect(failure(send('/api/x', {}))).resolves.toEqual({ status: 0, messages: [], problems: [] });
  });
});
