import request from 'supertest';
import type { CreatedJudge, Fixtures } from './fixtures.js';
import type { TestApp } from './test-app.js';

export const CASE_KEYS = ['relevance', 'analysis', 'feasibility', 'innovation', 'presentation'];
export const uniform = (x: number) => Object.fromEntries(CASE_KEYS.map((k) => [k, x]));

export interface Season {
  id: string;
  teams: { id: string; name: string }[];
  jurors: CreatedJudge[];
}

/** A case championship in scoring: `teamCount` entries from the south, `jurorCount` jurors seated. */
export async function season(
  t: TestApp,
  fx: Fixtures,
  teamCount: number,
  jurorCount: number,
  qualifierSlots = 1,
): Promise<Season> {
  const org = fx.auth();
  const c = await request(t.url)
    .post('/api/case-championships')
    .set(org)
    .send({ title: 'Resilience season', regionCode: 'south', qualifierSlots })
    .expect(201);
  const teams = [];
  for (let i = 0; i < teamCount; i++) {
    const team = await fx.team('south');
    await request(t.url)
      .post(`/api/case-championships/${c.body.id}/entries`)
      .set(org)
      .send({ teamId: team.id })
      .expect(201);
    teams.push(team);
  }
  const jurors = [];
  for (let j = 0; j < jurorCount; j++) jurors.push(await fx.judge('south'));
  await request(t.url)
    .post(`/api/case-championships/${c.body.id}/jury`)
    .set(org)
    .send({ judgeIds: jurors.map((j) => j.id) })
    .expect(201);
  await request(t.url).post(`/api/case-championships/${c.body.id}/start-scoring`).set(org).expect(200);
  return { id: c.body.id, teams, jurors };
}

export const sheet = (url: string, s: Season, team: number, juror: number, x: number) =>
  request(url)
    .put(`/api/case-championships/${s.id}/scoresheets/${s.teams[team].id}`)
    .set('Authorization', `Bearer ${s.jurors[juror].token}`)
    .send({ scores: uniform(x) });
