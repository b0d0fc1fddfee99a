import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as argon2 from 'argon2';
import request from 'supertest';
import { Fixtures } from './support/fixtures.js';
import { RecordingSocket } from './support/live-client.js';
import { adminQuery, ORGANISER, startTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'dist/src/auth/admin-cli.js');
/** The secret startTestApp gives the app: lets the test sign a token that has already expired. */
const TEST_SECRET = 'orleu-test-secret-0123456789';

function signHs256(payload: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${head}.${createHmac('sha256', TEST_SECRET).update(head).digest('base64url')}`;
}

const codes = (body: { problems?: { code: string }[] }) => (body.problems ?? []).map((p) => p.code);

describe('accounts and credentials (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let fx: Fixtures;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  const account = async (username: string, role: string) => {
    const created = await request(t.url)
      .post('/api/organisers')
      .set(bearer(admin))
      .send({ username, role })
      .expect(201);
    expect(created.body).toMatchObject({ username, role, active: true });
    const login = await request(t.url)
      .post('/api/auth/login')
      .send({ username, password: created.body.password })
      .expect(200);
    expect(login.body.organiserRole).toBe(role);
    return {
      id: created.body.id as string,
      password: created.body.password as string,
      token: login.body.accessToken as string,
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.organiserToken();
    fx = new Fixtures(t, admin);
  });
  afterAll(() => t.close());

  it('admin creates a tab account; desk registers teams and judges but cannot create a tournament', async () => {
    const tab = await account('tab-1', 'tab');
    const desk = await account('desk-1', 'desk');
    const tournament = {
      name: 'Roles cup',
      level: 'regional',
      regionCode: 'east',
      format: 'wsdc',
      prelimRounds: 2,
      breakSize: 2,
    };

    const refused = await request(t.url).post('/api/tournaments').set(bearer(desk.token)).send(tournament).expect(403);
    expect(codes(refused.body)).toEqual(['ROLE_FORBIDDEN']);
    await request(t.url).post('/api/tournaments').set(bearer(tab.token)).send(tournament).expect(201);

    const team = {
      name: 'Desk team',
      regionCode: 'east',
      oblastCode: 'abai',
      institution: 'Semey College',
      eventDate: '2026-11-24',
      members: [{ fullName: 'Әлия Серікқызы', birthDate: '2006-05-17' }],
    };
    await request(t.url).post('/api/teams').set(bearer(desk.token)).send(team).expect(201);
    await request(t.url)
      .post('/api/teams')
      .set(bearer(tab.token))
      .send({ ...team, name: 'Tab team' })
      .expect(403);
    await request(t.url)
      .post('/api/judges')
      .set(bearer(desk.token))
      .send({ fullName: 'Desk judge', regionCode: 'east', institution: 'X' })
      .expect(201);
    await request(t.url).post('/api/case-championships').set(bearer(desk.token)).send({}).expect(403);
    await request(t.url).get('/api/judges').set(bearer(tab.token)).expect(200);

    // Accounts are the admin's alone.
    await request(t.url).get('/api/organisers').set(bearer(tab.token)).expect(403);
    await request(t.url)
      .post('/api/organisers')
      .set(bearer(desk.token))
      .send({ username: 'x-1', role: 'admin' })
      .expect(403);
    const list = await request(t.url).get('/api/organisers').set(bearer(admin)).expect(200);
    expect(list.body.items.map((o: { username: string; role: string }) => `${o.username}:${o.role}`)).toEqual(
      expect.arrayContaining(['organiser:admin', 'tab-1:tab', 'desk-1:desk']),
    );
    expect(JSON.stringify(list.body)).not.toMatch(/password/i);
  });

  it('a deactivated account is refused at once, token and sign-in alike', async () => {
    const tab = await account('tab-2', 'tab');
    await request(t.url).get('/api/judges').set(bearer(tab.token)).expect(200);
    await request(t.url).post(`/api/organisers/${tab.id}/deactivate`).set(bearer(admin)).expect(200);
    const res = await request(t.url).get('/api/judges').set(bearer(tab.token)).expect(401);
    expect(codes(res.body)).toEqual(['ACCOUNT_DEACTIVATED']);
    await request(t.url).post('/api/auth/login').send({ username: 'tab-2', password: tab.password }).expect(401);
    await request(t.url).post(`/api/organisers/${tab.id}/activate`).set(bearer(admin)).expect(200);
    await request(t.url).post('/api/auth/login').send({ username: 'tab-2', password: tab.password }).expect(200);
    // Tokens from before the deactivation stay void.
    await request(t.url).get('/api/judges').set(bearer(tab.token)).expect(401);
  });

  it('changing your own password voids your older tokens', async () => {
    const desk = await account('desk-2', 'desk');
    const wrong = await request(t.url)
      .post('/api/auth/password')
      .set(bearer(desk.token))
      .send({ currentPassword: 'not-it-at-all', newPassword: 'a-new-password' })
      .expect(400);
    expect(wrong.body.problems).toEqual([
      { field: 'currentPassword', code: 'BAD_CREDENTIALS', message: 'currentPassword is wrong' },
    ]);
    const changed = await request(t.url)
      .post('/api/auth/password')
      .set(bearer(desk.token))
      .send({ currentPassword: desk.password, newPassword: 'a-new-password' })
      .expect(200);
    const old = await request(t.url).get('/api/judges').set(bearer(desk.token)).expect(401);
    expect(codes(old.body)).toEqual(['TOKEN_SUPERSEDED']);
    await request(t.url).get('/api/judges').set(bearer(changed.body.accessToken)).expect(200);
    await request(t.url).post('/api/auth/login').send({ username: 'desk-2', password: desk.password }).expect(401);
    await request(t.url).post('/api/auth/login').send({ username: 'desk-2', password: 'a-new-password' }).expect(200);
  });

  it('a revoked judge is refused at once: token, code and link; re-issuing brings new ones and voids the old', async () => {
    const created = await request(t.url)
      .post('/api/judges')
      .set(bearer(admin))
      .send({ fullName: 'Revoked Judge', regionCode: 'north', institution: 'Pavlodar U' })
      .expect(201);
    const judgeId = created.body.id as string;
    const oldCode = created.body.accessCode as string;
    const oldLink = (created.body.link as string).replace('/judge/', '');
    const token = (await request(t.url).post('/api/auth/judge').send({ accessCode: oldCode }).expect(200)).body
      .accessToken;
    await request(t.url).get('/api/debates/mine').set(bearer(token)).expect(200);
    const before = new RecordingSocket(t.url, { token });
    await before.connected();
    before.close();

    const revoked = await request(t.url)
      .post(`/api/judges/${judgeId}/revoke`)
      .set(bearer(admin))
      .send({ reason: 'tablet lost' })
      .expect(200);
    expect(revoked.body.revoked).toBe(true);
    // The live channel's handshake refuses the token too.
    const after = new RecordingSocket(t.url, { token });
    await expect(after.connected()).rejects.toThrow(/unauthorized/);
    after.close();
    expect(codes((await request(t.url).get('/api/debates/mine').set(bearer(token)).expect(401)).body)).toEqual([
      'JUDGE_REVOKED',
    ]);
    expect(
      codes((await request(t.url).post('/api/auth/judge').send({ accessCode: oldCode }).expect(401)).body),
    ).toEqual(['JUDGE_REVOKED']);
    expect(codes((await request(t.url).post('/api/auth/judge').send({ token: oldLink }).expect(401)).body)).toEqual([
      'JUDGE_REVOKED',
    ]);

    const issued = await request(t.url)
      .post(`/api/judges/${judgeId}/credentials`)
      .set(bearer(admin))
      .send({})
      .expect(201);
    expect(issued.body.accessCode).not.toBe(oldCode);
    expect(
      codes((await request(t.url).post('/api/auth/judge').send({ accessCode: oldCode }).expect(401)).body),
    ).toEqual(['BAD_CREDENTIALS']);
    await request(t.url).post('/api/auth/judge').send({ token: oldLink }).expect(401);
    // The token from before the revocation stays void even though the judge is active again.
    expect(codes((await request(t.url).get('/api/debates/mine').set(bearer(token)).expect(401)).body)).toEqual([
      'TOKEN_SUPERSEDED',
    ]);
    const fresh = await request(t.url).post('/api/auth/judge').send({ accessCode: issued.body.accessCode }).expect(200);
    await request(t.url).get('/api/debates/mine').set(bearer(fresh.body.accessToken)).expect(200);
    await request(t.url)
      .post('/api/auth/judge')
      .send({ token: issued.body.link.replace('/judge/', '') })
      .expect(200);
    expect((await request(t.url).get(`/api/judges/${judgeId}`).set(bearer(admin)).expect(200)).body.revoked).toBe(
      false,
    );

    const audit = await request(t.url).get(`/api/judges/${judgeId}/credentials/audit`).set(bearer(admin)).expect(200);
    expect(audit.body.items.map((a: { action: string; reason: string | null }) => [a.action, a.reason])).toEqual([
      ['revoked', 'tablet lost'],
      ['reissued', null],
    ]);
  });

  it('re-issuing a judge voids a token signed from the old code at once', async () => {
    const judge = await fx.judge('west');
    await request(t.url).get('/api/debates/mine').set(bearer(judge.token)).expect(200);
    await request(t.url)
      .post(`/api/judges/${judge.id}/credentials`)
      .set(bearer(admin))
      .send({ reason: 'lost code' })
      .expect(201);
    expect(codes((await request(t.url).get('/api/debates/mine').set(bearer(judge.token)).expect(401)).body)).toEqual([
      'TOKEN_SUPERSEDED',
    ]);
  });

  it("a tablet renews an expired token with its private link, without typing; a revoked judge's link is 401 JUDGE_REVOKED", async () => {
    const created = await request(t.url)
      .post('/api/judges')
      .set(bearer(admin))
      .send({ fullName: 'Tablet Judge', regionCode: 'south', institution: 'KazNU' })
      .expect(201);
    const link = (created.body.link as string).replace('/judge/', '');
    const now = Math.floor(Date.now() / 1000);
    const expired = signHs256({ sub: created.body.id, role: 'judge', gen: 1, iat: now - 50_000, exp: now - 60 });
    const stale = await request(t.url).get('/api/debates/mine').set(bearer(expired)).expect(401);
    expect(codes(stale.body)).toEqual(['TOKEN_EXPIRED']);

    const renewed = await request(t.url).post('/api/auth/judge').send({ token: link }).expect(200);
    expect(renewed.body).toMatchObject({ role: 'judge', judgeId: created.body.id, expiresIn: 16 * 3600 });
    await request(t.url).get('/api/debates/mine').set(bearer(renewed.body.accessToken)).expect(200);

    await request(t.url).post(`/api/judges/${created.body.id}/revoke`).set(bearer(admin)).send({}).expect(200);
    const refused = await request(t.url).post('/api/auth/judge').send({ token: link }).expect(401);
    expect(refused.body.problems).toEqual([
      { field: null, code: 'JUDGE_REVOKED', message: 'this judge has been revoked by the organisers' },
    ]);
  });

  it('a token whose signature was checked once still expires on time, is still revocable, and a forged twin is refused', async () => {
    const judge = await fx.judge('east', { name: 'Memo Judge' });
    const now = Math.floor(Date.now() / 1000);
    const shortLived = signHs256({ sub: judge.id, role: 'judge', gen: 1, iat: now, exp: now + 2 });
    await request(t.url).get('/api/debates/mine').set(bearer(shortLived)).expect(200);
    // Same header and claims, another signature: the memo is by the whole token, so this one is checked anew.
    const forged = `${shortLived.slice(0, shortLived.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    expect(codes((await request(t.url).get('/api/debates/mine').set(bearer(forged)).expect(401)).body)).toEqual([
      'TOKEN_INVALID',
    ]);
    await new Promise((r) => setTimeout(r, Math.max(0, (now + 2) * 1000 - Date.now()) + 50));
    expect(codes((await request(t.url).get('/api/debates/mine').set(bearer(shortLived)).expect(401)).body)).toEqual([
      'TOKEN_EXPIRED',
    ]);

    const longLived = signHs256({ sub: judge.id, role: 'judge', gen: 1, iat: now, exp: now + 3600 });
    await request(t.url).get('/api/debates/mine').set(bearer(longLived)).expect(200);
    await request(t.url).post(`/api/judges/${judge.id}/revoke`).set(bearer(admin)).send({}).expect(200);
    expect(codes((await request(t.url).get('/api/debates/mine').set(bearer(longLived)).expect(401)).body)).toEqual([
      'JUDGE_REVOKED',
    ]);
  });

  it('the links sheet re-issues the chosen judges (audited) and lists working codes and links in CSV', async () => {
    const [a, b] = [
      await fx.judge('central', { name: 'Әсел Қанатқызы' }),
      await fx.judge('central', { name: 'Иван Петров' }),
    ];
    const res = await request(t.url)
      .post('/api/judges/links.csv')
      .set(bearer(admin))
      .send({ judgeIds: [a.id, b.id] })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.text.startsWith('\uFEFFfullName,regionCode,institution,accessCode,link\r\n')).toBe(true);
    const lines = res.text.trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(2);
    const row = lines.find((l) => l.startsWith('Әсел Қанатқызы,'))!.split(',');
    await request(t.url).post('/api/auth/judge').send({ accessCode: a.accessCode }).expect(401);
    await request(t.url).get('/api/debates/mine').set(bearer(a.token)).expect(401);
    const login = await request(t.url).post('/api/auth/judge').send({ accessCode: row[3] }).expect(200);
    expect(login.body.judgeId).toBe(a.id);
    await request(t.url)
      .post('/api/auth/judge')
      .send({ token: row[4].replace('/judge/', '') })
      .expect(200);
    const audit = await request(t.url).get(`/api/judges/${b.id}/credentials/audit`).set(bearer(admin)).expect(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'reissued', reason: 'links sheet' })]);
  });

  // The stored rows are read directly, so this runs in the PostgreSQL pass: the embedded database lives inside the
  // app's process. src/auth/secret-hashing.spec.ts checks the same parameters without a database.
  (process.env.DATABASE_URL ? it : it.skip)(
    "stored passwords and access-code secrets are argon2id at OWASP's minimum; a hash made with the old defaults still signs in",
    async () => {
      const judge = await fx.judge('north');
      const [organiser] = await adminQuery<{ password_hash: string }>(
        t.databaseUrl!,
        'SELECT password_hash FROM organisers WHERE username = $1',
        [ORGANISER.username],
      );
      const [stored] = await adminQuery<{ access_secret_hash: string }>(
        t.databaseUrl!,
        'SELECT access_secret_hash FROM judges WHERE id = $1',
        [judge.id],
      );
      for (const hash of [organiser.password_hash, stored.access_secret_hash])
        expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);

      // Hashes written before the parameters were chosen carry the library's defaults, and keep working.
      const old = await argon2.hash(ORGANISER.password);
      expect(old).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
      await adminQuery(t.databaseUrl!, 'UPDATE organisers SET password_hash = $1 WHERE username = $2', [
        old,
        ORGANISER.username,
      ]);
      await request(t.url).post('/api/auth/login').send(ORGANISER).expect(200);
      await request(t.url)
        .post('/api/auth/login')
        .send({ ...ORGANISER, password: `${ORGANISER.password}!` })
        .expect(401);
    },
  );

  it('every error carries problems with field and a stable code; a missing ?version= names the field', async () => {
    const bad = await request(t.url)
      .post('/api/judges')
      .set(bearer(admin))
      .send({ regionCode: 'north', institution: 'X', extra: 1 })
      .expect(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining(['fullName must be a string', 'property extra should not exist']),
    );
    expect(bad.body.problems).toEqual(
      expect.arrayContaining([
        { field: 'fullName', code: 'IS_STRING', message: 'fullName must be a string' },
        { field: 'extra', code: 'UNKNOWN_PROPERTY', message: 'property extra should not exist' },
      ]),
    );
    expect(bad.body.problems).toHaveLength(bad.body.message.length);

    const nested = await request(t.url)
      .post('/api/teams')
      .set(bearer(admin))
      .send({
        name: 'N',
        regionCode: 'east',
        oblastCode: 'abai',
        institution: 'I',
        members: [{ fullName: 'A', birthDate: 'soon' }],
      })
      .expect(400);
    expect(nested.body.problems).toEqual([
      { field: 'members.0.birthDate', code: 'IS_ISO8601', message: nested.body.message[0] },
    ]);

    const region = await request(t.url)
      .post('/api/judges')
      .set(bearer(admin))
      .send({ fullName: 'J', regionCode: 'mars', institution: 'X' })
      .expect(400);
    expect(region.body.problems).toEqual([
      { field: 'regionCode', code: 'INVALID_INPUT', message: region.body.message[0] },
    ]);

    const missing = await request(t.url)
      .get('/api/judges/7f0b1a9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f')
      .set(bearer(admin))
      .expect(404);
    expect(missing.body.problems).toEqual([{ field: null, code: 'NOT_FOUND', message: missing.body.message }]);

    const noVersion = await request(t.url)
      .post('/api/case-championships/7f0b1a9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f/freeze')
      .set(bearer(admin))
      .expect(400);
    expect(noVersion.body.problems).toEqual([
      { field: 'version', code: 'REQUIRED', message: 'version is required: send ?version=<integer>' },
    ]);
    expect(noVersion.body.message).toEqual(['version is required: send ?version=<integer>']);
    const badVersion = await request(t.url)
      .post('/api/case-championships/7f0b1a9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f/freeze?version=two')
      .set(bearer(admin))
      .expect(400);
    expect(badVersion.body.problems).toEqual([
      {
        field: 'version',
        code: 'INVALID_INPUT',
        message: 'version must be an integer between -2147483648 and 2147483647',
      },
    ]);
    // A well-formed version passes the pipe: the 404 is the championship's.
    await request(t.url)
      .post('/api/case-championships/7f0b1a9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f/freeze?version=3')
      .set(bearer(admin))
      .expect(404);

    const noToken = await request(t.url).post('/api/teams').send({}).expect(401);
    expect(noToken.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      problems: [{ field: null, code: 'UNAUTHENTICATED' }],
    });
  });

  it('regions carry ISO 3166-2 and KATO codes, cities read as cities, oblasts are found by their adjective alias', async () => {
    const res = await request(t.url).get('/api/regions').expect(200);
    type Unit = {
      code: string;
      isoCode: string;
      katoCode: string;
      names: { kk: string; ru: string };
      aliases: string[];
    };
    const units: Unit[] = res.body.items.flatMap((r: { oblasts: Unit[]; cities: Unit[] }) => [
      ...r.oblasts,
      ...r.cities,
    ]);
    expect(units).toHaveLength(20);
    expect(new Set(units.map((u) => u.isoCode)).size).toBe(20);
    expect(units.every((u) => /^KZ-\d{2}$/.test(u.isoCode) && /^\d{9}$/.test(u.katoCode))).toBe(true);
    const byCode = new Map(units.map((u) => [u.code, u]));
    expect(byCode.get('abai')).toMatchObject({
      isoCode: 'KZ-10',
      katoCode: '100000000',
      names: { ru: 'область Абай' },
      aliases: ['Абайская область'],
    });
    expect(byCode.get('astana')).toMatchObject({
      isoCode: 'KZ-71',
      katoCode: '710000000',
      names: { kk: 'Астана қаласы', ru: 'город Астана' },
    });
    expect(byCode.get('almaty')!.names).toMatchObject({ kk: 'Алматы қаласы', ru: 'город Алматы' });
    expect(byCode.get('almaty-region')).toMatchObject({
      isoCode: 'KZ-19',
      names: { kk: 'Алматы облысы', ru: 'Алматинская область' },
    });

    const alias = await request(t.url).get('/api/regions').query({ search: 'абайская' }).expect(200);
    expect(
      alias.body.items.map((r: { code: string; oblasts: Unit[]; cities: Unit[] }) => [
        r.code,
        [...r.oblasts, ...r.cities].map((u) => u.code),
      ]),
    ).toEqual([['east', ['abai']]]);
    const iso = await request(t.url).get('/api/regions').query({ search: 'KZ-75' }).expect(200);
    expect(iso.body.items).toHaveLength(1);
    expect(iso.body.items[0].cities.map((u: Unit) => u.code)).toEqual(['almaty']);
    expect(iso.body.items[0].oblasts).toEqual([]);
  });
});

describe('first start and the reset-password CLI (e2e)', () => {
  it('prints the generated admin password as a plain line with how to reset it; the CLI resets it on the same database', async () => {
    let t = await startTestApp({ env: { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: '' } });
    try {
      const printed = /^Orleu: created organiser "admin" \(role admin\) with generated password: (\S+)$/m.exec(
        t.output(),
      );
      expect(printed).not.toBeNull();
      expect(t.output()).toMatch(/^ {2}npm run admin -- reset-password admin$/m);
      const login = await request(t.url)
        .post('/api/auth/login')
        .send({ username: 'admin', password: printed![1] })
        .expect(200);
      const cliEnv = t.databaseUrl
        ? { PATH: process.env.PATH ?? '', DATABASE_URL: t.databaseUrl }
        : { PATH: process.env.PATH ?? '', DATA_DIR: t.dataDir! };
      if (t.databaseUrl) {
        // A real server: reset while the app runs.
        const { stdout } = await run(process.execPath, [CLI, 'reset-password', 'admin'], { env: cliEnv });
        const password = /^Orleu: new password for organiser "admin" \(role admin\): (\S+)$/m.exec(stdout)![1];
        await request(t.url).post('/api/auth/login').send({ username: 'admin', password: printed![1] }).expect(401);
        await request(t.url).post('/api/auth/login').send({ username: 'admin', password }).expect(200);
        await request(t.url)
          .get('/api/organisers')
          .set('Authorization', `Bearer ${login.body.accessToken}`)
          .expect(401);
      } else {
        // Embedded: PGlite is single-process, so the CLI refuses while the app holds the files…
        await expect(run(process.execPath, [CLI, 'reset-password', 'admin'], { env: cliEnv })).rejects.toMatchObject({
          stderr: expect.stringContaining('is in use: stop the app first'),
        });
        // …and works once it is stopped; the app then starts with the new password.
        await t.close({ keepData: true });
        const { stdout } = await run(process.execPath, [CLI, 'reset-password', 'admin'], {
          env: { ...cliEnv, ORLEU_NEW_PASSWORD: 'chosen-by-cli-1' },
        });
        expect(stdout).toContain('password of organiser "admin" (role admin) changed');
        t = await startTestApp({ dataDir: t.dataDir, env: { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: '' } });
        expect(t.output()).not.toContain('generated password');
        await request(t.url).post('/api/auth/login').send({ username: 'admin', password: printed![1] }).expect(401);
        await request(t.url)
          .post('/api/auth/login')
          .send({ username: 'admin', password: 'chosen-by-cli-1' })
          .expect(200);
      }
      if (t.databaseUrl) {
        await expect(run(process.execPath, [CLI, 'reset-password', 'nobody'], { env: cliEnv })).rejects.toMatchObject({
          code: 1,
          stderr: 'no organiser called "nobody"\n',
        });
      }
    } finally {
      await t.close();
      if (t.dataDir) rmSync(t.dataDir, { recursive: true, force: true });
    }
  });
});
