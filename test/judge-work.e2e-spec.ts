import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Fixtures } from './support/fixtures.js';
import { judgeScenario, type JudgeScenario } from './support/judge-scenario.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('GET /api/me/work (e2e)', () => {
  let t: TestApp;
  let s: JudgeScenario;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    s = await judgeScenario(t);
    token = (await request(t.url).post('/api/auth/judge').send({ token: s.judge.linkToken }).expect(200)).body
      .accessToken;
  });
  afterAll(() => t.close());
  const work = () => request(t.url).get('/api/me/work').set('Authorization', `Bearer ${token}`).expect(200);

  it("lists the judge's released debates with rosters in speaking order, and the case championship's progress", async () => {
    const { body } = await work();
    expect(body.judgeId).toBe(s.judge.id);
    expect(body.fullName).toBe(s.judge.fullName);
    expect(body.debates).toHaveLength(2);
    const wsdc = body.debates.find((d: { debateId: string }) => d.debateId === s.wsdc.debateId);
    expect(wsdc).toMatchObject({
      tournamentId: s.wsdc.tournamentId,
      tournamentName: 'WSDC Open',
      format: 'wsdc',
      roundSeq: 1,
      roundStatus: 'released',
      room: 1,
      motion: s.wsdc.motion,
      role: 'chair',
      status: 'pending',
      ballotIn: false,
      ballotVersion: null,
    });
    expect(wsdc.teams.map((x: { side: string }) => x.side)).toEqual(['gov', 'opp']);
    for (const team of wsdc.teams) {
      const made = s.wsdc.teams.find((x) => x.id === team.teamId)!;
      expect(team.name).toBe(made.name);
      // The roster as the organiser entered it: speaker 1, 2, 3.
      expect(team.speakers).toEqual(made.members.map((m) => ({ id: m.id, name: m.fullName })));
    }
    const bp = body.debates.find((d: { debateId: string }) => d.debateId === s.bp.debateId);
    expect(bp.format).toBe('bp');
    expect(bp.teams.map((x: { side: string }) => x.side)).toEqual(['OG', 'OO', 'CG', 'CO']);
    expect(bp.teams.every((x: { speakers: unknown[] }) => x.speakers.length === 2)).toBe(true);

    expect(body.championships).toHaveLength(1);
    const c = body.championships[0];
    expect(c).toMatchObject({ championshipId: s.cases.championshipId, status: 'scoring', sheetsDone: 0, sheetsDue: 1 });
    const conflictOf = (id: string) => c.teams.find((x: { teamId: string }) => x.teamId === id).conflict;
    expect(conflictOf(s.cases.free.id)).toBeNull();
    expect(conflictOf(s.cases.declared.id)).toBe('declared');
    expect(conflictOf(s.cases.sameInstitution.id)).toBe('same-institution');
    expect(c.criteria.find((x: { key: string }) => x.key === 'analysis').names).toEqual({
      kk: 'Талдаудың тереңдігі',
      ru: 'Глубина анализа',
      en: 'Depth of analysis',
    });
  });

  it('shows a ballot in (with its version) and a sheet counted, after the judge submits them', async () => {
    const { body: before } = await work();
    const wsdc = before.debates.find((d: { debateId: string }) => d.debateId === s.wsdc.debateId);
    const ballot = {
      teams: wsdc.teams.map((team: { teamId: string; speakers: { id: string }[] }, i: number) => ({
        teamId: team.teamId,
        speeches: [
          ...team.speakers.map((p) => ({ speakerId: p.id, score: i === 0 ? 72 : 70 })),
          { speakerId: team.speakers[0].id, score: 36, reply: true },
        ],
      })),
    };
    const auth = { Authorization: `Bearer ${token}` };
    await request(t.url).post(`/api/debates/${s.wsdc.debateId}/ballots`).set(auth).send(ballot).expect(201);
    const scores = { relevance: 8, analysis: 7, feasibility: 9, innovation: 6, presentation: 8 };
    await request(t.url)
      .put(`/api/case-championships/${s.cases.championshipId}/scoresheets/${s.cases.free.id}`)
      .set(auth)
      .send({ scores })
      .expect(200);
    const { body } = await work();
    const after = body.debates.find((d: { debateId: string }) => d.debateId === s.wsdc.debateId);
    // A one-judge panel's ballot decides the debate at once.
    expect(after).toMatchObject({ ballotIn: true, ballotVersion: 1, status: 'confirmed' });
    expect(body.debates.find((d: { debateId: string }) => d.debateId === s.bp.debateId).ballotIn).toBe(false);
    expect(body.championships[0]).toMatchObject({ sheetsDone: 1, sheetsDue: 1 });
    expect(
      body.championships[0].teams.find((x: { teamId: string }) => x.teamId === s.cases.free.id).scoresheet,
    ).toMatchObject({ scores, version: 1 });
  });

  it('keeps a draft round off the list until it is released', async () => {
    const org = s.organiser;
    const api = () => request(t.url);
    const made = await api()
      .post('/api/tournaments')
      .set(org)
      .send({ name: 'Draft Cup', level: 'regional', regionCode: 'north', format: 'ld', prelimRounds: 1, breakSize: 2 })
      .expect(201);
    const id = made.body.id as string;
    for (const name of ['LD One', 'LD Two']) {
      const team = await api()
        .post('/api/teams')
        .set(org)
        .send({
          name,
          regionCode: 'north',
          oblastCode: 'pavlodar',
          institution: `${name} School`,
          eventDate: '2026-11-24',
          members: [{ fullName: `${name} debater`, birthDate: '2006-01-01' }],
        })
        .expect(201);
      await api().post(`/api/tournaments/${id}/teams`).set(org).send({ teamId: team.body.id }).expect(201);
    }
    await api()
      .post(`/api/tournaments/${id}/adjudicators`)
      .set(org)
      .send({ judgeIds: [s.judge.id] })
      .expect(201);
    const drawn = await api()
      .post(`/api/tournaments/${id}/rounds`)
      .set(org)
      .send({ motion: 'Secret until released' })
      .expect(201);
    const draft = (await work()).body;
    expect(draft.debates.filter((d: { tournamentId: string }) => d.tournamentId === id)).toEqual([]);
    await api().post(`/api/tournaments/${id}/rounds/${drawn.body.seq}/release`).set(org).expect(200);
    const released = (await work()).body.debates.filter((d: { tournamentId: string }) => d.tournamentId === id);
    expect(released).toHaveLength(1);
    // The draw is out, the motion not yet: the tablet shows "not released yet".
    expect(released[0]).toMatchObject({ format: 'ld', motion: null, roundStatus: 'released' });
    expect(released[0].teams.map((x: { side: string }) => x.side)).toEqual(['aff', 'neg']);
    await api().post(`/api/tournaments/${id}/rounds/${drawn.body.seq}/motion/release`).set(org).expect(200);
    const out = (await work()).body.debates.find((d: { tournamentId: string }) => d.tournamentId === id);
    expect(out.motion).toBe('Secret until released');
  });

  it('answers GET /api/debates/mine and /api/case-championships/mine with the same cards as /api/me/work', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const { body } = await work();
    const debates = (await request(t.url).get('/api/debates/mine').set(auth).expect(200)).body;
    expect(debates).toEqual({ items: body.debates, total: body.debates.length });
    expect(debates.total).toBeGreaterThanOrEqual(2);
    const championships = (await request(t.url).get('/api/case-championships/mine').set(auth).expect(200)).body;
    expect(championships).toEqual({ items: body.championships, total: 1 });
    // What the judge's screen needs, without a second call: rosters with ids and names, scored and conflicted teams.
    const wsdc = debates.items.find((d: { debateId: string }) => d.debateId === s.wsdc.debateId);
    expect(wsdc.teams.map((x: { side: string }) => x.side)).toEqual(['gov', 'opp']);
    expect(wsdc.teams.map((x: { name: string }) => x.name).sort()).toEqual(s.wsdc.teams.map((x) => x.name).sort());
    for (const team of wsdc.teams as { teamId: string; speakers: { id: string; name: string }[] }[]) {
      const made = s.wsdc.teams.find((x) => x.id === team.teamId)!;
      expect(team.speakers).toEqual(made.members.map((m) => ({ id: m.id, name: m.fullName })));
    }
    const teams = championships.items[0].teams as { teamId: string; conflict: string | null; scoresheet: unknown }[];
    expect(teams.map((x) => [x.teamId, x.conflict, x.scoresheet !== null]).sort()).toEqual(
      [
        [s.cases.free.id, null, true],
        [s.cases.declared.id, 'declared', false],
        [s.cases.sameInstitution.id, 'same-institution', false],
      ].sort(),
    );
    for (const path of ['/api/debates/mine', '/api/case-championships/mine']) {
      await request(t.url).get(path).expect(401);
      await request(t.url).get(path).set(s.organiser).expect(403);
    }
  });

  it('refuses to finalise while a juror has teams unscored (409 with the list) unless forced, and audits the force', async () => {
    const fx = new Fixtures(t, await t.organiserToken());
    const org = fx.auth();
    const organiserId = JSON.parse(Buffer.from(org.Authorization.split('.')[1], 'base64url').toString()).sub;
    const api = () => request(t.url);
    const championship = async (title: string) => {
      const made = await api()
        .post('/api/case-championships')
        .set(org)
        .send({ title, regionCode: 'west', qualifierSlots: 1 })
        .expect(201);
      // Entered and seated out of alphabetical order: the 409 lists jurors and teams by name.
      const teams = [await fx.team('west', `${title} Үшінші`), await fx.team('west', `${title} Екінші`)];
      teams.push(await fx.team('west', `${title} Бірінші`));
      for (const team of teams) {
        await api()
          .post(`/api/case-championships/${made.body.id}/entries`)
          .set(org)
          .send({ teamId: team.id })
          .expect(201);
      }
      const jurors = [
        await fx.judge('west', { name: `${title} Болат` }),
        await fx.judge('west', { name: `${title} Айгерім` }),
      ];
      await api()
        .post(`/api/case-championships/${made.body.id}/jury`)
        .set(org)
        .send({ judgeIds: jurors.map((j) => j.id) })
        .expect(201);
      return { id: made.body.id as string, teams, jurors };
    };
    const scores = { relevance: 8, analysis: 7, feasibility: 9, innovation: 6, presentation: 8 };
    const sheet = (id: string, teamId: string, judge: { token: string }) =>
      api()
        .put(`/api/case-championships/${id}/scoresheets/${teamId}`)
        .set('Authorization', `Bearer ${judge.token}`)
        .send({ scores })
        .expect(200);

    const c = await championship('Finalise');
    const [b, a] = c.jurors;
    // Болат may not score the third team: a conflict is not a missing sheet.
    await api().post(`/api/judges/${b.id}/conflicts`).set(org).send({ teamId: c.teams[2].id }).expect(201);
    await api().post(`/api/case-championships/${c.id}/start-scoring`).set(org).expect(200);
    await sheet(c.id, c.teams[0].id, a);
    await sheet(c.id, c.teams[0].id, b);
    const refused = await api().post(`/api/case-championships/${c.id}/finalise`).set(org).send({}).expect(409);
    const unscored = [
      {
        judgeId: a.id,
        judgeName: 'Finalise Айгерім',
        teams: [
          { teamId: c.teams[2].id, teamName: 'Finalise Бірінші' },
          { teamId: c.teams[1].id, teamName: 'Finalise Екінші' },
        ],
      },
      { judgeId: b.id, judgeName: 'Finalise Болат', teams: [{ teamId: c.teams[1].id, teamName: 'Finalise Екінші' }] },
    ];
    expect(refused.body.problems).toEqual(
      unscored.map((juror) => ({
        field: null,
        code: 'SCORESHEETS_MISSING',
        message: `${juror.judgeName} has not scored ${juror.teams.map((x) => x.teamName).join(', ')}: send force: true to finalise anyway`,
        ...juror,
      })),
    );
    // Nothing changed: still scoring, sheets still accepted, nothing audited.
    expect((await api().get(`/api/case-championships/${c.id}`).set(org).expect(200)).body.status).toBe('scoring');
    expect((await api().get(`/api/case-championships/${c.id}/organiser-audit`).set(org).expect(200)).body).toEqual({
      items: [],
      total: 0,
    });
    await api().post(`/api/case-championships/${c.id}/finalise`).set(org).send({ force: 'yes' }).expect(400);
    await sheet(c.id, c.teams[1].id, b);
    const less = await api().post(`/api/case-championships/${c.id}/finalise`).set(org).expect(409);
    expect(less.body.problems.map((p: { judgeId: string }) => p.judgeId)).toEqual([a.id]);

    const forced = await api()
      .post(`/api/case-championships/${c.id}/finalise`)
      .set(org)
      .send({ force: true, reason: 'Айгерім left ill' })
      .expect(200);
    expect(forced.body.status).toBe('finalised');
    const audit = (await api().get(`/api/case-championships/${c.id}/organiser-audit`).set(org).expect(200)).body;
    expect(audit.total).toBe(1);
    expect(audit.items[0]).toMatchObject({
      action: 'finalise-forced',
      actor: `organiser:${organiserId}`,
      reason: 'Айгерім left ill',
      unscored: [unscored[0]],
    });
    await api().get(`/api/case-championships/${c.id}/organiser-audit`).expect(401);

    // Every assigned sheet in: finalise needs no force and audits nothing.
    const full = await championship('Complete');
    await api().post(`/api/case-championships/${full.id}/start-scoring`).set(org).expect(200);
    for (const team of full.teams) for (const juror of full.jurors) await sheet(full.id, team.id, juror);
    await api().post(`/api/case-championships/${full.id}/finalise`).set(org).expect(200);
    expect(
      (await api().get(`/api/case-championships/${full.id}/organiser-audit`).set(org).expect(200)).body.total,
    ).toBe(0);
  });

  it('is for judges only', async () => {
    await request(t.url).get('/api/me/work').expect(401);
    await request(t.url).get('/api/me/work').set(s.organiser).expect(403);
  });
});

describe('the client is served at / with history fallback (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves the judge app at /, /j/<token> and /judge/<token>, and leaves /api alone', async () => {
    for (const path of ['/', '/j/abc', '/judge/some-token']) {
      const res = await request(t.url).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<div id="app">');
    }
    await request(t.url)
      .get('/api/health')
      .expect(200)
      .expect((res) => expect(res.body.status).toBe('ok'));
    await request(t.url)
      .get('/api/nope')
      .expect(404)
      .expect((res) => expect(res.headers['content-type']).toMatch(/json/));
    await request(t.url)
      .get('/sw.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    await request(t.url).get('/elsewhere').expect(404);
  });
});
