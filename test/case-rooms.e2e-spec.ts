import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { CreatedJudge, Fixtures } from './support/fixtures.js';
import type { TestApp } from './support/test-app.js';
import { startWithKit } from './support/tournaments.js';

/**
 * A 60-team case championship of the south in 6 qualifying rooms of 10, each with a jury of 3, then a final before
 * 5 jurors, and 4 places with a quota of one rural team. Every team has a hidden quality q (0–59); a juror's sheet
 * encodes it exactly (`tens` = 2 + ⌊q / 10⌋ with weight 10, `units` = q mod 10 with weight 1, so totals rise with q).
 * Room 3's jury is harsh: 2 points lower on `tens` for every team.
 */
const OBLASTS = ['shymkent', 'almaty', 'turkistan', 'jambyl', 'kyzylorda', 'jetisu', 'almaty-region'];
const OBLAST_OF = (i: number) => OBLASTS[i % 11 < 4 ? 0 : i % 11 < 6 ? 1 : (i % 11) - 4]; // skewed: Shymkent largest
const CRITERIA = [
  { key: 'tens', name: 'Шешім', weight: 10, maxScore: 10 },
  { key: 'units', name: 'Таныстырылым', weight: 1, maxScore: 10 },
];

describe('case championship in qualifying rooms, a final and quotas (e2e)', () => {
  let t: TestApp, fx: Fixtures, org: Record<string, string>;
  const api = () => request(t.url);
  const as = (judge: CreatedJudge) => ({ Authorization: `Bearer ${judge.token}` });

  beforeAll(async () => ({ t, fx, org } = await startWithKit()));
  afterAll(() => t.close());

  it('plans rooms, scores them, advances room winners and wildcards, and qualifies by the final with a rural quota', async () => {
    const c = (
      await api()
        .post('/api/case-championships')
        .set(org)
        .send({
          title: 'Жастар мәселесі жастар көзімен — Оңтүстік 2026',
          regionCode: 'south',
          qualifierSlots: 4,
          criteria: CRITERIA,
          options: { quotas: { minRural: 1 } },
        })
        .expect(201)
    ).body;

    const quality = new Map<string, number>();
    const teams: { id: string; name: string; version: number; oblastCode: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const q = (i * 37) % 60; // a fixed permutation: quality does not follow the order of registration
      const body = {
        name: `Ұшқын ${i + 1}`,
        regionCode: 'south',
        oblastCode: OBLAST_OF(i),
        institution: `Мектеп №${i + 1}`,
        rural: false,
        eventDate: '2026-11-24',
        members: [
          { fullName: `Айгерім ${i + 1}`, birthDate: '2008-04-01' },
          { fullName: `Данияр ${i + 1}`, birthDate: '2007-09-15' },
        ],
      };
      const team = (await api().post('/api/teams').set(org).send(body).expect(201)).body;
      quality.set(team.id, q);
      teams.push(team);
      await api().post(`/api/case-championships/${c.id}/entries`).set(org).send({ teamId: team.id }).expect(201);
    }

    const jurors: CreatedJudge[] = [];
    for (let j = 0; j < 18; j++)
      jurors.push(await fx.judge(['south', 'north', 'west', 'central', 'east'][j % 5], { strength: j % 10 }));
    await api()
      .post(`/api/case-championships/${c.id}/jury`)
      .set(org)
      .send({ judgeIds: jurors.map((j) => j.id) })
      .expect(201);

    // Juror 0 mentors team 0: the conflict comes from the mentor record, declared nowhere else.
    const mentor = (
      await api()
        .post('/api/mentors')
        .set(org)
        .send({ fullName: jurors[0].fullName, regionCode: 'south', judgeId: jurors[0].id })
        .expect(201)
    ).body;
    await api().post(`/api/mentors/${mentor.id}/teams`).set(org).send({ teamId: teams[0].id }).expect(201);
    const looked = (
      await api()
        .get('/api/mentors')
        .query({ search: jurors[0].fullName.slice(0, 6) })
        .set(org)
        .expect(200)
    ).body;
    expect(
      looked.items.find((m: { id: string }) => m.id === mentor.id).teams.map((x: { teamId: string }) => x.teamId),
    ).toEqual([teams[0].id]);

    const plan = (
      await api()
        .post(`/api/case-championships/${c.id}/rooms`)
        .set(org)
        .send({ roomSize: 10, panelSize: 3, seed: 'e2e-south', firstSlotAt: '2026-12-05T05:00:00Z', slotMinutes: 12 })
        .expect(200)
    ).body;
    expect(plan.rooms).toHaveLength(6);
    const roomOf = new Map<string, number>();
    for (const room of plan.rooms) {
      expect(room.teams).toHaveLength(10);
      expect(room.jurors).toHaveLength(3);
      expect(room.teams.map((x: { startsAt: string }) => x.startsAt)).toEqual(
        Array.from({ length: 10 }, (_, k) =>
          new Date(Date.parse('2026-12-05T05:00:00Z') + k * 12 * 60_000).toISOString(),
        ),
      );
      for (const team of room.teams) roomOf.set(team.teamId, room.number);
    }
    expect(plan.conflicts).toEqual([]);
    expect(plan.shortfalls).toEqual([]);
    const jurorRoom = new Map<string, number>(
      plan.rooms.flatMap((r: { number: number; jurors: { judgeId: string }[] }) =>
        r.jurors.map((j) => [j.judgeId, r.number]),
      ),
    );
    expect(jurorRoom.get(jurors[0].id)).not.toBe(roomOf.get(teams[0].id));
    // Oblasts spread: no room holds more than its share plus one of any oblast.
    const perOblast = new Map<string, number>();
    for (const team of teams) perOblast.set(team.oblastCode, (perOblast.get(team.oblastCode) ?? 0) + 1);
    for (const room of plan.rooms) {
      const here = new Map<string, number>();
      for (const x of room.teams) here.set(x.oblastCode, (here.get(x.oblastCode) ?? 0) + 1);
      for (const [oblast, n] of here) expect(n).toBeLessThanOrEqual(Math.floor(perOblast.get(oblast)! / 6) + 1);
    }

    // Moving the mentor into the mentee's room shows the conflict; moving back clears it.
    const menteeRoom = roomOf.get(teams[0].id)!;
    const moved = (
      await api()
        .post(`/api/case-championships/${c.id}/rooms/moves`)
        .set(org)
        .send({ judgeId: jurors[0].id, toRoom: menteeRoom })
        .expect(200)
    ).body;
    expect(moved.conflicts).toEqual([
      {
        room: menteeRoom,
        judgeId: jurors[0].id,
        judgeName: jurors[0].fullName,
        teamId: teams[0].id,
        teamName: teams[0].name,
        reason: 'mentor',
      },
    ]);
    await api()
      .post(`/api/case-championships/${c.id}/rooms/moves`)
      .set(org)
      .send({ judgeId: jurors[0].id, toRoom: jurorRoom.get(jurors[0].id) })
      .expect(200);

    // The public schedule: rooms, teams and times, no jurors, no results.
    const schedule = (await api().get(`/api/case-championships/${c.id}/rooms`).expect(200)).body;
    expect(schedule.rooms.every((r: { jurors: unknown[] }) => r.jurors.length === 0)).toBe(true);
    expect(schedule.rooms[0].teams[0]).toMatchObject({ total: null, roomRank: null });
    expect(schedule.diagnostics).toEqual([]);

    // The weakest room winner becomes rural before scoring: it reaches the final by the room rule, not by quality.
    const winners = plan.rooms.map((r: { teams: { teamId: string }[] }) =>
      r.teams
        .map((x) => x.teamId)
        .reduce((best: string, id: string) => (quality.get(id)! > quality.get(best)! ? id : best)),
    );
    const rural = [...winners].sort((a, b) => quality.get(a)! - quality.get(b)!)[0];
    const ruralTeam = teams.find((x) => x.id === rural)!;
    await api().patch(`/api/teams/${rural}`).set(org).send({ rural: true, version: ruralTeam.version }).expect(200);

    await api().post(`/api/case-championships/${c.id}/start-scoring`).set(org).expect(200);

    const sheet = (q: number, harsh: boolean) => ({ tens: 2 + Math.floor(q / 10) - (harsh ? 2 : 0), units: q % 10 });
    const judgeById = new Map(jurors.map((j) => [j.id, j]));
    // A juror may score only the teams of their own room.
    const otherRoomTeam = teams.find((x) => roomOf.get(x.id) !== jurorRoom.get(jurors[1].id))!;
    await api()
      .put(`/api/case-championships/${c.id}/scoresheets/${otherRoomTeam.id}`)
      .set(as(jurors[1]))
      .send({ scores: sheet(10, false) })
      .expect(403);
    for (const room of plan.rooms) {
      for (const { judgeId } of room.jurors) {
        const assignment = (
          await api()
            .get(`/api/case-championships/${c.id}/assignments`)
            .set(as(judgeById.get(judgeId)!))
            .expect(200)
        ).body;
        expect(assignment.room).toBe(room.number);
        expect(assignment.teams.map((x: { teamId: string }) => x.teamId)).toEqual(
          room.teams.map((x: { teamId: string }) => x.teamId),
        );
        expect(assignment.teams.map((x: { startsAt: string }) => x.startsAt)).toEqual(
          room.teams.map((x: { startsAt: string }) => x.startsAt),
        );
        for (const team of room.teams) {
          await api()
            .put(`/api/case-championships/${c.id}/scoresheets/${team.teamId}`)
            .set(as(judgeById.get(judgeId)!))
            .send({ scores: sheet(quality.get(team.teamId)!, room.number === 3) })
            .expect(200);
        }
      }
    }

    // While the rooms score, the public board shows nothing; organisers see room 3 stand out as harsh.
    const hidden = (await api().get(`/api/case-championships/${c.id}/standings`).expect(200)).body;
    expect(
      hidden.rows.every((r: { hidden?: boolean; teamId: string | null }) => r.hidden === true && r.teamId === null),
    ).toBe(true);
    const organiserPlan = (await api().get(`/api/case-championships/${c.id}/rooms`).set(org).expect(200)).body;
    const harshest = [...organiserPlan.diagnostics].sort((a, b) => a.deviationFromAll - b.deviationFromAll)[0];
    expect(harshest.room).toBe(3);
    expect(harshest.deviationFromAll).toBeLessThan(-10);

    await api().post(`/api/case-championships/${c.id}/finalise`).set(org).expect(409);
    const finalJury = jurors.slice(13, 18);
    const advanced = (
      await api()
        .post(`/api/case-championships/${c.id}/advance`)
        .set(org)
        .send({ rule: 'perRoom', perRoom: 1, wildcards: 6, finalJudgeIds: finalJury.map((j) => j.id) })
        .expect(200)
    ).body;
    expect(advanced.stage).toBe('final');
    expect(advanced.finalists).toHaveLength(12);
    const roomTops = advanced.finalists
      .filter((f: { placedBy: string }) => f.placedBy === 'roomTop')
      .map((f: { teamId: string }) => f.teamId);
    expect([...roomTops].sort()).toEqual([...winners].sort());
    expect(advanced.finalists.filter((f: { placedBy: string }) => f.placedBy === 'wildcard')).toHaveLength(6);
    // Room results are public once the stage is closed: each room's best team is ranked first there.
    const closed = (await api().get(`/api/case-championships/${c.id}/rooms`).expect(200)).body;
    for (const room of closed.rooms) {
      const first = room.teams.find((x: { roomRank: number }) => x.roomRank === 1);
      expect(winners).toContain(first.teamId);
    }

    // The final: only the final jury, only finalists.
    const finalists: string[] = advanced.finalists.map((f: { teamId: string }) => f.teamId);
    const outsider = teams.find((x) => !finalists.includes(x.id))!;
    await api()
      .put(`/api/case-championships/${c.id}/scoresheets/${finalists[0]}`)
      .set(as(jurors[0]))
      .send({ scores: sheet(1, false) })
      .expect(403);
    await api()
      .put(`/api/case-championships/${c.id}/scoresheets/${outsider.id}`)
      .set(as(finalJury[0]))
      .send({ scores: sheet(1, false) })
      .expect(422);
    for (const [j, juror] of finalJury.entries()) {
      for (const [k, teamId] of finalists.entries()) {
        if (j === finalJury.length - 1 && k === finalists.length - 1) {
          // One final sheet short: the final jury and the finalists are what must be scored, not the rooms' jurors.
          const early = await api().post(`/api/case-championships/${c.id}/finalise`).set(org).expect(409);
          expect(
            early.body.problems.map((p: { code: string; judgeId: string; teams: { teamId: string }[] }) => [
              p.code,
              p.judgeId,
              p.teams.map((x) => x.teamId),
            ]),
          ).toEqual([['SCORESHEETS_MISSING', juror.id, [teamId]]]);
        }
        await api()
          .put(`/api/case-championships/${c.id}/scoresheets/${teamId}`)
          .set(as(juror))
          .send({ scores: sheet(quality.get(teamId)!, false) })
          .expect(200);
      }
    }

    const finalised = (await api().post(`/api/case-championships/${c.id}/finalise`).set(org).expect(200)).body;
    // A summary for the record (the assertions above and below are what the test checks).
    const q = (id: string) => quality.get(id);
    console.log(
      [
        `rooms: ${plan.rooms.map((r: { number: number; teams: { oblastCode: string }[]; jurors: unknown[] }) => `${r.number}: ${r.teams.length} teams (${[...new Set(r.teams.map((x) => x.oblastCode))].length} oblasts), ${r.jurors.length} jurors`).join('; ')}`,
        `room diagnostics (deviation from all): ${organiserPlan.diagnostics.map((d: { room: number; deviationFromAll: number }) => `${d.room}: ${d.deviationFromAll.toFixed(1)}`).join(', ')}`,
        `finalists (quality, rule): ${advanced.finalists.map((f: { teamId: string; placedBy: string }) => `${q(f.teamId)} ${f.placedBy}`).join(', ')}`,
        `qualifiers (quality, rule): ${finalised.qualifierPlacements.map((p: { teamId: string; placedBy: string }) => `${q(p.teamId)} ${p.placedBy}`).join(', ')}`,
      ].join('\n'),
    );
    const byQuality = [...finalists].sort((a, b) => quality.get(b)! - quality.get(a)!);
    // The setup must leave the rural room winner outside the final's top four, or the quota would prove nothing.
    expect(byQuality.slice(0, 4)).not.toContain(rural);
    expect(finalised.qualifiers).toEqual([...byQuality.slice(0, 3), rural]);
    expect(
      finalised.qualifierPlacements.map(({ teamId, placedBy }: { teamId: string; placedBy: string }) => ({
        teamId,
        placedBy,
      })),
    ).toEqual([
      ...byQuality.slice(0, 3).map((teamId) => ({ teamId, placedBy: 'overall' })),
      { teamId: rural, placedBy: 'quota:rural' },
    ]);
    // Each placement names its team as the entries do.
    const entryName = new Map(
      finalised.entries.map((e: { teamId: string; teamName: string }) => [e.teamId, e.teamName]),
    );
    for (const p of finalised.qualifierPlacements as { teamId: string; teamName: string }[])
      expect(p.teamName).toBe(entryName.get(p.teamId));
  });
});
