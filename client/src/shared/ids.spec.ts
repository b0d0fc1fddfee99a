import { describe, expect, it } from '@jest/globals';
import { retryDelayMs } from './backoff.js';
import { newIdempotencyKey } from './ids.js';

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  it('builds a version-4 UUID from getRandomValues when randomUUID is missing (plain-HTTP venue address)', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const key = newIdempotencyKey({ getRandomValues: (a) => globalThis.crypto.getRandomValues(a) });
      expect(key).toMatch(UUID4);
      keys.add(key);
    }
    expect(keys.size).toBe(200);
  });
  it('falls back when randomUUID throws', () => {
    const key = newIdempotencyKey({
      randomUUID: () => {
        throw new Error('insecure context');
      },
      getRandomValues: (a) => globalThis.crypto.getRandomValues(a),
    });
    expect(key).toMatch(UUID4);
  });
});

describe('retryDelayMs', () => {
  it('doubles from 1 s, caps at 30 s, and adds at most 20 % jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, () => 0))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(retryDelayMs(1, () => 1)).toBe(1200);
  });
});
