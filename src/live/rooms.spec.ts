import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { STANDINGS_COALESCE_MS, standingsWindowMs } from './rooms.js';

describe('standingsWindowMs', () => {
  it('keeps the 100 ms window up to a thousand sockets, then widens it per thousand, up to 1 s', () => {
    expect(standingsWindowMs(0)).toBe(STANDINGS_COALESCE_MS);
    expect(standingsWindowMs(1000)).toBe(100);
    expect(standingsWindowMs(1001)).toBe(200);
    expect(standingsWindowMs(5000)).toBe(500);
    expect(standingsWindowMs(50_000)).toBe(1000);
  });

  it('never pushes more often than the base window and never waits more than a second', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (a, b) => {
        const [few, many] = a <= b ? [a, b] : [b, a];
        expect(standingsWindowMs(few)).toBeLessThanOrEqual(standingsWindowMs(many));
        expect(standingsWindowMs(many)).toBeGreaterThanOrEqual(STANDINGS_COALESCE_MS);
        expect(standingsWindowMs(many)).toBeLessThanOrEqual(1000);
      }),
    );
  });
});
