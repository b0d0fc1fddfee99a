import { describe, expect, it } from '@jest/globals';
import { explain } from './api.js';

describe('explain: server errors to translated messages', () => {
  it('maps statuses and the wording of 409 and 422 to message keys, retrying only what may succeed later', () => {
    expect(explain(0, [])).toEqual({ key: 'err.network', retry: true });
    expect(explain(409, ["this debate's result is confirmed: ask the organiser for a correction"]).key).toBe(
      'err.confirmed',
    );
    expect(explain(409, ['version 3 of ballot is stale: reload it and apply your change again']).key).toBe('err.stale');
    expect(explain(409, ['round 2 is draft: it does not take ballots']).key).toBe('err.closed');
    expect(explain(422, ['you are from the same institution as this team and cannot score it']).key).toBe(
      'err.conflict',
    );
    expect(explain(422, ['no ballot is in'])).toEqual({ key: 'err.rule', retry: false, detail: 'no ballot is in' });
    expect(explain(400, ['teams[0].speeches[0].score must not be greater than 80'])).toMatchObject({
      key: 'err.invalid',
      retry: false,
    });
    expect(explain(503, []).retry).toBe(true);
    expect(explain(429, []).retry).toBe(true);
    expect(explain(403, []).retry).toBe(false);
  });
});
