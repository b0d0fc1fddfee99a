import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { assignVenues } from './venue-assignment.js';

describe('assignVenues', () => {
  it('gives the best venue to the top bracket and none to the last debate when venues run out', () => {
    const got = assignVenues(
      [
        { key: 'low', importance: 0, room: 1 },
        { key: 'top', importance: 2, room: 3 },
        { key: 'mid', importance: 1, room: 2 },
      ],
      [
        { id: 'hall', priority: 10, name: 'Hall' },
        { id: 'aud', priority: 20, name: 'Auditorium' },
      ],
    );
    expect(Object.fromEntries(got)).toEqual({ top: 'aud', mid: 'hall', low: null });
  });

  it('never gives a more important debate a worse venue than a less important one, and each venue once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 20 }),
        fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { maxLength: 25 }),
        (importances, priorities) => {
          const debates = importances.map((importance, i) => ({ key: `d${i}`, importance, room: i + 1 }));
          const venues = priorities.map((priority, i) => ({ id: `v${i}`, priority, name: `V${i}` }));
          const got = assignVenues(debates, venues);
          const priorityOf = new Map(venues.map((v) => [v.id, v.priority]));
          const given = [...got.values()].filter((v) => v !== null);
          expect(new Set(given).size).toBe(given.length);
          expect(given).toHaveLength(Math.min(debates.length, venues.length));
          for (const a of debates)
            for (const b of debates) {
              if (a.importance <= b.importance) continue;
              const va = got.get(a.key);
              const vb = got.get(b.key);
              // The more important debate has a venue whenever the less important one does, and a better one.
              if (vb != null) expect(va != null && priorityOf.get(va)! > priorityOf.get(vb)!).toBe(true);
            }
        },
      ),
    );
  });
});
