import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ORGANISER, startTestApp, type TestApp } from './support/test-app.js';

const member = (fullName: string, birthDate: string) => ({ fullName, birthDate });
const teamBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Жас Қыран',
  regionCode: 'south',
  oblastCode: 'shymkent',
  institution: 'South Kazakhstan University',
  rural: false,
  eventDate: '2026-11-24',
  members: [member('Әлия Серікқызы', '2006-05-17'), member('Данияр Болатұлы', '2005-01-02')],
  ...overrides,
});

describe('foundation (e2e)', () => {
  let t: TestApp;
  let organiser: string;

  beforeAll(async () => {
    t = await startTestApp();
    organiser = await t.organiserToken();
  });
  afterAll(() => t.close());

  const post = (url: string, body: unknown, token?: string) => {
    const req = request(t.url)
      .post(url)
      .send(body as object);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  it('reports health with the database checked', async () => {
    await request(t.url).get('/api/health').expect(200, { status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document and UI', async () => {
    const doc = await request(t.url).get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/teams', '/api/auth/login']));
    expect(doc.body.components.schemas.CreateTeamDto.required).toEqual(expect.arrayContaining(['name', 'members']));
    await request(t.url).get('/api/docs').expect(200).expect('content-type', /html/);
  });

  it('seeds five macro-regions, every oblast and city in exactly one', async () => {
    const res = await request(t.url).get('/api/regions').expect(200);
    expect(res.body.total).toBe(5);
    expect(res.body.items.map((r: { code: string }) => r.code)).toEqual(['south', 'north', 'west', 'central', 'east']);
    const units = res.body.items.flatMap((r: { oblasts: { code: string }[]; cities: { code: string }[] }) => [
      ...r.oblasts.map((o) => o.code),
      ...r.cities.map((c) => c.code),
    ]);
    expect(units).toHaveLength(20);
    expect(new Set(units).size).toBe(20);
    const central = res.body.items.find((r: { code: string }) => r.code === 'central');
    expect(central.names).toEqual({ kk: 'Орталық', ru: 'Центр', en: 'Central' });
    expect(central.cities).toEqual([
      {
        code: 'astana',
        names: { kk: 'Астана қаласы', ru: 'город Астана', en: 'Astana' },
        isoCode: 'KZ-71',
        katoCode: '710000000',
        aliases: ['Астана'],
      },
    ]);
    const south = res.body.items.find((r: { code: string }) => r.code === 'south');
    expect(south.oblasts).toHaveLength(5);
    expect(south.cities.map((c: { code: string }) => c.code).sort()).toEqual(['almaty', 'shymkent']);
  });

  describe('auth', () => {
    it('logs an organiser in and rejects a wrong password', async () => {
      const ok = await post('/api/auth/login', ORGANISER).expect(200);
      expect(ok.body).toEqual({
        accessToken: expect.any(String),
        role: 'organiser',
        organiserRole: 'admin',
        expiresIn: 16 * 3600,
      });
      const bad = await post('/api/auth/login', { ...ORGANISER, password: 'wrong-password' }).expect(401);
      expect(bad.body.message).toBe('username or password is wrong');
      await post('/api/auth/login', { username: 'nobody', password: 'whatever1' }).expect(401);
    });

    it('rate-limits repeated sign-in attempts for one account', async () => {
      const attempts = [];
      for (let i = 0; i < 12; i++)
        attempts.push(await post('/api/auth/login', { username: 'brute', password: `x${i}xxxxxx` }));
      const statuses = attempts.map((r) => r.status);
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
      expect(attempts[11].body.message).toMatch(/too many sign-in attempts/);
      // Another account from the same address is not locked out by it.
      await post('/api/auth/login', ORGANISER).expect(200);
    });

    it('refuses an audience write with 401 and a bad token with 401', async () => {
      const res = await post('/api/teams', teamBody()).expect(401);
      expect(res.body.message).toMatch(/bearer token/);
      await post('/api/teams', teamBody(), 'not-a-token').expect(401);
    });

    it('lets a judge sign in by code and by link, and keeps them off organiser routes', async () => {
      const created = await post(
        '/api/judges',
        { fullName: 'Нұрлан Әбдіков', regionCode: 'north', institution: 'Pavlodar University' },
        organiser,
      ).expect(201);
      expect(created.body.accessCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(created.body.link).toMatch(/^\/judge\/[\w-]{43}$/);
      const listed = await request(t.url).get('/api/judges').set('Authorization', `Bearer ${organiser}`).expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(created.body.accessCode);

      const byCode = await post('/api/auth/judge', { accessCode: created.body.accessCode.toLowerCase() }).expect(200);
      expect(byCode.body).toEqual({
        accessToken: expect.any(String),
        role: 'judge',
        judgeId: created.body.id,
        expiresIn: 16 * 3600,
      });
      const byLink = await post('/api/auth/judge', { token: created.body.link.split('/').pop() }).expect(200);
      expect(byLink.body.judgeId).toBe(created.body.id);
      await post('/api/auth/judge', { accessCode: 'AAAA-BBBB-CCCC' }).expect(401);

      const forbidden = await post('/api/teams', teamBody({ name: 'Judge made' }), byCode.body.accessToken).expect(403);
      expect(forbidden.body.message).toMatch(/organiser/);
      await request(t.url).get('/api/judges').set('Authorization', `Bearer ${byCode.body.accessToken}`).expect(403);
    });
  });

  describe('validation', () => {
    it('refuses a team with a 13-year-old member, naming the field', async () => {
      const res = await post(
        '/api/teams',
        teamBody({ name: 'Too young', members: [member('A', '2006-01-01'), member('B', '2013-06-01')] }),
        organiser,
      ).expect(400);
      expect(res.body.message).toEqual(['members.1.birthDate gives age 13 on 2026-11-24: participants must be 14–35']);
      const list = await request(t.url).get('/api/teams?search=Too young').expect(200);
      expect(list.body.total).toBe(0);
    });

    it('refuses unknown fields and names them', async () => {
      const res = await post('/api/teams', teamBody({ captain: 'me' }), organiser).expect(400);
      expect(res.body.message).toContain('property captain should not exist');
    });

    it('names nested field errors', async () => {
      const res = await post(
        '/api/teams',
        teamBody({ members: [{ fullName: '', birthDate: '17.05.2006' }] }),
        organiser,
      ).expect(400);
      expect(res.body.message).toEqual(
        expect.arrayContaining([
          'members.0.fullName should not be empty',
          'members.0.birthDate must be a valid ISO 8601 date string',
        ]),
      );
    });

    it('refuses an oblast outside the macro-region', async () => {
      const res = await post('/api/teams', teamBody({ oblastCode: 'pavlodar' }), organiser).expect(400);
      expect(res.body.message).toEqual([
        'oblastCode "pavlodar" belongs to macro-region "north", not to regionCode "south"',
      ]);
    });

    it('answers malformed JSON with 400 and unknown routes with 404', async () => {
      const res = await request(t.url)
        .post('/api/teams')
        .set('Authorization', `Bearer ${organiser}`)
        .set('Content-Type', 'application/json')
        .send('{"name": ')
        .expect(400);
      expect(res.body.statusCode).toBe(400);
      await request(t.url).get('/api/no-such-route').expect(404);
      await request(t.url).get('/api/teams/not-a-uuid').expect(400);
      await request(t.url).get('/api/teams/00000000-0000-4000-8000-000000000000').expect(404);
    });
  });

  describe('teams and judges', () => {
    it('derives the age group, filters, pages and guards updates by version', async () => {
      const made = await post('/api/teams', teamBody({ name: 'Алтын Сақа' }), organiser).expect(201);
      expect(made.body).toMatchObject({ ageGroup: '18-24', version: 1, regionCode: 'south' });
      expect(made.body.members.map((m: { position: number }) => m.position)).toEqual([1, 2]);
      await post(
        '/api/teams',
        teamBody({
          name: 'Young Eagles',
          regionCode: 'west',
          oblastCode: 'atyrau',
          members: [member('C', '2010-01-01')],
        }),
        organiser,
      ).expect(201);
      await post('/api/teams', teamBody({ name: 'Алтын Сақа' }), organiser).expect(409);

      const young = await request(t.url).get('/api/teams?ageGroup=14-17').expect(200);
      expect(young.body.items.map((x: { name: string }) => x.name)).toEqual(['Young Eagles']);
      const page = await request(t.url).get('/api/teams?limit=1&offset=0').expect(200);
      expect(page.body.items).toHaveLength(1);
      expect(page.body.total).toBeGreaterThanOrEqual(2);
      await request(t.url).get('/api/teams?limit=0').expect(400);

      const patch = (version: number) =>
        request(t.url)
          .patch(`/api/teams/${made.body.id}`)
          .set('Authorization', `Bearer ${organiser}`)
          .send({ version, members: [member('Old', '1998-01-01')] });
      const [a, b] = await Promise.all([patch(1), patch(1)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const updated = a.status === 200 ? a : b;
      expect(updated.body).toMatchObject({ ageGroup: '25-29', version: 2 });
    });

    it('replays a retried organiser write with the same Idempotency-Key', async () => {
      const send = (body: object, key: string) =>
        request(t.url)
          .post('/api/teams')
          .set('Authorization', `Bearer ${organiser}`)
          .set('Idempotency-Key', key)
          .send(body);
      const body = teamBody({ name: 'Retried Team' });
      const first = await send(body, 'key-1').expect(201);
      const again = await send(body, 'key-1').expect(201);
      expect(again.body.id).toBe(first.body.id);
      const other = await send(teamBody({ name: 'Other Body' }), 'key-1').expect(409);
      expect(other.body.message).toBe('Idempotency-Key was already used with a different request body');
      const parallel = await Promise.all(
        Array.from({ length: 6 }, () => send(teamBody({ name: 'Parallel Team' }), 'key-2')),
      );
      expect(parallel.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
      expect(parallel.every((r) => r.status === 201 || r.status === 409)).toBe(true);
      const found = await request(t.url).get('/api/teams?search=Parallel Team').expect(200);
      expect(found.body.total).toBe(1);
      const retried = await request(t.url).get('/api/teams?search=Retried Team').expect(200);
      expect(retried.body.total).toBe(1);
    });

    it('records declared and same-institution conflicts', async () => {
      const team = await post(
        '/api/teams',
        teamBody({ name: 'Conflict Team', institution: 'Astana IT University' }),
        organiser,
      ).expect(201);
      const judge = await post(
        '/api/judges',
        { fullName: 'Judge Conflicted', regionCode: 'south', institution: 'Somewhere Else' },
        organiser,
      ).expect(201);
      const withConflict = await post(
        `/api/judges/${judge.body.id}/conflicts`,
        { teamId: team.body.id, note: 'coach' },
        organiser,
      ).expect(201);
      expect(withConflict.body.conflicts).toEqual([{ teamId: team.body.id, note: 'coach' }]);
      await post(
        `/api/judges/${judge.body.id}/conflicts`,
        { teamId: '00000000-0000-4000-8000-000000000000' },
        organiser,
      ).expect(404);
      const partner = await post(
        '/api/judges',
        { fullName: 'Judge Partner', regionCode: 'south', institution: 'X' },
        organiser,
      ).expect(201);
      const paired = await post(
        `/api/judges/${partner.body.id}/judge-conflicts`,
        { judgeId: judge.body.id },
        organiser,
      ).expect(201);
      expect(paired.body.judgeConflicts).toEqual([judge.body.id]);
      const other = await request(t.url)
        .get(`/api/judges/${judge.body.id}`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200);
      expect(other.body.judgeConflicts).toEqual([partner.body.id]);
      await post(`/api/judges/${judge.body.id}/judge-conflicts`, { judgeId: judge.body.id }, organiser).expect(400);
    });
  });
});

describe('embedded store (e2e)', () => {
  it('keeps data across a restart of the app', async () => {
    const first = await startTestApp({ embedded: true });
    const token = await first.organiserToken();
    const made = await request(first.url)
      .post('/api/teams')
      .set('Authorization', `Bearer ${token}`)
      .send(teamBody({ name: 'Survivors' }))
      .expect(201);
    await first.close({ keepData: true });

    const second = await startTestApp({ embedded: true, dataDir: first.dataDir });
    try {
      const res = await request(second.url).get(`/api/teams/${made.body.id}`).expect(200);
      expect(res.body.name).toBe('Survivors');
      // The organiser was not bootstrapped twice and the old token's secret still verifies.
      await request(second.url).get('/api/judges').set('Authorization', `Bearer ${token}`).expect(200);
    } finally {
      await second.close();
    }
  });
});
