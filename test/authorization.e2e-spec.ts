import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ALLOWED, CALLERS, type Caller, PROBE_BODIES, ROUTE_POLICIES } from './support/route-policies.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, fillPath, routes, type World } from './support/world.js';

/**
 * Every route of the OpenAPI document × every kind of caller: a denied caller gets 401 (anonymous) or 403
 * (signed in), an allowed one anything else. Routes are read from the running app, so a route added without
 * an entry in ROUTE_POLICIES fails here.
 */
describe('authorization of every route (e2e)', () => {
  let t: TestApp;
  let w: World;
  let all: { key: string; method: string; path: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    all = await routes(t);
  });
  afterAll(() => t.close());

  it('has a policy for every route, and no policy for a route that does not exist', () => {
    expect(all.map((r) => r.key).filter((key) => !(key in ROUTE_POLICIES))).toEqual([]);
    expect(Object.keys(ROUTE_POLICIES).filter((key) => !all.some((r) => r.key === key))).toEqual([]);
    expect(all.length).toBeGreaterThan(50);
  });

  it('lets in exactly the callers each policy allows', async () => {
    const token: Record<Caller, string | undefined> = {
      anonymous: undefined,
      judgeOfThis: w.judgeOfThis.token,
      judgeOfOther: w.judgeOfOther.token,
      organiser: w.organiser,
    };
    const wrong: string[] = [];
    let checked = 0;
    // Organisers last: their writes (a regenerated round, a deleted team) change what the others would meet.
    for (const caller of CALLERS) {
      for (const route of all) {
        const policy = ROUTE_POLICIES[route.key];
        let req = request(t.url)[route.method as 'get'](fillPath(route.path, w));
        if (token[caller]) req = req.set('Authorization', `Bearer ${token[caller]}`);
        const body = PROBE_BODIES[route.key]?.(w);
        const res = route.method === 'get' ? await req : await req.send((body ?? {}) as object);
        const allowed = ALLOWED[policy][caller];
        const expected = allowed ? 'not 401/403' : caller === 'anonymous' ? '401' : '403';
        const ok = allowed
          ? res.status !== 401 && res.status !== 403
          : res.status === (caller === 'anonymous' ? 401 : 403);
        if (!ok)
          wrong.push(
            `${route.key} as ${caller}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`,
          );
        if (res.status >= 500) wrong.push(`${route.key} as ${caller}: ${res.status}`);
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(all.length * CALLERS.length);
  });
});
