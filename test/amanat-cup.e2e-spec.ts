import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { CreatedJudge, Fixtures } from './support/fixtures.js';
import type { TestApp } from './support/test-app.js';
import { startWithKit } from './support/tournaments.js';

const REGIONS = ['south', 'north', 'west', 'central', 'east'] as const;

interface TeamInfo {
  id: string;
  name: string;
  region: string;
  strength: number;
  speakers: string[];
}

interface DebateInfo {
  id: string;
  room: number;
  status: string;
  bracketMatchId: string | null;
  teams: { side: string; teamId: string }[];
  panel: { judgeId: string; role: string }[];
}

/** Every judge gives the stronger team the higher scores, so the expected results are known in advance. */
function ballotFor(debate: DebateInfo, teams: Map<string, TeamInfo>) {
  return {
    teams: debate.teams.map(({ teamId }) => {
      const team = teams.get(teamId)!;
      const { speech, reply } = scoresOf(team);
      return {
        teamId,
        speeches: [
          ...team.speakers.map((speakerId) => ({ speakerId, score: speech })),
          { speakerId: team.speakers[0], score: reply, reply: true },
        ],
      };
    }),
  };
}

/** Strength 1…40 → whole-mark speeches 60–80 and half-mark replies; totals rise strictly with strength. */
const scoresOf = (t: TeamInfo) => ({ speech: 60 + Math.floor(t.strength / 2), reply: 30 + (t.strength % 2) / 2 });
const teamTotal = (t: TeamInfo) => 3 * scoresOf(t).speech + scoresOf(t).reply;

describe('AMANAT Cup over HTTP (e2e)', () => {
  let t: TestApp, fx: Fixtures, org: Record<string, string>;
  const teams = new Map<string, TeamInfo>();
  const judges = new Map<string, CreatedJudge & { region: string }>();
  const conflicts: [string, string][] = [];
  const history = new Map<string, string[]>();
  const sides = new Map<string, Record<string, number>>();
  let cupId: string;
  const regional = new Map<string, string>();

  beforeAll(async () => ({ t, fx, org } = await startWithKit()));
  afterAll(() => t.close());

  const api = () => request(t.url);

  async function playRound(tournamentId: string, expectKind: 'prelim' | 'elim') {
    const drawn = await api()
      .post(`/api/tournaments/${tournamentId}/rounds`)
      .set(org)
      .send({ motion: 'This house would …' })
      .expect(201);
    expect(drawn.body.kind).toBe(expectKind);
    expect(drawn.body.status).toBe('draft');
    // The public cannot see a draft.
    await api().get(`/api/tournaments/${tournamentId}/rounds/${drawn.body.seq}`).expect(404);
    const released = await api()
      .post(`/api/tournaments/${tournamentId}/rounds/${drawn.body.seq}/release`)
      .set(org)
      .expect(200);
    const debates = released.body.debates as DebateInfo[];
    for (const debate of debates) {
      expect(debate.panel.length).toBeGreaterThanOrEqual(1);
      expect(debate.panel.filter((p) => p.role === 'chair')).toHaveLength(1);
      for (const p of debate.panel) {
        for (const team of debate.teams) expect(conflicts).not.toContainEqual([p.judgeId, team.teamId]);
      }
      const seated = debates.flatMap((d) => d.panel.map((p) => p.judgeId));
      expect(new Set(seated).size).toBe(seated.length);
      if (expectKind === 'prelim') {
        const [a, b] = debate.teams.map((x) => x.teamId);
        expect(history.get(a) ?? []).not.toContain(b);
        history.set(a, [...(history.get(a) ?? []), b]);
        history.set(b, [...(history.get(b) ?? []), a]);
        for (const side of debate.teams) {
          const counts = sides.get(side.teamId) ?? {};
          counts[side.side] = (counts[side.side] ?? 0) + 1;
          sides.set(side.teamId, counts);
        }
      }
      for (const p of debate.panel) {
        const judge = [...judges.values()].find((j) => j.id === p.judgeId)!;
        await api()
          .post(`/api/debates/${debate.id}/ballots`)
          .set('Authorization', `Bearer ${judge.token}`)
          .set('Idempotency-Key', `${debate.id}:${judge.id}`)
          .send(ballotFor(debate, teams))
          .expect(201);
      }
      const after = await api().get(`/api/debates/${debate.id}`).expect(200);
      expect(after.body.status).toBe('confirmed');
      const strongest = [...debate.teams].sort(
        (x, y) => teams.get(y.teamId)!.strength - teams.get(x.teamId)!.strength,
      )[0];
      expect(after.body.result.winnerTeamId).toBe(strongest.teamId);
    }
    return debates;
  }

  it('sets up five regions with teams, adjudicators and conflicts', async () => {
    const cup = await api()
      .post('/api/cups')
      .set(org)
      .send({ name: 'AMANAT Cup', season: '2026', slotsPerRegion: 2 })
      .expect(201);
    cupId = cup.body.id;
    for (const [r, region] of REGIONS.entries()) {
      const tournament = await api()
        .post('/api/tournaments')
        .set(org)
        .send({
          name: `AMANAT Cup — ${region}`,
          level: 'regional',
          cupId,
          regionCode: region,
          format: 'wsdc',
          prelimRounds: 3,
          breakSize: 4,
        })
        .expect(201);
      regional.set(region, tournament.body.id);
      for (let i = 0; i < 8; i++) {
        // Distinct strengths across the cup, so no two teams ever tie.
        const strength = 8 * r + i + 1;
        const team = await fx.team(region, `${region}-${i + 1}`, { institution: `${region} school ${i % 4}` });
        teams.set(team.id, { id: team.id, name: team.name, region, strength, speakers: team.members.map((m) => m.id) });
        await api().post(`/api/tournaments/${tournament.body.id}/teams`).set(org).send({ teamId: team.id }).expect(201);
      }
      const pool: string[] = [];
      for (let j = 0; j < 6; j++) {
        // Two judges per region share an institution with two teams: those pairs must never be seated.
        const judge = await fx.judge(region, {
          strength: 4 + j,
          institution: j < 2 ? `${region} school ${j}` : undefined,
        });
        judges.set(judge.id, { ...judge, region });
        pool.push(judge.id);
        if (j < 2) {
          for (const team of [...teams.values()].filter((x) => x.region === region)) {
            if (team.name.endsWith(`-${j + 1}`) || team.name.endsWith(`-${j + 5}`)) conflicts.push([judge.id, team.id]);
          }
        }
      }
      await api()
        .post(`/api/tournaments/${tournament.body.id}/adjudicators`)
        .set(org)
        .send({ judgeIds: pool })
        .expect(201);
    }
    const national = await api()
      .post('/api/tournaments')
      .set(org)
      .send({ name: 'AMANAT Cup — national', level: 'national', cupId, format: 'wsdc', prelimRounds: 0, breakSize: 10 })
      .expect(201);
    await api()
      .post(`/api/tournaments/${national.body.id}/adjudicators`)
      .set(org)
      .send({ judgeIds: [...judges.keys()] })
      .expect(201);
    const view = await api().get(`/api/cups/${cupId}`).expect(200);
    expect(view.body.regions.map((r: { status: string }) => r.status)).toEqual([
      'setup',
      'setup',
      'setup',
      'setup',
      'setup',
    ]);
  });

  it('plays three power-paired rounds per region with no rematch, no conflict and balanced sides', async () => {
    for (const region of REGIONS) {
      for (let round = 1; round <= 3; round++) await playRound(regional.get(region)!, 'prelim');
    }
    for (const [teamId, counts] of sides) {
      expect(Math.abs((counts.gov ?? 0) - (counts.opp ?? 0))).toBeLessThanOrEqual(1);
      expect((counts.gov ?? 0) + (counts.opp ?? 0)).toBe(3);
      expect(history.get(teamId)).toHaveLength(3);
    }
  });

  it('publishes a team tab that matches an independent count', async () => {
    for (const region of REGIONS) {
      const id = regional.get(region)!;
      const tab = (await api().get(`/api/tournaments/${id}/standings`).expect(200)).body.items as {
        teamId: string;
        points: number;
        wins: number;
        speakerTotal: number;
        ballots: number;
        speakerAverage: number | null;
        rank: number;
      }[];
      expect(tab).toHaveLength(8);
      for (const row of tab) {
        const team = teams.get(row.teamId)!;
        const opponents = history.get(row.teamId)!;
        const wins = opponents.filter((o) => teams.get(o)!.strength < team.strength).length;
        expect(row.wins).toBe(wins);
        expect(row.points).toBe(wins);
        expect(row.speakerTotal).toBeCloseTo(3 * teamTotal(team), 6);
      }
      // WSDC's own precedence: wins, then ballots carried, then the average speaker total.
      const key = (r: (typeof tab)[number]) => [r.wins, r.ballots, r.speakerAverage ?? -Infinity];
      for (let i = 1; i < tab.length; i++) {
        const [a, b] = [key(tab[i - 1]), key(tab[i])];
        const k = a.findIndex((x, j) => x !== b[j]);
        expect(k === -1 || a[k] > b[k]).toBe(true);
      }
      const csv = await api().get(`/api/tournaments/${id}/standings?format=csv`).expect(200);
      expect(csv.text.charCodeAt(0)).toBe(0xfeff);
      expect(csv.text.slice(1).split('\r\n')[0]).toBe('rank,team,region,points,wins,speakerTotal,drawStrength,margin');
    }
  });

  it('rejects bad ballots of every kind and changes nothing', async () => {
    const id = regional.get('south')!;
    // A fresh draw is needed for open debates: the break round (semifinals).
    const debates = await playBreakRoundWithChecks(id);
    expect(debates.length).toBe(2);
  });

  async function playBreakRoundWithChecks(tournamentId: string) {
    const drawn = await api().post(`/api/tournaments/${tournamentId}/rounds`).set(org).send({}).expect(201);
    expect(drawn.body.kind).toBe('elim');
    const bracket = await api().get(`/api/tournaments/${tournamentId}/bracket`).expect(200);
    expect(bracket.body.rounds.map((r: { name: string }) => r.name)).toEqual(['Semifinals', 'Final']);
    const released = await api()
      .post(`/api/tournaments/${tournamentId}/rounds/${drawn.body.seq}/release`)
      .set(org)
      .expect(200);
    const debate = released.body.debates[0] as DebateInfo;
    const chair = judges.get(debate.panel.find((p) => p.role === 'chair')!.judgeId)!;
    const outsider = [...judges.values()].find(
      (j) => !released.body.debates.some((d: DebateInfo) => d.panel.some((p) => p.judgeId === j.id)),
    )!;
    const good = ballotFor(debate, teams);
    const send = (body: unknown, token = chair.token, key?: string) => {
      const req = api().post(`/api/debates/${debate.id}/ballots`).set('Authorization', `Bearer ${token}`);
      return (key ? req.set('Idempotency-Key', key) : req).send(body as object);
    };
    const tooHigh = structuredClone(good);
    tooHigh.teams[0].speeches[1].score = 81;
    expect((await send(tooHigh).expect(400)).body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^teams\[0\]\.speeches\[1\]\.score/)]),
    );
    const thirdReply = structuredClone(good);
    thirdReply.teams[1].speeches[3].speakerId = teams.get(debate.teams[1].teamId)!.speakers[2];
    expect((await send(thirdReply).expect(400)).body.message.join(' ')).toMatch(/must be the 1st or 2nd speaker/);
    const twice = structuredClone(good);
    twice.teams[0].speeches[1].speakerId = twice.teams[0].speeches[0].speakerId;
    await send(twice).expect(400);
    const tied = structuredClone(good);
    tied.teams[1].speeches = structuredClone(tied.teams[0].speeches).map((s, i) => ({
      ...s,
      speakerId: tied.teams[1].speeches[i].speakerId,
    }));
    expect((await send(tied).expect(400)).body.message.join(' ')).toMatch(/tie|tied/i);
    const offStep = structuredClone(good);
    offStep.teams[0].speeches[3].score = 33.3;
    await send(offStep).expect(400);
    await send({ teams: good.teams.slice(0, 1) }).expect(400);
    await send({ ...good, extra: true }).expect(400);
    await send(good, outsider.token).expect(403);
    await api().post(`/api/debates/${debate.id}/ballots`).send(good).expect(401);
    const unchanged = await api().get(`/api/debates/${debate.id}`).set(org).expect(200);
    expect(unchanged.body.status).toBe('pending');
    const audit = await api().get(`/api/tournaments/${tournamentId}/audit`).set(org).expect(200);
    expect(audit.body).toEqual({ items: [], total: 0 });

    // Twenty parallel submissions of one ballot with one key: stored once.
    const parallel = await Promise.all(Array.from({ length: 20 }, () => send(good, chair.token, 'same-key')));
    expect(parallel.every((r) => r.status === 201)).toBe(true);
    expect(new Set(parallel.map((r) => r.body.ballotId)).size).toBe(1);
    expect(parallel[0].body.version).toBe(1);
    // The same key with another body is a conflict.
    await send(tooHigh, chair.token, 'same-key').expect(409);

    for (const d of released.body.debates as DebateInfo[]) {
      for (const p of d.panel) {
        if (d.id === debate.id && p.judgeId === chair.id) continue;
        await api()
          .post(`/api/debates/${d.id}/ballots`)
          .set('Authorization', `Bearer ${judges.get(p.judgeId)!.token}`)
          .send(ballotFor(d, teams))
          .expect(201);
      }
    }
    const closed = await api().get(`/api/tournaments/${tournamentId}/rounds/${drawn.body.seq}`).expect(200);
    expect(closed.body.status).toBe('closed');
    await send(good).expect(409);
    return released.body.debates as DebateInfo[];
  }

  it('breaks four teams per region, plays semis and finals, and sends two per region to the national round', async () => {
    for (const region of REGIONS) {
      const id = regional.get(region)!;
      if (region !== 'south') await playRound(id, 'elim');
      const final = await playRound(id, 'elim');
      expect(final).toHaveLength(1);
      const tournament = await api().get(`/api/tournaments/${id}`).expect(200);
      expect(tournament.body.status).toBe('finished');
      const tab = (await api().get(`/api/tournaments/${id}/standings`).expect(200)).body.items as { teamId: string }[];
      const top4 = tab.slice(0, 4).map((r) => r.teamId);
      const strongest = [...top4].sort((a, b) => teams.get(b)!.strength - teams.get(a)!.strength);
      expect(tournament.body.championTeamId).toBe(strongest[0]);
      expect(tournament.body.finalPlaces.slice(0, 2)).toEqual(strongest.slice(0, 2));
      const bracket = await api().get(`/api/tournaments/${id}/bracket`).expect(200);
      expect(bracket.body.champion).toBe(strongest[0]);
      expect(bracket.body.rounds[1].debates[0].winnerTeamId).toBe(strongest[0]);
    }
    const cup = await api().get(`/api/cups/${cupId}`).expect(200);
    expect(
      cup.body.regions.every(
        (r: { status: string; qualifiers: string[] }) => r.status === 'finished' && r.qualifiers.length === 2,
      ),
    ).toBe(true);
    expect(cup.body.national.status).toBe('elims');
  });

  it('seeds the national bracket with champions above runners-up and regions apart, then plays it to a champion', async () => {
    const cup = (await api().get(`/api/cups/${cupId}`).expect(200)).body;
    const nationalId = cup.national.tournamentId as string;
    const bracket = (await api().get(`/api/tournaments/${nationalId}/bracket`).expect(200)).body;
    const first = bracket.rounds[0].debates as { seeds: [number, number]; teamIds: [string | null, string | null] }[];
    const champions = new Set(cup.regions.map((r: { qualifiers: string[] }) => r.qualifiers[0]));
    for (const match of first) {
      const [a, b] = match.teamIds;
      if (a && b) expect(teams.get(a)!.region).not.toBe(teams.get(b)!.region);
    }
    const seeded = first
      .flatMap((m) => m.teamIds.map((teamId, i) => ({ teamId, seed: m.seeds[i] })))
      .filter((s) => s.teamId);
    expect(seeded).toHaveLength(10);
    for (const s of seeded) if (champions.has(s.teamId)) expect(s.seed).toBeLessThanOrEqual(5);

    // A runner-up withdraws before the national round: its region's next finisher takes the place.
    const south = cup.regions.find((r: { code: string }) => r.code === 'south');
    const withdrawn = south.qualifiers[1] as string;
    // The cup names who is next in line: the region's third finisher.
    const southPlaces = (await api().get(`/api/tournaments/${south.tournamentId}`).expect(200)).body
      .finalPlaces as string[];
    expect(south.qualifiers).toEqual(southPlaces.slice(0, 2));
    expect(south.reserves).toEqual([{ teamId: southPlaces[2], teamName: expect.any(String) }]);
    // Removing a qualifier outright is refused, nothing changed: only a withdrawal hands the place on.
    const removal = await api().delete(`/api/tournaments/${nationalId}/teams/${withdrawn}`).set(org).expect(409);
    expect(removal.body.problems).toEqual([
      expect.objectContaining({ field: 'teamId', code: 'ENTRY_FROM_QUALIFICATION' }),
    ]);
    const replaced = await api()
      .post(`/api/tournaments/${nationalId}/withdrawals`)
      .set(org)
      .send({ teamId: withdrawn })
      .expect(201);
    expect(replaced.body.replacement).toBeTruthy();
    expect(teams.get(replaced.body.replacement)!.region).toBe('south');
    const after = (await api().get(`/api/cups/${cupId}`).expect(200)).body;
    expect(replaced.body.replacement).toBe(southPlaces[2]);
    const southAfter = after.regions.find((r: { code: string }) => r.code === 'south');
    expect(southAfter.qualifiers).toEqual([southPlaces[0], southPlaces[2]]);
    expect(southAfter.reserves.map((x: { teamId: string }) => x.teamId)).toEqual([southPlaces[3]]);
    const sheet = await api().get(`/api/cups/${cupId}?format=csv`).expect(200);
    expect(sheet.headers['content-type']).toContain('text/csv');
    const lines = sheet.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('league,region,status,kind,place,teamId,team');
    const southLines = lines.filter((l) => l.startsWith(',south,')).map((l) => l.split(',').slice(3, 6));
    expect(southLines).toEqual([
      ['qualifier', '1', southPlaces[0]],
      ['qualifier', '2', southPlaces[2]],
      ['reserve', '', southPlaces[3]],
    ]);
    expect(lines).toHaveLength(1 + 5 * 3);
    const badFormat = await api().get(`/api/cups/${cupId}?format=xls`).expect(400);
    expect(JSON.stringify(badFormat.body)).toContain('format');

    for (let round = 0; round < 6; round++) {
      const view = (await api().get(`/api/tournaments/${nationalId}`).expect(200)).body;
      if (view.status === 'finished') break;
      await playRound(nationalId, 'elim');
    }
    const national = (await api().get(`/api/tournaments/${nationalId}`).expect(200)).body;
    expect(national.status).toBe('finished');
    const finalBracket = (await api().get(`/api/tournaments/${nationalId}/bracket`).expect(200)).body;
    const champion = finalBracket.champion as string;
    expect(champion).toBeTruthy();
    // The champion won every match it played in the bracket.
    const played = finalBracket.rounds
      .flatMap((r: { debates: { teamIds: (string | null)[]; winnerTeamId: string | null }[] }) => r.debates)
      .filter((d: { teamIds: (string | null)[] }) => d.teamIds.includes(champion));
    expect(played.length).toBeGreaterThanOrEqual(3);
    for (const match of played) expect(match.winnerTeamId).toBe(champion);
    const finalCup = (await api().get(`/api/cups/${cupId}`).expect(200)).body;
    const championTeam = (await api().get(`/api/teams/${champion}`).expect(200)).body;
    expect(finalCup.national).toEqual({
      tournamentId: nationalId,
      status: 'finished',
      champion,
      championName: championTeam.name,
    });
    expect(withdrawn).not.toBe(champion);
  });
});
