import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Fixtures, type CreatedJudge } from './support/fixtures.js';
import { uniform } from './support/season.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'dist/src/database/backup-cli.js');

/** The CLI on the same configuration as the (stopped) app. */
function cli(app: TestApp, ...args: string[]) {
  const env = {
    PATH: process.env.PATH ?? '',
    ...(app.databaseUrl ? { DATABASE_URL: app.databaseUrl } : { DATA_DIR: app.dataDir! }),
  };
  return run(process.execPath, [CLI, ...args], { env });
}

interface Debate {
  id: string;
  teams: { teamId: string; side: string }[];
  panel: { judgeId: string }[];
}

/** Everything public about the cup that a restore must reproduce. */
async function views(
  app: TestApp,
  cupId: string,
  tournamentId: string,
  championshipId: string,
  org: Record<string, string>,
) {
  const get = async (path: string, auth = false) => {
    const req = request(app.url).get(path);
    return (await (auth ? req.set(org) : req).expect(200)).body;
  };
  return {
    cup: await get(`/api/cups/${cupId}`),
    standings: await get(`/api/tournaments/${tournamentId}/standings`),
    speakers: await get(`/api/tournaments/${tournamentId}/speakers`),
    rounds: await get(`/api/tournaments/${tournamentId}/rounds`),
    championship: await get(`/api/case-championships/${championshipId}/standings`, true),
    audit: await get(`/api/case-championships/${championshipId}/audit`, true),
  };
}

describe('backup: export a cup, import it into an empty database (e2e)', () => {
  it('restores a played cup with identical standings, and its judges can still sign in', async () => {
    const [source, target] = await Promise.all([startTestApp(), startTestApp()]);
    try {
      const fx = new Fixtures(source, await source.organiserToken());
      const org = fx.auth();
      const api = () => request(source.url);
      const cup = (
        await api()
          .post('/api/cups')
          .set(org)
          .send({ name: 'Backup Cup', season: '2026', slotsPerRegion: 2 })
          .expect(201)
      ).body;
      const tournament = (
        await api()
          .post('/api/tournaments')
          .set(org)
          .send({
            name: 'Backup Cup — south',
            level: 'regional',
            cupId: cup.id,
            regionCode: 'south',
            format: 'wsdc',
            prelimRounds: 2,
            breakSize: 2,
          })
          .expect(201)
      ).body;
      const teams: Awaited<ReturnType<Fixtures['team']>>[] = [];
      for (let i = 0; i < 4; i++) {
        const team = await fx.team('south', `Backup team ${i + 1}`);
        teams.push(team);
        await api().post(`/api/tournaments/${tournament.id}/teams`).set(org).send({ teamId: team.id }).expect(201);
      }
      const judges: CreatedJudge[] = [await fx.judge('south'), await fx.judge('south')];
      await api()
        .post(`/api/tournaments/${tournament.id}/adjudicators`)
        .set(org)
        .send({ judgeIds: judges.map((j) => j.id) })
        .expect(201);
      for (let round = 1; round <= 2; round++) {
        const drawn = (
          await api()
            .post(`/api/tournaments/${tournament.id}/rounds`)
            .set(org)
            .send({ motion: 'This house would back up' })
            .expect(201)
        ).body;
        const released = (
          await api().post(`/api/tournaments/${tournament.id}/rounds/${drawn.seq}/release`).set(org).expect(200)
        ).body;
        for (const debate of released.debates as Debate[]) {
          for (const seat of debate.panel) {
            const judge = judges.find((j) => j.id === seat.judgeId)!;
            const ballot = {
              teams: debate.teams.map(({ teamId }) => {
                const team = teams.find((x) => x.id === teamId)!;
                const score = 70 + 2 * teams.indexOf(team); // no two teams tie
                return {
                  teamId,
                  speeches: [
                    ...team.members.map((m) => ({ speakerId: m.id, score })),
                    { speakerId: team.members[0].id, score: 35, reply: true },
                  ],
                };
              }),
            };
            await api()
              .post(`/api/debates/${debate.id}/ballots`)
              .set('Authorization', `Bearer ${judge.token}`)
              .send(ballot)
              .expect(201);
          }
        }
      }
      const championship = (
        await api()
          .post('/api/case-championships')
          .set(org)
          .send({ title: 'Backup case', regionCode: 'south', qualifierSlots: 2 })
          .expect(201)
      ).body;
      for (const team of teams)
        await api()
          .post(`/api/case-championships/${championship.id}/entries`)
          .set(org)
          .send({ teamId: team.id })
          .expect(201);
      await api()
        .post(`/api/case-championships/${championship.id}/jury`)
        .set(org)
        .send({ judgeIds: [judges[0].id] })
        .expect(201);
      await api().post(`/api/case-championships/${championship.id}/start-scoring`).set(org).expect(200);
      for (const [i, team] of teams.entries()) {
        await api()
          .put(`/api/case-championships/${championship.id}/scoresheets/${team.id}`)
          .set('Authorization', `Bearer ${judges[0].token}`)
          .send({ scores: uniform(3 + i) })
          .expect(200);
      }
      const before = await views(source, cup.id, tournament.id, championship.id, org);
      expect(before.standings.items).toHaveLength(4);
      expect(before.standings.total).toBe(4);
      expect(before.championship.rows[0].total).not.toBeNull();

      await source.close({ keepData: true });
      const file = join(mkdtempSync(join(tmpdir(), 'orleu-backup-')), 'cup.json');
      const exported = await cli(source, 'export', '--cup', cup.id, '--out', file);
      expect(exported.stdout).toMatch(/exported cup .*: \d+ rows/);
      const backup = JSON.parse(readFileSync(file, 'utf8'));
      expect(backup.tables.ballots.length).toBeGreaterThan(0);

      // The target is empty but for what a first start creates (regions, the organiser).
      await target.close({ keepData: true });
      const imported = await cli(target, 'import', file);
      expect(imported.stdout).toMatch(/imported cup/);
      // Importing twice is refused with a reason and changes nothing.
      await expect(cli(target, 'import', file)).rejects.toMatchObject({
        stderr: expect.stringMatching(/already exists/),
      });

      const restored = await startTestApp({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
      try {
        const org2 = { Authorization: `Bearer ${await restored.organiserToken()}` };
        const after = await views(restored, cup.id, tournament.id, championship.id, org2);
        expect(after).toEqual(before);
        await request(restored.url).post('/api/auth/judge').send({ accessCode: judges[0].accessCode }).expect(200);
      } finally {
        await restored.close({ keepData: true });
      }
    } finally {
      await source.close();
      await target.close();
    }
  }, 300_000); // a played cup, three starts and two CLI runs
});
