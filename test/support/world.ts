import request from 'supertest';
import { Fixtures, type CreatedJudge } from './fixtures.js';
import type { TestApp } from './test-app.js';

/**
 * One of everything, for tests that walk every route: teams, two judges (each alone on one debate of a released
 * round, and `judgeOfThis` the only juror of a championship that is scoring), a tournament, a cup.
 */
export interface World {
  organiser: string;
  judgeOfThis: CreatedJudge;
  judgeOfOther: CreatedJudge;
  teamIds: string[];
  speakerIds: string[][];
  tournamentId: string;
  debateId: string;
  otherDebateId: string;
  championshipId: string;
  cupId: string;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const organiser = await t.organiserToken();
  const fx = new Fixtures(t, organiser);
  const org = fx.auth();
  const api = () => request(t.url);
  const teams = [];
  for (let i = 0; i < 4; i++) teams.push(await fx.team('east', `World team ${i + 1}`));
  const judges = [await fx.judge('east', { strength: 7 }), await fx.judge('east', { strength: 6 })];
  const cup = await api()
    .post('/api/cups')
    .set(org)
    .send({ name: 'World Cup', season: '2026', slotsPerRegion: 1 })
    .expect(201);
  const tournament = await api()
    .post('/api/tournaments')
    .set(org)
    .send({
      name: 'World tournament',
      level: 'regional',
      regionCode: 'east',
      format: 'wsdc',
      prelimRounds: 2,
      breakSize: 2,
    })
    .expect(201);
  const tournamentId = tournament.body.id as string;
  for (const team of teams)
    await api().post(`/api/tournaments/${tournamentId}/teams`).set(org).send({ teamId: team.id }).expect(201);
  await api()
    .post(`/api/tournaments/${tournamentId}/adjudicators`)
    .set(org)
    .send({ judgeIds: judges.map((j) => j.id) })
    .expect(201);
  await api().post(`/api/tournaments/${tournamentId}/rounds`).set(org).send({ seed: 'world' }).expect(201);
  const round = await api().post(`/api/tournaments/${tournamentId}/rounds/1/release`).set(org).expect(200);
  const debates = round.body.debates as { id: string; panel: { judgeId: string }[] }[];
  const debateOf = (judge: CreatedJudge) => debates.find((d) => d.panel.some((p) => p.judgeId === judge.id))!;
  const championship = await api()
    .post('/api/case-championships')
    .set(org)
    .send({ title: 'World championship', regionCode: 'east', qualifierSlots: 1 })
    .expect(201);
  const championshipId = championship.body.id as string;
  for (const team of teams.slice(0, 2)) {
    await api()
      .post(`/api/case-championships/${championshipId}/entries`)
      .set(org)
      .send({ teamId: team.id })
      .expect(201);
  }
  await api()
    .post(`/api/case-championships/${championshipId}/jury`)
    .set(org)
    .send({ judgeIds: [judges[0].id] })
    .expect(201);
  await api().post(`/api/case-championships/${championshipId}/start-scoring`).set(org).expect(200);
  return {
    organiser,
    judgeOfThis: judges[0],
    judgeOfOther: judges[1],
    teamIds: teams.map((t) => t.id),
    speakerIds: teams.map((t) => t.members.map((m) => m.id)),
    tournamentId,
    debateId: debateOf(judges[0]).id,
    otherDebateId: debateOf(judges[1]).id,
    championshipId,
    cupId: cup.body.id as string,
  };
}

/** Fills an OpenAPI path (`/api/tournaments/{id}/rounds/{seq}`) with the world's ids. */
export function fillPath(path: string, w: World): string {
  const resource = path.split('/')[2];
  const ids: Record<string, string> = {
    teams: w.teamIds[3],
    judges: w.judgeOfOther.id,
    'case-championships': w.championshipId,
    cups: w.cupId,
    tournaments: w.tournamentId,
    debates: w.debateId,
    regions: 'east',
  };
  return path
    .replace('{id}', ids[resource] ?? '00000000-0000-4000-8000-000000000000')
    .replace('{seq}', '1')
    .replace('{teamId}', w.teamIds[0])
    .replace('{code}', 'east')
    .replace('{key}', 'wsdc');
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

export interface OpenApiSchema {
  type?: string;
  $ref?: string;
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  enum?: unknown[];
  required?: string[];
}

/** Every route of the running app, as `METHOD /api/path`, from its OpenAPI document. */
export async function routes(t: TestApp): Promise<{ key: string; method: string; path: string }[]> {
  const doc = (await request(t.url).get('/api/docs-json').expect(200)).body as OpenApiDocument;
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ key: `${method.toUpperCase()} ${path}`, method, path })),
  );
}
