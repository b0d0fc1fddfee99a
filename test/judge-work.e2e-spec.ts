import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
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
    expect(released[0]).toMatchObject({ format: 'ld', motion: 'Secret until released', roundStatus: 'released' });
    expect(released[0].teams.map((x: { side: string }) => x.side)).toEqual(['aff', 'neg']);
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
