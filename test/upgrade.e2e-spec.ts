import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Fixtures } from './support/fixtures.js';
import { adminQuery, startTestApp } from './support/test-app.js';

interface Debate {
  id: string;
  teams: { side: string; teamId: string }[];
  panel: { judgeId: string }[];
}

interface OldMatch {
  teamIds: (string | null)[];
  winnerTeamId: string | null;
  ranking?: unknown;
}

describe('upgrading a database in use (e2e, real PostgreSQL)', () => {
  // The test edits stored rows below the API, which only a real server lets a second process do.
  const maybe = process.env.DATABASE_URL ? it : it.skip;

  maybe('carries a bracket stored before rooms of four through the BracketRooms migration', async () => {
    const first = await startTestApp();
    let second: Awaited<ReturnType<typeof startTestApp>> | undefined;
    try {
      const fx = new Fixtures(first, await first.organiserToken());
      const org = fx.auth();
      const api = (url: string) => request(url);
      const created = await api(first.url)
        .post('/api/tournaments')
        .set(org)
        .send({ name: 'Upgrade', level: 'regional', regionCode: 'west', format: 'wsdc', prelimRounds: 1, breakSize: 4 })
        .expect(201);
      const id = created.body.id as string;
      const speakers = new Map<string, string[]>();
      for (let i = 0; i < 4; i++) {
        const team = await fx.team('west');
        speakers.set(
          team.id,
          team.members.map((m) => m.id),
        );
        await api(first.url).post(`/api/tournaments/${id}/teams`).set(org).send({ teamId: team.id }).expect(201);
      }
      const tokens = new Map<string, string>();
      for (let j = 0; j < 2; j++) {
        const judge = await fx.judge('west');
        tokens.set(judge.id, judge.token);
      }
      await api(first.url)
        .post(`/api/tournaments/${id}/adjudicators`)
        .set(org)
        .send({ judgeIds: [...tokens.keys()] })
        .expect(201);
      const play = async (url: string) => {
        const drawn = await api(url).post(`/api/tournaments/${id}/rounds`).set(org).send({}).expect(201);
        const round = (
          await api(url).post(`/api/tournaments/${id}/rounds/${drawn.body.seq}/release`).set(org).expect(200)
        ).body as { debates: Debate[] };
        for (const debate of round.debates) {
          // The first-listed team wins every debate.
          const teams = debate.teams.map(({ teamId }, k) => {
            const ids = speakers.get(teamId)!;
            const score = k === 0 ? 75 : 70;
            return {
              teamId,
              speeches: [
                ...ids.map((speakerId) => ({ speakerId, score })),
                { speakerId: ids[0], score: score / 2, reply: true },
              ],
            };
          });
          await api(url)
            .post(`/api/debates/${debate.id}/ballots`)
            .set('Authorization', `Bearer ${tokens.get(debate.panel[0].judgeId)!}`)
            .send({ teams })
            .expect(201);
        }
        return round.debates;
      };
      await play(first.url);
      const semis = await play(first.url);
      await first.close({ keepData: true });

      // Put the stored bracket back in its old shape and forget the migration, as on a server upgraded today.
      const [{ bracket }] = await adminQuery<{ bracket: { rounds: { matches: OldMatch[] }[] } }>(
        first.databaseUrl!,
        `SELECT bracket FROM tournaments WHERE id = $1`,
        [id],
      );
      const old = {
        size: 4,
        rounds: bracket.rounds.map((r) => ({ ...r, matches: r.matches.map(({ ranking: _ranking, ...m }) => m) })),
      };
      await adminQuery(first.databaseUrl!, `UPDATE tournaments SET bracket = $1 WHERE id = $2`, [
        JSON.stringify(old),
        id,
      ]);
      await adminQuery(first.databaseUrl!, `DELETE FROM migrations WHERE name = 'BracketRooms1795650000000'`);

      second = await startTestApp({ databaseUrl: first.databaseUrl });
      const view = (await api(second.url).get(`/api/tournaments/${id}/bracket`).expect(200)).body;
      expect(view.rounds[0].debates.map((m: { ranking: string[] }) => m.ranking)).toEqual(
        semis.map((d) => d.teams.map((t) => t.teamId)),
      );
      const final = await play(second.url);
      expect(final).toHaveLength(1);
      expect(new Set(final[0].teams.map((t) => t.teamId))).toEqual(new Set(semis.map((d) => d.teams[0].teamId)));
      const finished = (await api(second.url).get(`/api/tournaments/${id}`).expect(200)).body;
      expect(finished).toMatchObject({ status: 'finished', championTeamId: final[0].teams[0].teamId });
    } finally {
      await second?.close({ keepData: true });
      await first.close();
    }
  });
});
