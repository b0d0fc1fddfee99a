import request from 'supertest';
import { Fixtures } from './fixtures.js';
import type { TestApp } from './test-app.js';

export interface ScenarioTeam {
  id: string;
  name: string;
  members: { id: string; fullName: string }[];
}

export interface JudgeScenario {
  judge: { id: string; fullName: string; link: string; linkToken: string; accessCode: string; institution: string };
  wsdc: { tournamentId: string; debateId: string; motion: string; teams: ScenarioTeam[] };
  bp: { tournamentId: string; debateId: string; teams: ScenarioTeam[] };
  /** With `allFormats`: an APF and an LD debate too. */
  apf?: { tournamentId: string; debateId: string; teams: ScenarioTeam[] };
  ld?: { tournamentId: string; debateId: string; teams: ScenarioTeam[] };
  cases: { championshipId: string; free: ScenarioTeam; declared: ScenarioTeam; sameInstitution: ScenarioTeam };
  organiser: Record<string, string>;
}

/**
 * One judge with work everywhere: chair of a WSDC debate and a BP room on released rounds, and a juror of a case
 * championship with one team to score and two it may not (a declared conflict, the judge's own institution).
 */
export async function judgeScenario(
  t: TestApp,
  tag = '',
  options: { panelOfThree?: boolean; allFormats?: boolean } = {},
): Promise<JudgeScenario> {
  const fx = new Fixtures(t, await t.organiserToken());
  const org = fx.auth();
  const api = () => request(t.url);
  const institution = `Astana Debate Lyceum${tag}`;
  const created = await api()
    .post('/api/judges')
    .set(org)
    .send({ fullName: 'Айгерім Сәрсенова', regionCode: 'north', institution })
    .expect(201);
  const link = created.body.link as string;
  const judge = {
    id: created.body.id as string,
    fullName: 'Айгерім Сәрсенова',
    link,
    linkToken: link.split('/').pop()!,
    accessCode: created.body.accessCode as string,
    institution,
  };

  async function tournament(format: 'wsdc' | 'bp' | 'apf' | 'ld', teamCount: number, members: number, motion: string) {
    const made = await api()
      .post('/api/tournaments')
      .set(org)
      .send({
        name: `${format.toUpperCase()} Open${tag}`,
        level: 'regional',
        regionCode: 'north',
        format,
        prelimRounds: 1,
        breakSize: format === 'bp' ? 4 : 2,
      })
      .expect(201);
    const id = made.body.id as string;
    const teams: ScenarioTeam[] = [];
    for (let i = 0; i < teamCount; i++) {
      const team = await fx.team('north', `${format.toUpperCase()} Team ${String.fromCharCode(65 + i)}${tag}`, {
        members,
      });
      teams.push(team);
      await api().post(`/api/tournaments/${id}/teams`).set(org).send({ teamId: team.id }).expect(201);
    }
    // Two more judges make a panel of three (panels are odd): the debate stays open after this judge's ballot.
    const others =
      format === 'wsdc' && options.panelOfThree ? [(await fx.judge('north')).id, (await fx.judge('north')).id] : [];
    await api()
      .post(`/api/tournaments/${id}/adjudicators`)
      .set(org)
      .send({ judgeIds: [judge.id, ...others] })
      .expect(201);
    const drawn = await api().post(`/api/tournaments/${id}/rounds`).set(org).send({ motion }).expect(201);
    await api().post(`/api/tournaments/${id}/rounds/${drawn.body.seq}/release`).set(org).expect(200);
    await api().post(`/api/tournaments/${id}/rounds/${drawn.body.seq}/motion/release`).set(org).expect(200);
    return { tournamentId: id, debateId: drawn.body.debates[0].id as string, teams };
  }

  const wsdcMotion = 'This House would lower the voting age to 16';
  const wsdc = { ...(await tournament('wsdc', 2, 3, wsdcMotion)), motion: wsdcMotion };
  const bp = await tournament('bp', 4, 2, 'This House regrets the rise of short video');
  const apf = options.allFormats ? await tournament('apf', 2, 2, 'This House would make voting compulsory') : undefined;
  const ld = options.allFormats ? await tournament('ld', 2, 1, 'Resolved: privacy outweighs security') : undefined;

  const championship = await api()
    .post('/api/case-championships')
    .set(org)
    .send({ title: 'Жастар мәселесі жастар көзімен — Солтүстік', regionCode: 'north', qualifierSlots: 1 })
    .expect(201);
  const championshipId = championship.body.id as string;
  const free = await fx.team('north', `Case Free${tag}`);
  const declared = await fx.team('north', `Case Declared${tag}`);
  const sameInstitution = await fx.team('north', `Case Colleagues${tag}`, { institution });
  for (const team of [free, declared, sameInstitution]) {
    await api()
      .post(`/api/case-championships/${championshipId}/entries`)
      .set(org)
      .send({ teamId: team.id })
      .expect(201);
  }
  await api().post(`/api/judges/${judge.id}/conflicts`).set(org).send({ teamId: declared.id }).expect(201);
  await api()
    .post(`/api/case-championships/${championshipId}/jury`)
    .set(org)
    .send({ judgeIds: [judge.id] })
    .expect(201);
  await api().post(`/api/case-championships/${championshipId}/start-scoring`).set(org).expect(200);
  return { judge, wsdc, bp, apf, ld, cases: { championshipId, free, declared, sameInstitution }, organiser: org };
}
