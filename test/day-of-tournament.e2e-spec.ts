import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Fixtures } from './support/fixtures.js';
import type { TestApp } from './support/test-app.js';
import { startWithKit, TournamentKit, type DrawnDebate, type DrawnRound } from './support/tournaments.js';

// PGlite serves one connection, so two moves never overlap there and a lost update cannot happen (nor be caught):
// the race test runs in the PostgreSQL pass (DATABASE_URL set).
const onPostgres = !!process.env.DATABASE_URL;

interface PanelsView {
  seq: number;
  items: {
    id: string;
    room: number;
    venue: string | null;
    teams: { teamId: string }[];
    panel: { judgeId: string; role: string }[];
    conflicts: { kind: string; judgeId: string; otherId: string; reason: string }[];
  }[];
  unallocated: { judgeId: string }[];
}

describe('on the day: pools that change, check-in, venues, panels under the organiser’s hand (e2e)', () => {
  let t: TestApp, fx: Fixtures, org: Record<string, string>, kit: TournamentKit;
  const api = () => request(t.url);

  beforeAll(async () => ({ t, fx, org, kit } = await startWithKit()));
  afterAll(() => t.close());

  const drawnTeams = (round: { debates: DrawnDebate[] }) => round.debates.flatMap((d) => d.teams.map((x) => x.teamId));
  const seated = (round: { debates: DrawnDebate[] }) => round.debates.flatMap((d) => d.panel.map((p) => p.judgeId));
  const panels = async (id: string, seq: number): Promise<PanelsView> =>
    (await api().get(`/api/tournaments/${id}/rounds/${seq}/panels`).set(org).expect(200)).body;
  const pool = async (id: string) =>
    (await api().get(`/api/tournaments/${id}/adjudicators`).set(org).expect(200)).body as {
      items: { judgeId: string; active: boolean; panels: number }[];
      total: number;
    };

  it('removes an unused judge and team; once used, 409 with a code, and a deactivated judge is never allocated', async () => {
    const { id, teamIds, judgeIds } = await kit.tournament({ teams: 5, prelimRounds: 3, breakSize: 2, judges: 4 });
    // The strongest judge (the kit's last) would chair a room if still in the pool.
    const strongest = judgeIds[3];
    const removed = await api().delete(`/api/tournaments/${id}/adjudicators/${strongest}`).set(org).expect(200);
    expect(removed.body).toEqual({ id: strongest, removed: true });
    expect((await pool(id)).items.map((a) => a.judgeId).sort()).toEqual(judgeIds.slice(0, 3).sort());
    const extra = teamIds[4];
    await api().delete(`/api/tournaments/${id}/teams/${extra}`).set(org).expect(200);
    const entered = (await api().get(`/api/tournaments/${id}`).expect(200)).body.teams.map(
      (e: { teamId: string }) => e.teamId,
    );
    expect(entered).not.toContain(extra);

    const one = await kit.draw(id);
    expect(seated(one)).not.toContain(strongest);
    expect(drawnTeams(one).sort()).toEqual(teamIds.slice(0, 4).sort());

    // Used: a 409 naming the field and a stable code, nothing removed.
    const judge = one.debates[0].panel[0].judgeId;
    const inUse = await api().delete(`/api/tournaments/${id}/adjudicators/${judge}`).set(org).expect(409);
    expect(inUse.body.problems).toEqual([expect.objectContaining({ field: 'judgeId', code: 'ADJUDICATOR_IN_USE' })]);
    expect((await pool(id)).total).toBe(3);
    const team = one.debates[0].teams[0].teamId;
    const teamInUse = await api().delete(`/api/tournaments/${id}/teams/${team}`).set(org).expect(409);
    expect(teamInUse.body.problems).toEqual([expect.objectContaining({ field: 'teamId', code: 'ENTRY_IN_USE' })]);

    // Deactivated: kept with its history, never on a later panel; activated again, it judges again.
    const deactivated = await api().post(`/api/tournaments/${id}/adjudicators/${judge}/deactivate`).set(org);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ judgeId: judge, active: false, panels: 1 });
    await kit.judgeAll(one.debates);
    const two = await kit.draw(id);
    expect(seated(two)).not.toContain(judge);
    expect(seated(two)).toHaveLength(2);
    await api().post(`/api/tournaments/${id}/adjudicators/${judge}/activate`).set(org).expect(200);
    const three = (await api().get(`/api/tournaments/${id}/rounds/3/availability`).set(org).expect(200)).body;
    expect(three.items.find((i: { id: string }) => i.id === judge)).toMatchObject({ active: true, available: true });
  });

  it('draws only available teams and allocates only available judges: default, check-out, check-in', async () => {
    const { id, teamIds, judgeIds } = await kit.tournament({ teams: 6, prelimRounds: 3, breakSize: 2, judges: 4 });
    // Default: nobody marked, everyone available.
    const before = (await api().get(`/api/tournaments/${id}/rounds/1/availability`).set(org).expect(200)).body;
    expect(before).toMatchObject({ roundSeq: 1, teamCheckInInUse: false, judgeCheckInInUse: false, total: 10 });
    expect(
      before.items.every((i: { available: boolean; checkedIn: null }) => i.available && i.checkedIn === null),
    ).toBe(true);
    expect(before.items.filter((i: { kind: string }) => i.kind === 'team').map((i: { id: string }) => i.id)).toEqual(
      teamIds,
    );
    const one = await kit.draw(id);
    expect(drawnTeams(one).sort()).toEqual([...teamIds].sort());
    await kit.judgeAll(one.debates);

    // Round 2: the desk (an account of role desk) checks one team and the strongest judge out; the rest stay
    // available. An odd field: a bye. The desk may not touch panels.
    const created = await api()
      .post('/api/organisers')
      .set(org)
      .send({ username: `desk-${id}`, role: 'desk' });
    expect(created.status).toBe(201);
    const login = await api()
      .post('/api/auth/login')
      .send({ username: `desk-${id}`, password: created.body.password })
      .expect(200);
    const desk = { Authorization: `Bearer ${login.body.accessToken}` };
    const absent = teamIds[0];
    const absentJudge = judgeIds[3];
    const marked = await api()
      .post(`/api/tournaments/${id}/rounds/2/check-ins`)
      .set(desk)
      .send({ teamIds: [absent], judgeIds: [absentJudge], available: false })
      .expect(200);
    expect(marked.body).toMatchObject({ teamCheckInInUse: false, judgeCheckInInUse: false });
    const absentRow = marked.body.items.find((i: { id: string }) => i.id === absent);
    expect(absentRow).toMatchObject({ kind: 'team', checkedIn: false, available: false, name: expect.any(String) });
    const two = (await api().post(`/api/tournaments/${id}/rounds`).set(org).send({}).expect(201)).body as DrawnRound;
    expect(drawnTeams(two)).not.toContain(absent);
    expect(drawnTeams(two)).toHaveLength(4);
    expect(seated(two)).not.toContain(absentJudge);
    const bye = (two.brokenConstraints as { constraint: string; teamIds: string[] }[]).filter(
      (b) => b.constraint === 'bye',
    );
    expect(bye).toHaveLength(1);
    expect(bye[0].teamIds).not.toContain(absent);
    const forbidden = await api()
      .post(`/api/tournaments/${id}/rounds/2/panels/moves`)
      .set(desk)
      .send({ action: 'chair', judgeId: judgeIds[0] })
      .expect(403);
    expect(forbidden.body.problems[0].code).toBe('ROLE_FORBIDDEN');
    await api().post(`/api/tournaments/${id}/rounds/2/release`).set(org).expect(200);
    // A released round's check-in no longer changes.
    await api()
      .post(`/api/tournaments/${id}/rounds/2/check-ins`)
      .set(org)
      .send({ teamIds: [absent] })
      .expect(409);
    await kit.judgeAll(two.debates);

    // Round 3: a full check-in (four teams, two judges): only they take part.
    const present = teamIds.slice(2, 6);
    await api()
      .post(`/api/tournaments/${id}/rounds/3/check-ins`)
      .set(org)
      .send({ teamIds: present, judgeIds: judgeIds.slice(0, 2) })
      .expect(200);
    const list = (await api().get(`/api/tournaments/${id}/rounds/3/availability`).set(org).expect(200)).body;
    expect(list).toMatchObject({ teamCheckInInUse: true, judgeCheckInInUse: true });
    const usable = (kind: string) =>
      list.items
        .filter((i: { kind: string; available: boolean }) => i.kind === kind && i.available)
        .map((i: { id: string }) => i.id)
        .sort();
    expect(usable('team')).toEqual([...present].sort());
    expect(usable('judge')).toEqual(judgeIds.slice(0, 2).sort());
    const three = (await api().post(`/api/tournaments/${id}/rounds`).set(org).send({}).expect(201)).body as DrawnRound;
    expect(drawnTeams(three).sort()).toEqual([...present].sort());
    expect(seated(three).every((j) => judgeIds.slice(0, 2).includes(j))).toBe(true);

    // Too few checked in: a 409 naming the count; bad ids: a 400 naming the item, nothing marked.
    await api().post(`/api/tournaments/${id}/rounds/3/check-ins`).set(org).send({ teamIds: present, available: false });
    await api()
      .post(`/api/tournaments/${id}/rounds/3/check-ins`)
      .set(org)
      .send({ teamIds: [teamIds[2]], available: true })
      .expect(200);
    const tooFew = await api().post(`/api/tournaments/${id}/rounds/3/regenerate`).set(org).send({}).expect(409);
    expect(tooFew.body.problems[0]).toMatchObject({ field: 'teams', code: 'AVAILABLE_TEAMS_CANNOT_BE_DRAWN' });
    expect(tooFew.body.message).toContain('1 of 6 entered teams are available for round 3');
    const stranger = (await fx.team('east')).id;
    const bad = await api()
      .post(`/api/tournaments/${id}/rounds/3/check-ins`)
      .set(org)
      .send({ teamIds: [teamIds[3], stranger] })
      .expect(400);
    expect(bad.body.problems[0].field).toBe('teamIds.1');
    const after = (await api().get(`/api/tournaments/${id}/rounds/3/availability`).set(org).expect(200)).body;
    expect(after.items.find((i: { id: string }) => i.id === teamIds[3]).checkedIn).toBe(false);
    await api().post(`/api/tournaments/${id}/rounds/3/check-ins`).set(org).send({}).expect(400);
  });

  it('gives no bye win to a team checked out, and refuses a round without an available judge', async () => {
    const id = (
      await api()
        .post('/api/tournaments')
        .set(org)
        .send({
          name: 'Byes count as wins',
          level: 'regional',
          regionCode: 'east',
          format: 'wsdc',
          prelimRounds: 2,
          breakSize: 2,
          byeCounts: 'win',
        })
        .expect(201)
    ).body.id as string;
    const teamIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const team = await fx.team('east');
      kit.strength.set(team.id, 4 - i);
      kit.speakers.set(
        team.id,
        team.members.map((m) => m.id),
      );
      await api().post(`/api/tournaments/${id}/teams`).set(org).send({ teamId: team.id }).expect(201);
      teamIds.push(team.id);
    }
    const judges = [await fx.judge('east'), await fx.judge('east')];
    for (const judge of judges) kit.judges.set(judge.id, judge);
    await api()
      .post(`/api/tournaments/${id}/adjudicators`)
      .set(org)
      .send({ judgeIds: judges.map((j) => j.id) })
      .expect(201);
    const absent = teamIds[0];
    await api()
      .post(`/api/tournaments/${id}/rounds/1/check-ins`)
      .set(org)
      .send({ teamIds: [absent], available: false })
      .expect(200);
    const one = await kit.draw(id);
    expect(drawnTeams(one)).not.toContain(absent);
    const byeTeam = (one.brokenConstraints as { constraint: string; teamIds: string[] }[]).find(
      (b) => b.constraint === 'bye',
    )!.teamIds[0];
    await kit.judgeAll(one.debates);
    const tab = (await api().get(`/api/tournaments/${id}/standings`).set(org).expect(200)).body.items as {
      teamId: string;
      wins: number;
    }[];
    expect(tab.find((r) => r.teamId === byeTeam)!.wins).toBe(1);
    expect(tab.find((r) => r.teamId === absent)!.wins).toBe(0);

    await api()
      .post(`/api/tournaments/${id}/rounds/2/check-ins`)
      .set(org)
      .send({ judgeIds: judges.map((j) => j.id), available: false })
      .expect(200);
    const none = await api().post(`/api/tournaments/${id}/rounds`).set(org).send({}).expect(409);
    expect(none.body.problems[0]).toMatchObject({ field: 'judgeIds', code: 'NO_AVAILABLE_ADJUDICATORS' });
  });

  it('gives the best venues to the top brackets, and keeps venues in order of priority', async () => {
    const { id } = await kit.tournament({ teams: 8, prelimRounds: 2, breakSize: 2, judges: 4 });
    const venue = (name: string, priority: number) =>
      api().post(`/api/tournaments/${id}/venues`).set(org).send({ name, priority });
    const side = (await venue('Side room', 5).expect(201)).body;
    await venue('Room B', 10).expect(201);
    await venue('Main hall', 30).expect(201);
    await venue('Room A', 20).expect(201);
    const taken = await venue('Room A', 1).expect(409);
    expect(taken.body.problems[0]).toMatchObject({ field: 'name', code: 'VENUE_NAME_TAKEN' });
    const badPriority = await venue('Room C', 5000).expect(400);
    expect(badPriority.body.problems[0].field).toBe('priority');
    // Three active venues for four debates: the side room sits this round out.
    await api().patch(`/api/tournaments/${id}/venues/${side.id}`).set(org).send({ active: false }).expect(200);
    const list = (await api().get(`/api/tournaments/${id}/venues`).expect(200)).body;
    expect(list.total).toBe(4);
    expect(list.items.map((v: { name: string }) => v.name)).toEqual(['Main hall', 'Room A', 'Room B', 'Side room']);

    const one = await kit.draw(id);
    await kit.judgeAll(one.debates);
    // Round 1's winners are known in advance: the kit's judges favour the stronger team.
    const winners = new Set(
      one.debates.map(
        (d) => [...d.teams].sort((a, b) => kit.strength.get(b.teamId)! - kit.strength.get(a.teamId)!)[0].teamId,
      ),
    );
    const two = await kit.draw(id);
    const round = (await api().get(`/api/tournaments/${id}/rounds/2`).expect(200)).body;
    const topVenues = round.debates
      .filter((d: { teams: { teamId: string }[] }) => d.teams.every((x) => winners.has(x.teamId)))
      .map((d: { venue: string }) => d.venue)
      .sort();
    expect(topVenues).toEqual(['Main hall', 'Room A']);
    const bottom = round.debates
      .filter((d: { teams: { teamId: string }[] }) => d.teams.every((x) => !winners.has(x.teamId)))
      .map((d: { venue: string | null }) => d.venue);
    expect(bottom.sort()).toEqual(['Room B', null].sort());
    expect(two.brokenConstraints).toEqual(expect.arrayContaining([expect.objectContaining({ constraint: 'venue' })]));
    const used = round.debates.find((d: { venue: string }) => d.venue === 'Main hall').venueId;
    const inUse = await api().delete(`/api/tournaments/${id}/venues/${used}`).set(org).expect(409);
    expect(inUse.body.problems[0].code).toBe('VENUE_IN_USE');
    await api().delete(`/api/tournaments/${id}/venues/${side.id}`).set(org).expect(200);
    expect((await api().get(`/api/tournaments/${id}/venues`).expect(200)).body.total).toBe(3);
  });

  it('moves, swaps and chairs on a draft round, listing the conflicts it breaks; refuses on a released round', async () => {
    const { id, judgeIds } = await kit.tournament({ teams: 4, prelimRounds: 2, breakSize: 2, judges: 4 });
    await api().post(`/api/tournaments/${id}/rounds`).set(org).send({}).expect(201);
    const start = await panels(id, 1);
    const [roomA, roomB] = start.items;
    expect(roomA.panel.length + roomB.panel.length).toBe(4);
    const big = roomA.panel.length >= roomB.panel.length ? roomA : roomB;
    const small = big === roomA ? roomB : roomA;
    const wing = big.panel.find((p) => p.role === 'wing')!.judgeId;
    // The wing declares a conflict with a team of the other room, then is moved there anyway.
    await api().post(`/api/judges/${wing}/conflicts`).set(org).send({ teamId: small.teams[0].teamId }).expect(201);
    // A dry run (the console's preview while dragging) names the conflict and changes nothing.
    const preview = await api()
      .post(`/api/tournaments/${id}/rounds/1/panels/moves?dryRun=true`)
      .set(org)
      .send({ action: 'move', judgeId: wing, toDebateId: small.id })
      .expect(200);
    expect(preview.body.broken).toEqual([
      expect.objectContaining({ debateId: small.id, judgeId: wing, otherId: small.teams[0].teamId }),
    ]);
    expect(preview.body.items.find((d: { id: string }) => d.id === small.id).panel).toContainEqual(
      expect.objectContaining({ judgeId: wing }),
    );
    expect(await panels(id, 1)).toEqual(start);
    expect(
      (await api().get(`/api/tournaments/${id}/rounds/1`).set(org).expect(200)).body.brokenConstraints,
    ).not.toEqual(expect.arrayContaining([expect.objectContaining({ constraint: 'panel-conflict' })]));
    await api()
      .post(`/api/tournaments/${id}/rounds/1/panels/moves?dryRun=maybe`)
      .set(org)
      .send({ action: 'move', judgeId: wing, toDebateId: small.id })
      .expect(400);
    const moved = await api()
      .post(`/api/tournaments/${id}/rounds/1/panels/moves`)
      .set(org)
      .send({ action: 'move', judgeId: wing, toDebateId: small.id })
      .expect(200);
    expect(moved.body.broken).toEqual([
      expect.objectContaining({
        debateId: small.id,
        kind: 'judge-team',
        judgeId: wing,
        otherId: small.teams[0].teamId,
        reason: 'declared',
      }),
    ]);
    const now = await panels(id, 1);
    expect(now.items.find((d) => d.id === small.id)!.panel.map((p) => p.judgeId)).toContain(wing);
    expect(now.items.find((d) => d.id === big.id)!.panel.map((p) => p.judgeId)).not.toContain(wing);
    const view = (await api().get(`/api/tournaments/${id}/rounds/1`).set(org).expect(200)).body;
    expect(view.brokenConstraints).toEqual(
      expect.arrayContaining([expect.objectContaining({ constraint: 'panel-conflict', debateId: small.id })]),
    );

    // The chair of the big room leaves for the small one: the big room's strongest remaining judge chairs it.
    const bigChair = now.items.find((d) => d.id === big.id)!.panel.find((p) => p.role === 'chair')!.judgeId;
    const promoted = await api()
      .post(`/api/tournaments/${id}/rounds/1/panels/moves`)
      .set(org)
      .send({ action: 'move', judgeId: bigChair, toDebateId: small.id })
      .expect(200);
    const bigLeft = promoted.body.items.find((d: { id: string }) => d.id === big.id).panel as {
      judgeId: string;
      role: string;
    }[];
    const strengthOf = (judgeId: string) => judgeIds.indexOf(judgeId); // the kit's judges grow stronger in order
    const strongestLeft = [...bigLeft].sort((a, b) => strengthOf(b.judgeId) - strengthOf(a.judgeId))[0].judgeId;
    expect(bigLeft.filter((p) => p.role === 'chair').map((p) => p.judgeId)).toEqual([strongestLeft]);
    // …and back, as a wing, so the rooms are as before.
    await api()
      .post(`/api/tournaments/${id}/rounds/1/panels/moves`)
      .set(org)
      .send({ action: 'move', judgeId: bigChair, toDebateId: big.id })
      .expect(200);

    // Set the chair: the old chair becomes a wing; a room keeps exactly one chair.
    const chair = await api()
      .post(`/api/tournaments/${id}/rounds/1/panels/moves`)
      .set(org)
      .send({ action: 'chair', judgeId: wing })
      .expect(200);
    const smallNow = chair.body.items.find((d: { id: string }) => d.id === small.id);
    expect(smallNow.panel.filter((p: { role: string }) => p.role === 'chair')).toEqual([
      expect.objectContaining({ judgeId: wing }),
    ]);
    expect(chair.body.broken).toEqual([]);

    // Swap two judges who conflict with each other into one panel: a judge–judge conflict, listed.
    const bigNow = chair.body.items.find((d: { id: string }) => d.id === big.id);
    const [stay, leave] = bigNow.panel.map((p: { judgeId: string }) => p.judgeId);
    const partner = smallNow.panel.find((p: { judgeId: string }) => p.judgeId !== wing).judgeId;
    await api().post(`/api/judges/${stay}/judge-conflicts`).set(org).send({ judgeId: partner }).expect(201);
    const swapped = await api()
      .post(`/api/tournaments/${id}/rounds/1/panels/moves`)
      .set(org)
      .send({ action: 'swap', judgeId: leave, otherJudgeId: partner })
      .expect(200);
    expect(swapped.body.broken).toEqual([
      expect.objectContaining({ debateId: big.id, kind: 'judge-judge', reason: 'declared' }),
    ]);
    expect(
      swapped.body.broken[0].judgeId === stay ? swapped.body.broken[0].otherId : swapped.body.broken[0].judgeId,
    ).toBe(partner);

    // Remove a judge: they join the unallocated; the last judge of a room cannot leave it.
    const removed = await api()
      .post(`/api/tournaments/${id}/rounds/1/panels/moves`)
      .set(org)
      .send({ action: 'remove', judgeId: leave })
      .expect(200);
    expect(removed.body.unallocated.map((u: { judgeId: string }) => u.judgeId)).toContain(leave);
    expect(removed.body.items.find((d: { id: string }) => d.id === small.id).panel).toEqual([
      expect.objectContaining({ judgeId: wing, role: 'chair' }),
    ]);

    // Bad input and refused changes leave the panels as they were.
    const frozen = await panels(id, 1);
    const bad = await api()
      .post(`/api/tournaments/${id}/rounds/1/panels/moves`)
      .set(org)
      .send({ action: 'move', judgeId: wing })
      .expect(400);
    expect(bad.body.problems[0].field).toBe('toDebateId');
    const unknown = await api()
      .post(`/api/tournaments/${id}/rounds/1/panels/moves`)
      .set(org)
      .send({ action: 'teleport', judgeId: wing })
      .expect(400);
    expect(unknown.body.problems[0].field).toBe('action');
    const empty = await api()
      .post(`/api/tournaments/${id}/rounds/1/panels/moves`)
      .set(org)
      .send({ action: 'remove', judgeId: wing })
      .expect(409);
    expect(empty.body.problems[0]).toMatchObject({ field: 'judgeId', code: 'PANEL_WOULD_BE_EMPTY' });
    const outsider = (await fx.judge('east')).id;
    const notInPool = await api()
      .post(`/api/tournaments/${id}/rounds/1/panels/moves`)
      .set(org)
      .send({ action: 'move', judgeId: outsider, toDebateId: big.id })
      .expect(409);
    expect(notInPool.body.problems[0].code).toBe('JUDGE_NOT_AVAILABLE');
    expect(await panels(id, 1)).toEqual(frozen);

    await api().post(`/api/tournaments/${id}/rounds/1/release`).set(org).expect(200);
    const released = await api()
      .post(`/api/tournaments/${id}/rounds/1/panels/moves`)
      .set(org)
      .send({ action: 'chair', judgeId: stay })
      .expect(409);
    expect(released.body.problems[0].code).toBe('ROUND_NOT_DRAFT');
  });

  it('changes panel sizes for later rounds', async () => {
    const { id } = await kit.tournament({ teams: 4, prelimRounds: 1, breakSize: 2, judges: 6 });
    const rules = await api().put(`/api/tournaments/${id}/panel-rules`).set(org).send({ panelSize: 1 }).expect(200);
    expect(rules.body).toEqual({ maxPanelSize: 5, evenPanels: false, panelSize: 1 });
    const one = (await api().post(`/api/tournaments/${id}/rounds`).set(org).send({}).expect(201)).body as DrawnRound;
    expect(one.debates.map((d) => d.panel.length)).toEqual([1, 1]);
    await api().put(`/api/tournaments/${id}/panel-rules`).set(org).send({ panelSize: 0, maxPanelSize: 3 }).expect(200);
    const again = (await api().post(`/api/tournaments/${id}/rounds/1/regenerate`).set(org).send({}).expect(200))
      .body as DrawnRound;
    expect(again.debates.map((d) => d.panel.length)).toEqual([3, 3]);
    const bad = await api().put(`/api/tournaments/${id}/panel-rules`).set(org).send({ maxPanelSize: 12 }).expect(400);
    expect(bad.body.problems[0].field).toBe('maxPanelSize');
  });

  it('removes an unused juror and team from a case championship; once they scored, 409, and deactivation instead', async () => {
    const c = (
      await api()
        .post('/api/case-championships')
        .set(org)
        .send({ title: 'Жастар мәселесі жастар көзімен — pools', regionCode: 'south', qualifierSlots: 1 })
        .expect(201)
    ).body as { id: string; criteria: { key: string }[] };
    const teams = [await fx.team('south'), await fx.team('south'), await fx.team('south')];
    for (const team of teams)
      await api().post(`/api/case-championships/${c.id}/entries`).set(org).send({ teamId: team.id }).expect(201);
    const jurors = [await fx.judge('south'), await fx.judge('south'), await fx.judge('south')];
    await api()
      .post(`/api/case-championships/${c.id}/jury`)
      .set(org)
      .send({ judgeIds: jurors.map((j) => j.id) })
      .expect(201);
    await api().delete(`/api/case-championships/${c.id}/jury/${jurors[2].id}`).set(org).expect(200);
    await api().delete(`/api/case-championships/${c.id}/entries/${teams[2].id}`).set(org).expect(200);
    const view = (await api().get(`/api/case-championships/${c.id}`).set(org).expect(200)).body;
    expect(view.jury).toEqual([jurors[0].id, jurors[1].id].sort());
    expect(view.entries.map((e: { teamId: string }) => e.teamId).sort()).toEqual([teams[0].id, teams[1].id].sort());

    await api().post(`/api/case-championships/${c.id}/start-scoring`).set(org).expect(200);
    const scores = Object.fromEntries(c.criteria.map((k) => [k.key, 7]));
    const sheet = (juror: (typeof jurors)[number], teamId: string) =>
      api()
        .put(`/api/case-championships/${c.id}/scoresheets/${teamId}`)
        .set({ Authorization: `Bearer ${juror.token}` })
        .send({ scores });
    await sheet(jurors[0], teams[0].id).expect(200);
    const jurorInUse = await api().delete(`/api/case-championships/${c.id}/jury/${jurors[0].id}`).set(org).expect(409);
    expect(jurorInUse.body.problems[0]).toMatchObject({ field: 'judgeId', code: 'JUROR_IN_USE' });
    const teamInUse = await api().delete(`/api/case-championships/${c.id}/entries/${teams[0].id}`).set(org).expect(409);
    expect(teamInUse.body.problems[0]).toMatchObject({ field: 'teamId', code: 'ENTRY_IN_USE' });

    const off = await api()
      .post(`/api/case-championships/${c.id}/jury/${jurors[0].id}/deactivate`)
      .set(org)
      .expect(200);
    expect(off.body).toMatchObject({ id: jurors[0].id, active: false, sheets: 1 });
    const refused = await sheet(jurors[0], teams[1].id).expect(403);
    expect(refused.body.problems[0].code).toBe('JUROR_DEACTIVATED');
    await api().post(`/api/case-championships/${c.id}/entries/${teams[0].id}/deactivate`).set(org).expect(200);
    const closed = await sheet(jurors[1], teams[0].id).expect(409);
    expect(closed.body.problems[0].code).toBe('ENTRY_DEACTIVATED');
    const work = (
      await api()
        .get(`/api/case-championships/${c.id}/assignments`)
        .set({ Authorization: `Bearer ${jurors[1].token}` })
        .expect(200)
    ).body;
    expect(work.teams.map((t: { teamId: string }) => t.teamId)).toEqual([teams[1].id]);
    const standings = (await api().get(`/api/case-championships/${c.id}/standings`).set(org).expect(200)).body;
    expect(standings.rows.map((r: { teamId: string }) => r.teamId)).toEqual([teams[1].id]);
    // History kept: the deactivated juror's sheet for the deactivated team is still there.
    const sheets = (await api().get(`/api/case-championships/${c.id}/scoresheets`).set(org).expect(200)).body;
    const all = sheets.items;
    expect(all.map((s: { judgeId: string; teamId: string }) => [s.judgeId, s.teamId])).toEqual([
      [jurors[0].id, teams[0].id],
    ]);
  });

  (onPostgres ? it : it.skip)('loses no move when moves on one round commit at the same moment', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const { id } = await kit.tournament({ teams: 6, prelimRounds: 1, breakSize: 2, judges: 6 });
      await api().put(`/api/tournaments/${id}/panel-rules`).set(org).send({ panelSize: 2 }).expect(200);
      await api().post(`/api/tournaments/${id}/rounds`).set(org).send({}).expect(201);
      const start = await panels(id, 1);
      expect(start.items.map((d) => d.panel.length)).toEqual([2, 2, 2]);
      // One wing of every room moves to the next room, all at once.
      const moves = start.items.map((d, i) => ({
        judgeId: d.panel.find((p) => p.role === 'wing')!.judgeId,
        toDebateId: start.items[(i + 1) % start.items.length].id,
      }));
      const answers = await Promise.all(
        moves.map((m) =>
          api()
            .post(`/api/tournaments/${id}/rounds/1/panels/moves`)
            .set(org)
            .send({ action: 'move', ...m }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      const end = await panels(id, 1);
      for (const m of moves)
        expect(end.items.find((d) => d.id === m.toDebateId)!.panel.map((p) => p.judgeId)).toContain(m.judgeId);
      const everyone = end.items.flatMap((d) => d.panel.map((p) => p.judgeId));
      expect(new Set(everyone).size).toBe(6);
      expect(everyone).toHaveLength(6);
      expect(end.items.map((d) => d.panel.length)).toEqual([2, 2, 2]);
      expect(end.items.map((d) => d.panel.filter((p) => p.role === 'chair').length)).toEqual([1, 1, 1]);
    }
  });
});
