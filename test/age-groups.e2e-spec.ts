import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Fixtures } from './support/fixtures.js';
import { startWithKit, TournamentKit } from './support/tournaments.js';
import type { TestApp } from './support/test-app.js';

/**
 * Age groups are the cup's (or the championship's) data: bands and a reference date. A team's group follows its
 * oldest member on that date; organisers see each team's group, the tabs filter by it, and no birth date leaves the
 * server on the way.
 */
describe('age groups per cup and championship (e2e)', () => {
  let t: TestApp, fx: Fixtures, kit: TournamentKit;
  const api = () => request(t.url);

  beforeAll(async () => ({ t, fx, kit } = await startWithKit()));
  afterAll(() => t.close());

  // Ages on the cup's reference date 2026-03-01, worked out by hand from these birth dates.
  const BIRTH_DATES = {
    juniors: ['2010-05-01', '2011-01-10', '2011-09-09'], // 15, 15, 14 → 14-17
    mixed: ['2011-06-01', '2008-02-01', '2010-01-01'], // 14, 18, 16 → 18-24 (the oldest decides)
    elders: ['1995-01-01', '2000-01-01', '2001-01-01'], // 31, 26, 25 → 30-35, a band this cup adds
    // 17 on 2026-03-01 (birthday the next day), though 18 on the team's own registration date 2026-11-24.
    birthdayNextDay: ['2008-03-02', '2010-01-01', '2010-02-02'],
  };
  const allBirthDates = Object.values(BIRTH_DATES).flat();

  async function team(name: string, birthDates: string[]) {
    return (
      await api()
        .post('/api/teams')
        .set(fx.auth())
        .send({
          name,
          regionCode: 'east',
          oblastCode: 'abai',
          institution: `${name} School`,
          eventDate: '2026-11-24',
          members: birthDates.map((birthDate, i) => ({ fullName: `${name} ${i + 1}`, birthDate })),
        })
        .expect(201)
    ).body as { id: string; ageGroup: string | null; members: { id: string }[] };
  }

  it("groups a cup's teams by its own bands, filters the tabs, and shows no birth date", async () => {
    const cupsBefore = (await api().get('/api/cups').expect(200)).body.total;
    const overlapping = await api()
      .post('/api/cups')
      .set(fx.auth())
      .send({
        name: 'Bad bands',
        season: '2026',
        slotsPerRegion: 1,
        ageBands: [
          { from: 14, to: 18 },
          { from: 18, to: 24 },
          { from: 25, to: 40 },
        ],
      })
      .expect(400);
    expect(overlapping.body.message).toEqual([
      'ageBands.1.from must be above ageBands.0.to (bands ascending, not overlapping)',
      "ageBands.2.to must be within 14–35 (the youth law's range), got 40",
    ]);
    const notWhole = await api()
      .post('/api/cups')
      .set(fx.auth())
      .send({ name: 'Bad bands', season: '2026', slotsPerRegion: 1, ageBands: [{ from: 14, to: 'old' }] })
      .expect(400);
    expect(JSON.stringify(notWhole.body.message)).toContain('ageBands.0.to must be an integer number');
    expect((await api().get('/api/cups').expect(200)).body.total).toBe(cupsBefore);

    const ageBands = [
      { from: 14, to: 17 },
      { from: 18, to: 24 },
      { from: 25, to: 29 },
      { from: 30, to: 35 },
    ];
    const cup = (
      await api()
        .post('/api/cups')
        .set(fx.auth())
        .send({ name: 'AMANAT Cup', season: '2026', slotsPerRegion: 1, ageBands, ageReferenceDate: '2026-03-01' })
        .expect(201)
    ).body;
    expect(cup).toMatchObject({ ageBands, ageReferenceDate: '2026-03-01' });

    const juniors = await team('Juniors', BIRTH_DATES.juniors);
    const mixed = await team('Mixed', BIRTH_DATES.mixed);
    const elders = await team('Elders', BIRTH_DATES.elders);
    const nextDay = await team('Birthday next day', BIRTH_DATES.birthdayNextDay);
    // Registration groups by the default bands on the team's own date: a 31-year-old is allowed (youth law) but
    // has no default group; the 18-year-old of 2026-11-24 is in 18-24 there.
    expect([juniors, mixed, elders, nextDay].map((x) => x.ageGroup)).toEqual(['14-17', '18-24', null, '18-24']);
    const tooOld = await api()
      .post('/api/teams')
      .set(fx.auth())
      .send({
        name: 'Too old',
        regionCode: 'east',
        oblastCode: 'abai',
        institution: 'X',
        eventDate: '2026-11-24',
        members: [{ fullName: 'A', birthDate: '1990-01-01' }],
      })
      .expect(400);
    expect(tooOld.body.message).toEqual(['members.0.birthDate gives age 36 on 2026-11-24: participants must be 14–35']);

    const tournament = (
      await api()
        .post('/api/tournaments')
        .set(fx.auth())
        .send({
          name: 'East regional',
          level: 'regional',
          regionCode: 'east',
          cupId: cup.id,
          format: 'wsdc',
          prelimRounds: 1,
          breakSize: 2,
        })
        .expect(201)
    ).body;
    const teams = [juniors, mixed, elders, nextDay];
    for (const [i, x] of teams.entries()) {
      await api().post(`/api/tournaments/${tournament.id}/teams`).set(fx.auth()).send({ teamId: x.id }).expect(201);
      kit.strength.set(x.id, 10 - i);
      kit.speakers.set(
        x.id,
        x.members.map((m) => m.id),
      );
    }
    const judges = [await fx.judge('east'), await fx.judge('east')];
    for (const judge of judges) kit.judges.set(judge.id, judge);
    await api()
      .post(`/api/tournaments/${tournament.id}/adjudicators`)
      .set(fx.auth())
      .send({ judgeIds: judges.map((j) => j.id) })
      .expect(201);

    const groups = await api().get(`/api/tournaments/${tournament.id}/age-groups`).set(fx.auth()).expect(200);
    const groupOf = Object.fromEntries(
      groups.body.items.map((r: { teamId: string; ageGroup: string | null }) => [r.teamId, r.ageGroup]),
    );
    expect(groupOf).toEqual({
      [juniors.id]: '14-17',
      [mixed.id]: '18-24',
      [elders.id]: '30-35',
      [nextDay.id]: '14-17',
    });
    expect(groups.body).toMatchObject({ total: 4, ageBands, referenceDate: '2026-03-01' });
    await api().get(`/api/tournaments/${tournament.id}/age-groups`).expect(401);
    await api()
      .get(`/api/tournaments/${tournament.id}/age-groups`)
      .set('Authorization', `Bearer ${judges[0].token}`)
      .expect(403);

    const round = await kit.draw(tournament.id);
    await kit.judgeAll(round.debates);

    const full = (await api().get(`/api/tournaments/${tournament.id}/standings`).expect(200)).body.items as {
      teamId: string;
      rank: number;
    }[];
    const young = (await api().get(`/api/tournaments/${tournament.id}/standings?ageGroup=14-17`).expect(200)).body
      .items as {
      teamId: string;
      rank: number;
    }[];
    expect(young.map((r) => r.teamId).sort()).toEqual([juniors.id, nextDay.id].sort());
    // A filtered row keeps its place in the whole tab.
    for (const row of young) expect(row.rank).toBe(full.find((r) => r.teamId === row.teamId)!.rank);
    const oldest = (await api().get(`/api/tournaments/${tournament.id}/speakers?ageGroup=30-35`).expect(200)).body
      .items as {
      teamId: string;
    }[];
    expect(oldest).toHaveLength(3);
    expect(new Set(oldest.map((r) => r.teamId))).toEqual(new Set([elders.id]));
    const csv = await api().get(`/api/tournaments/${tournament.id}/standings?ageGroup=18-24&format=csv`).expect(200);
    expect(csv.text.trim().split('\n')).toHaveLength(2);
    expect(csv.text).toContain('Mixed');

    const unknown = await api().get(`/api/tournaments/${tournament.id}/standings?ageGroup=40-45`).expect(400);
    expect(unknown.body.message).toEqual([
      'ageGroup: "40-45" is not one of this tournament\'s age groups (14-17, 18-24, 25-29, 30-35)',
    ]);
    const malformed = await api().get(`/api/tournaments/${tournament.id}/speakers?ageGroup=young`).expect(400);
    expect(malformed.body.message).toEqual(['ageGroup must look like 14-17']);

    // No birth date (nor the year-month-day of one) on any route the audience reads, nor on the group list.
    const seen = [
      JSON.stringify(full),
      JSON.stringify(young),
      JSON.stringify(oldest),
      JSON.stringify((await api().get(`/api/tournaments/${tournament.id}`).expect(200)).body),
      JSON.stringify((await api().get(`/api/teams/${juniors.id}`).expect(200)).body),
      JSON.stringify((await api().get(`/api/cups/${cup.id}`).expect(200)).body),
      JSON.stringify(groups.body),
    ].join('\n');
    for (const date of allBirthDates) expect(seen).not.toContain(date);

    // The cup changes its bands: the groups follow at once; a bad set or a stale version changes nothing.
    const patch = (body: object) => api().patch(`/api/cups/${cup.id}/age-groups`).set(fx.auth()).send(body);
    const gap = await patch({
      version: cup.version,
      ageBands: [
        { from: 19, to: 35 },
        { from: 14, to: 18 },
      ],
    }).expect(400);
    expect(gap.body.message).toEqual([
      'ageBands.1.from must be above ageBands.0.to (bands ascending, not overlapping)',
    ]);
    const changed = await patch({
      version: cup.version,
      ageBands: [
        { from: 14, to: 18 },
        { from: 19, to: 35 },
      ],
    }).expect(200);
    expect(changed.body).toMatchObject({ cupId: cup.id, ageReferenceDate: '2026-03-01', version: cup.version + 1 });
    await patch({ version: cup.version, ageReferenceDate: '2027-01-01' }).expect(409);
    const regrouped = (await api().get(`/api/tournaments/${tournament.id}/age-groups`).set(fx.auth()).expect(200)).body;
    expect(
      Object.fromEntries(regrouped.items.map((r: { teamId: string; ageGroup: string }) => [r.teamId, r.ageGroup])),
    ).toEqual({ [juniors.id]: '14-18', [mixed.id]: '14-18', [elders.id]: '19-35', [nextDay.id]: '14-18' });
    expect(regrouped.referenceDate).toBe('2026-03-01');
    const wider = (await api().get(`/api/tournaments/${tournament.id}/standings?ageGroup=14-18`).expect(200)).body;
    expect(wider.items).toHaveLength(3);
    expect(wider.total).toBe(3);
  });

  it("a case championship takes its own bands and admits only its group's teams, by the oldest member", async () => {
    const base = { title: 'Жастар мәселесі', regionCode: 'east', qualifierSlots: 2 };
    const notABand = await api()
      .post('/api/case-championships')
      .set(fx.auth())
      .send({
        ...base,
        ageGroup: '18-24',
        ageBands: [
          { from: 14, to: 17 },
          { from: 18, to: 35 },
        ],
      })
      .expect(400);
    expect(notABand.body.message).toEqual(['ageGroup: "18-24" is not one of ageBands (14-17, 18-35)']);
    const backwards = await api()
      .post('/api/case-championships')
      .set(fx.auth())
      .send({ ...base, ageBands: [{ from: 20, to: 16 }] })
      .expect(400);
    expect(backwards.body.message).toEqual(['ageBands.0.to must not be below ageBands.0.from']);

    const juniorsOnly = (
      await api()
        .post('/api/case-championships')
        .set(fx.auth())
        .send({
          ...base,
          ageGroup: '14-17',
          ageBands: [
            { from: 14, to: 17 },
            { from: 18, to: 35 },
          ],
          ageReferenceDate: '2026-03-01',
        })
        .expect(201)
    ).body;
    expect(juniorsOnly).toMatchObject({ ageGroup: '14-17', ageReferenceDate: '2026-03-01' });
    const seventeen = await team('Seventeen on the day', BIRTH_DATES.birthdayNextDay);
    const withEighteen = await team('With an eighteen', BIRTH_DATES.mixed);
    // Registered as 18-24 (its own date), yet 17 on the championship's date: admitted.
    expect(seventeen.ageGroup).toBe('18-24');
    await api()
      .post(`/api/case-championships/${juniorsOnly.id}/entries`)
      .set(fx.auth())
      .send({ teamId: seventeen.id })
      .expect(201);
    const refused = await api()
      .post(`/api/case-championships/${juniorsOnly.id}/entries`)
      .set(fx.auth())
      .send({ teamId: withEighteen.id })
      .expect(422);
    expect(refused.body.message).toBe(
      'teamId: team "With an eighteen" is in age group 18-35 on 2026-03-01; this championship is for 14-17',
    );
    const view = (await api().get(`/api/case-championships/${juniorsOnly.id}`).expect(200)).body;
    expect(view.entries.map((e: { teamId: string }) => e.teamId)).toEqual([seventeen.id]);
  });
});
