import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { CreatedJudge, Fixtures } from './support/fixtures.js';
import { RecordingSocket } from './support/live-client.js';
import type { TestApp } from './support/test-app.js';
import { startWithKit } from './support/tournaments.js';

const REGIONS = ['south', 'north', 'west', 'central', 'east'] as const;
const KEYS = ['relevance', 'analysis', 'feasibility', 'innovation', 'presentation'];
const uniform = (x: number) => Object.fromEntries(KEYS.map((k) => [k, x]));

describe('case championships «Жастар мәселесі жастар көзімен» (e2e)', () => {
  let t: TestApp, fx: Fixtures, org: Record<string, string>;
  const api = () => request(t.url);
  const as = (judge: CreatedJudge) => ({ Authorization: `Bearer ${judge.token}` });

  beforeAll(async () => ({ t, fx, org } = await startWithKit()));
  afterAll(() => t.close());

  async function championship(region: string, body: Record<string, unknown> = {}) {
    const res = await api()
      .post('/api/case-championships')
      .set(org)
      .send({ title: `Жастар мәселесі жастар көзімен — ${region}`, regionCode: region, qualifierSlots: 2, ...body })
      .expect(201);
    return res.body as { id: string; criteria: { key: string; weight: number; maxScore: number }[]; version: number };
  }

  async function seated(region: string, teamCount: number, body: Record<string, unknown> = {}) {
    const c = await championship(region, body);
    const teams = [];
    for (let i = 0; i < teamCount; i++) {
      const team = await fx.team(region, `${region} case ${i + 1} ${c.id.slice(0, 4)}`);
      await api().post(`/api/case-championships/${c.id}/entries`).set(org).send({ teamId: team.id }).expect(201);
      teams.push(team);
    }
    const jurors: CreatedJudge[] = [];
    for (let j = 0; j < 5; j++) jurors.push(await fx.judge(region));
    await api()
      .post(`/api/case-championships/${c.id}/jury`)
      .set(org)
      .send({ judgeIds: jurors.map((j) => j.id) })
      .expect(201);
    await api().post(`/api/case-championships/${c.id}/start-scoring`).set(org).expect(200);
    return { c, teams, jurors };
  }

  const score = (id: string, teamId: string, judge: CreatedJudge, scores: Record<string, unknown>, key?: string) => {
    const req = api().put(`/api/case-championships/${id}/scoresheets/${teamId}`).set(as(judge));
    return (key ? req.set('Idempotency-Key', key) : req).send({ scores });
  };

  it('uses the default rubric when none is given', async () => {
    const c = await championship('south');
    expect(c.criteria.map((x) => [x.key, x.weight, x.maxScore])).toEqual([
      ['relevance', 20, 10],
      ['analysis', 25, 10],
      ['feasibility', 25, 10],
      ['innovation', 15, 10],
      ['presentation', 15, 10],
    ]);
  });

  it('runs a five-region season: scoring, standings, finalisation and qualifiers', async () => {
    for (const [r, region] of REGIONS.entries()) {
      const { c, teams, jurors } = await seated(region, 3 + (r % 4));
      for (const [i, team] of teams.entries()) {
        for (const [j, juror] of jurors.entries()) {
          await score(c.id, team.id, juror, uniform(Math.min(10, 4 + i + (j % 2)))).expect(200);
        }
      }
      const standings = (await api().get(`/api/case-championships/${c.id}/standings`).expect(200)).body;
      expect(standings.rows).toHaveLength(teams.length);
      expect(standings.rows.map((row: { teamId: string }) => row.teamId)).toEqual(
        [...teams].reverse().map((x) => x.id),
      );
      expect(standings.rows.every((row: { judgesCounted: number }) => row.judgesCounted === 5)).toBe(true);
      const finalised = (await api().post(`/api/case-championships/${c.id}/finalise`).set(org).expect(200)).body;
      expect(finalised.status).toBe('finalised');
      expect(finalised.qualifiers).toEqual([teams.at(-1)!.id, teams.at(-2)!.id]);
      await score(c.id, teams[0].id, jurors[0], uniform(9)).expect(409);
    }
  });

  it('ranks a hand-computed case: weights, then drop high/low', async () => {
    const criteria = [
      { key: 'idea', name: 'Idea', weight: 3, maxScore: 10 },
      { key: 'pitch', name: 'Pitch', weight: 1, maxScore: 5 },
    ];
    const { c, teams, jurors } = await seated('north', 3, { criteria, qualifierSlots: 1 });
    // Judge totals = (3·idea/10 + 1·pitch/5) / 4 · 100.
    const sheets: [number, number][][] = [
      // team A: totals 90, 80, 80, 70, 20 → mean 68; dropping 90 and 20 → 76.667
      [
        [10, 3],
        [9, 2.5],
        [8, 4],
        [7, 3.5],
        [2, 1],
      ],
      // team B: 70 from everyone → 70 either way
      [
        [7, 3.5],
        [7, 3.5],
        [7, 3.5],
        [7, 3.5],
        [7, 3.5],
      ],
      // team C: 60, 90, 90, 90, 60 → mean 78; dropping one 90 and one 60 → 80
      [
        [6, 3],
        [9, 4.5],
        [9, 4.5],
        [9, 4.5],
        [6, 3],
      ],
    ];
    for (const [i, team] of teams.entries()) {
      for (const [j, juror] of jurors.entries()) {
        await score(c.id, team.id, juror, { idea: sheets[i][j][0], pitch: sheets[i][j][1] }).expect(200);
      }
    }
    const plain = (await api().get(`/api/case-championships/${c.id}/standings`).expect(200)).body;
    expect(plain.rows.map((r: { teamId: string; total: number }) => [r.teamId, Number(r.total.toFixed(3))])).toEqual([
      [teams[2].id, 78],
      [teams[1].id, 70],
      [teams[0].id, 68],
    ]);
    expect(plain.rows[0].perCriterion).toEqual({ idea: 7.8, pitch: 3.9 });
    const view = (await api().get(`/api/case-championships/${c.id}`).expect(200)).body;
    await api()
      .patch(`/api/case-championships/${c.id}/options`)
      .set(org)
      .send({ version: view.version, dropHighLow: true })
      .expect(200);
    const dropped = (await api().get(`/api/case-championships/${c.id}/standings`).expect(200)).body;
    expect(
      dropped.rows.map((r: { teamId: string; total: number; judgesCounted: number }) => [
        r.teamId,
        Number(r.total.toFixed(3)),
        r.judgesCounted,
      ]),
    ).toEqual(
      [
        [teams[2].id, 80],
        [teams[0].id, 76.667],
        [teams[1].id, 70],
      ].map(([id, total]) => [id, total, 3]),
    );
    await api()
      .patch(`/api/case-championships/${c.id}/options`)
      .set(org)
      .send({ version: view.version, dropHighLow: false })
      .expect(409);

    // Normalisation, by hand: all 15 totals have mean μ = 72 and population SD σ = 17.2047. Judge 1 gave A, B, C
    // 90, 70, 60 (mean 73.333, SD 12.472), so A's sheet becomes 72 + 17.2047 × (90 − 73.333) / 12.472 = 94.991;
    // likewise every sheet, then the mean per team: A 69.387, B 63.404, C 83.209.
    await api()
      .patch(`/api/case-championships/${c.id}/options`)
      .set(org)
      .send({ version: view.version + 1, dropHighLow: false, normaliseJudges: true })
      .expect(200);
    const normalised = (await api().get(`/api/case-championships/${c.id}/standings`).expect(200)).body;
    expect(
      normalised.rows.map((r: { teamId: string; total: number }) => [r.teamId, Number(r.total.toFixed(3))]),
    ).toEqual([
      [teams[2].id, 83.209],
      [teams[0].id, 69.387],
      [teams[1].id, 63.404],
    ]);
    expect(normalised.rows.map((r: { qualified: boolean }) => r.qualified)).toEqual([true, false, false]);
  });

  it('rejects bad scoresheets field by field and changes nothing', async () => {
    const { c, teams, jurors } = await seated('west', 3);
    const outsider = await fx.judge('west');
    const bad = async (scores: Record<string, unknown>, expected: string[]) => {
      const res = await score(c.id, teams[0].id, jurors[0], scores).expect(400);
      expect(res.body.message).toEqual(expect.arrayContaining(expected.map((e) => expect.stringContaining(e))));
    };
    await bad({ relevance: 5 }, ['scores.analysis', 'scores.feasibility', 'scores.innovation', 'scores.presentation']);
    await bad({ ...uniform(5), charisma: 3 }, ['scores.charisma']);
    await bad({ ...uniform(5), analysis: 11 }, ['scores.analysis']);
    await bad({ ...uniform(5), innovation: -1 }, ['scores.innovation']);
    await bad({ ...uniform(5), presentation: 'ten' }, ['scores.presentation']);
    await api()
      .put(`/api/case-championships/${c.id}/scoresheets/${teams[0].id}`)
      .set(as(jurors[0]))
      .send({ scores: uniform(5), mood: 'x' })
      .expect(400);
    await score(c.id, teams[0].id, outsider, uniform(5)).expect(403);
    await api()
      .put(`/api/case-championships/${c.id}/scoresheets/${teams[0].id}`)
      .send({ scores: uniform(5) })
      .expect(401);
    const sheets = await api().get(`/api/case-championships/${c.id}/scoresheets`).set(org).expect(200);
    expect(sheets.body).toEqual({ items: [], total: 0 });

    const draft = await championship('west');
    const team = await fx.team('west', 'Draft team');
    await api().post(`/api/case-championships/${draft.id}/entries`).set(org).send({ teamId: team.id }).expect(201);
    await api()
      .post(`/api/case-championships/${draft.id}/jury`)
      .set(org)
      .send({ judgeIds: [jurors[0].id] })
      .expect(201);
    const notOpen = await score(draft.id, team.id, jurors[0], uniform(5)).expect(409);
    expect(notOpen.body.message).toMatch(/draft/);
    const otherRegion = await fx.team('east', 'Eastern team');
    const wrong = await api()
      .post(`/api/case-championships/${draft.id}/entries`)
      .set(org)
      .send({ teamId: otherRegion.id })
      .expect(422);
    expect(wrong.body.message).toMatch(/east/);
    await api().post(`/api/case-championships/${c.id}/entries`).set(org).send({ teamId: team.id }).expect(409);

    const juniors = await championship('west', { ageGroup: '14-17' });
    const adults = await api()
      .post(`/api/case-championships/${juniors.id}/entries`)
      .set(org)
      .send({ teamId: team.id })
      .expect(422);
    expect(adults.body.message).toMatch(/age group 18-24 on \d{4}-\d{2}-\d{2}; this championship is for 14-17/);
    const young = await fx.team('west', 'Young west team', { birthDate: '2010-05-05' });
    await api().post(`/api/case-championships/${juniors.id}/entries`).set(org).send({ teamId: young.id }).expect(201);
  });

  it('refuses a conflicted juror with a 422 that says why', async () => {
    const c = await championship('central');
    const team = await fx.team('central', 'Karaganda Tech team', { institution: 'Karaganda Tech' });
    const other = await fx.team('central', 'Other central team');
    const sameSchool = await fx.judge('central', { institution: 'karaganda  tech' });
    const declared = await fx.judge('central');
    await api().post(`/api/judges/${declared.id}/conflicts`).set(org).send({ teamId: other.id }).expect(201);
    for (const teamId of [team.id, other.id])
      await api().post(`/api/case-championships/${c.id}/entries`).set(org).send({ teamId }).expect(201);
    await api()
      .post(`/api/case-championships/${c.id}/jury`)
      .set(org)
      .send({ judgeIds: [sameSchool.id, declared.id] })
      .expect(201);
    await api().post(`/api/case-championships/${c.id}/start-scoring`).set(org).expect(200);
    expect((await score(c.id, team.id, sameSchool, uniform(5)).expect(422)).body.message).toMatch(/same institution/);
    expect((await score(c.id, other.id, declared, uniform(5)).expect(422)).body.message).toMatch(/declared conflict/);
    await score(c.id, other.id, sameSchool, uniform(5)).expect(200);
    const assignments = await api().get(`/api/case-championships/${c.id}/assignments`).set(as(sameSchool)).expect(200);
    expect(assignments.body.teams.find((x: { teamId: string }) => x.teamId === team.id).conflict).toBe(
      'same-institution',
    );
  });

  it('counts twenty parallel submissions with one key once, keeps two jurors scoring at once, and audits replacements', async () => {
    const { c, teams, jurors } = await seated('east', 3);
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => score(c.id, teams[0].id, jurors[0], uniform(6), 'tablet-key-1')),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(replies.every((r) => r.body.version === 1)).toBe(true);
    await score(c.id, teams[0].id, jurors[0], uniform(7), 'tablet-key-1').expect(409);

    await Promise.all([
      score(c.id, teams[1].id, jurors[0], uniform(8)).expect(200),
      score(c.id, teams[1].id, jurors[1], uniform(4)).expect(200),
    ]);
    const sheets = (await api().get(`/api/case-championships/${c.id}/scoresheets`).set(org).expect(200)).body.items;
    expect(sheets.filter((s: { teamId: string }) => s.teamId === teams[1].id)).toHaveLength(2);
    expect(sheets.filter((s: { teamId: string }) => s.teamId === teams[0].id)).toHaveLength(1);

    const replaced = await score(c.id, teams[0].id, jurors[0], uniform(9), 'tablet-key-2').expect(200);
    expect(replaced.body.version).toBe(2);
    const audit = (await api().get(`/api/case-championships/${c.id}/audit`).set(org).expect(200)).body.items;
    const trail = audit.filter(
      (a: { teamId: string; judgeId: string }) => a.teamId === teams[0].id && a.judgeId === jurors[0].id,
    );
    expect(
      trail.map((a: { version: number; before: unknown; after: { scores: unknown } }) => [
        a.version,
        a.before,
        a.after.scores,
      ]),
    ).toEqual([
      [1, null, uniform(6)],
      [2, { scores: uniform(6), comment: null }, uniform(9)],
    ]);
    expect(trail[1].actor).toBe(`judge:${jurors[0].id}`);
    const stale = await api()
      .put(`/api/case-championships/${c.id}/scoresheets/${teams[0].id}`)
      .set(as(jurors[0]))
      .send({ scores: uniform(5), version: 1 });
    expect(stale.status).toBe(409);
  });

  it('shows a harsh juror in the diagnostics', async () => {
    const { c, teams, jurors } = await seated('south', 4);
    for (const [i, team] of teams.entries()) {
      for (const [j, juror] of jurors.entries()) {
        await score(c.id, team.id, juror, uniform(j === 4 ? 1 + i : 5 + i)).expect(200);
      }
    }
    const report = (await api().get(`/api/case-championships/${c.id}/diagnostics`).set(org).expect(200)).body.items as {
      judgeId: string;
      meanDeviation: number;
    }[];
    const harsh = report.find((r) => r.judgeId === jurors[4].id)!;
    expect(harsh.meanDeviation).toBeLessThan(-30);
    for (const juror of jurors.slice(0, 4))
      expect(report.find((r) => r.judgeId === juror.id)!.meanDeviation).toBeGreaterThan(0);
    await api().get(`/api/case-championships/${c.id}/diagnostics`).expect(401);
  });

  it('freezes the public board, reveals it bottom-up live, and exports CSV with a BOM', async () => {
    const { c, teams, jurors } = await seated('north', 3);
    const audience = new RecordingSocket(t.url);
    await audience.connected();
    const sub = await audience.subscribe({ kind: 'championship', id: c.id });
    expect(sub.ok).toBe(true);
    const snapshot = await audience.waitFor((m) => m.event === 'snapshot');
    const seq0 = snapshot.seq as number;

    await score(c.id, teams[0].id, jurors[0], uniform(5)).expect(200);
    const scoreEvent = await audience.waitFor((m) => m.event === 'score');
    expect(scoreEvent.seq).toBe(seq0 + 1);
    await audience.waitFor((m) => m.event === 'standings');

    for (const [i, team] of teams.entries())
      for (const juror of jurors) await score(c.id, team.id, juror, uniform(3 + 2 * i)).expect(200);
    let view = (await api().get(`/api/case-championships/${c.id}`).expect(200)).body;
    view = (await api().post(`/api/case-championships/${c.id}/freeze?version=${view.version}`).set(org).expect(200))
      .body;
    const hidden = (await api().get(`/api/case-championships/${c.id}/standings`).expect(200)).body;
    expect(hidden.frozen).toBe(true);
    expect(hidden.rows.every((r: { hidden?: boolean; teamId: string | null }) => r.hidden && r.teamId === null)).toBe(
      true,
    );
    const full = (await api().get(`/api/case-championships/${c.id}/standings`).set(org).expect(200)).body;
    expect(full.rows[0].teamId).toBe(teams[2].id);

    for (let step = 1; step <= 3; step++) {
      view = (await api().post(`/api/case-championships/${c.id}/reveal?version=${view.version}`).set(org).expect(200))
        .body;
      const reveal = await audience.waitFor(
        (m) => m.event === 'reveal' && ((m.reveal as { revealed: number }).revealed === step || step === 3),
      );
      expect(reveal.seq).toBeGreaterThan(seq0);
      const board = (await api().get(`/api/case-championships/${c.id}/standings`).expect(200)).body;
      if (step < 3) {
        expect(
          board.rows.filter((r: { hidden?: boolean }) => !r.hidden).map((r: { teamId: string }) => r.teamId),
        ).toEqual([teams[1].id, teams[0].id].slice(2 - step));
      } else {
        expect(board.frozen).toBe(false);
        expect(board.rows[0].teamId).toBe(teams[2].id);
      }
    }
    const seqs = audience.events().map((m) => m.seq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs[0]).toBe(seq0 + 1);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1] + 1);
    audience.close();

    const csv = await api().get(`/api/case-championships/${c.id}/standings/export?format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain(teams[2].name);
    const json = await api().get(`/api/case-championships/${c.id}/standings/export?format=json`).expect(200);
    expect(json.body.rows).toHaveLength(3);
  });
});
