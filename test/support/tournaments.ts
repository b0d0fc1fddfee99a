import request from 'supertest';
import { Fixtures, type CreatedJudge } from './fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';

export interface DrawnDebate {
  id: string;
  room: number;
  status: string;
  teams: { side: string; teamId: string }[];
  panel: { judgeId: string; role: string }[];
  bracketMatchId: string | null;
}

export interface DrawnRound {
  seq: number;
  kind: 'prelim' | 'elim';
  name: string | null;
  debates: DrawnDebate[];
  brokenConstraints: unknown[];
}

export interface TournamentSetup {
  teams: number;
  prelimRounds: number;
  breakSize: number;
  judges: number;
  regionCode?: string;
  format?: string;
  cupId?: string;
  leagueId?: string;
}

/**
 * A tournament over HTTP in a few calls: teams of known strength (the first is the strongest), a pool of judges,
 * rounds drawn and released, ballots from every panellist. Judges score the stronger team higher unless told
 * whom to favour, so results are known in advance without asking the server.
 */
export class TournamentKit {
  readonly strength = new Map<string, number>();
  readonly speakers = new Map<string, string[]>();
  readonly judges = new Map<string, CreatedJudge>();

  constructor(
    private readonly t: TestApp,
    private readonly fx: Fixtures,
  ) {}

  private api() {
    return request(this.t.url);
  }

  /** Creates the tournament with its teams and adjudicators; returns its id and the ids in entry order. */
  async tournament(setup: TournamentSetup): Promise<{ id: string; teamIds: string[]; judgeIds: string[] }> {
    const region = setup.regionCode ?? 'east';
    const created = await this.api()
      .post('/api/tournaments')
      .set(this.fx.auth())
      .send({
        name: `Kit ${Math.random()}`,
        level: 'regional',
        regionCode: region,
        format: setup.format ?? 'wsdc',
        prelimRounds: setup.prelimRounds,
        breakSize: setup.breakSize,
        ...(setup.cupId ? { cupId: setup.cupId } : {}),
        ...(setup.leagueId ? { leagueId: setup.leagueId } : {}),
      })
      .expect(201);
    const id = created.body.id as string;
    const teamIds: string[] = [];
    for (let i = 0; i < setup.teams; i++) {
      const team = await this.fx.team(region);
      this.strength.set(team.id, setup.teams - i);
      this.speakers.set(
        team.id,
        team.members.map((m) => m.id),
      );
      await this.api().post(`/api/tournaments/${id}/teams`).set(this.fx.auth()).send({ teamId: team.id }).expect(201);
      teamIds.push(team.id);
    }
    const judgeIds: string[] = [];
    for (let j = 0; j < setup.judges; j++) {
      const judge = await this.fx.judge(region, { strength: 5 + (j % 6) });
      this.judges.set(judge.id, judge);
      judgeIds.push(judge.id);
    }
    await this.api().post(`/api/tournaments/${id}/adjudicators`).set(this.fx.auth()).send({ judgeIds }).expect(201);
    return { id, teamIds, judgeIds };
  }

  /** Draws the next round and releases it. */
  async draw(id: string, body: Record<string, unknown> = {}): Promise<DrawnRound> {
    const drawn = await this.api().post(`/api/tournaments/${id}/rounds`).set(this.fx.auth()).send(body).expect(201);
    const released = await this.api()
      .post(`/api/tournaments/${id}/rounds/${drawn.body.seq}/release`)
      .set(this.fx.auth())
      .expect(200);
    return released.body as DrawnRound;
  }

  /** A ballot from a judge who thinks `favourite` (or else the stronger team) won. */
  ballot(debate: DrawnDebate, favourite?: string) {
    const winner =
      favourite ??
      [...debate.teams].sort((a, b) => this.strength.get(b.teamId)! - this.strength.get(a.teamId)!)[0].teamId;
    return {
      teams: debate.teams.map(({ teamId }) => {
        const score = teamId === winner ? 75 : 70;
        const ids = this.speakers.get(teamId)!;
        return {
          teamId,
          speeches: [
            ...ids.map((speakerId) => ({ speakerId, score })),
            { speakerId: ids[0], score: score / 2, reply: true },
          ],
        };
      }),
    };
  }

  /** One judge's ballot, not yet sent: await it, or fire several together. */
  submit(debate: DrawnDebate, judgeId: string, favourite?: string) {
    return this.api()
      .post(`/api/debates/${debate.id}/ballots`)
      .set('Authorization', `Bearer ${this.judges.get(judgeId)!.token}`)
      .send(this.ballot(debate, favourite));
  }

  /** Every panellist of every debate submits, one after another. */
  async judgeAll(debates: DrawnDebate[], favourite?: (d: DrawnDebate) => string | undefined): Promise<void> {
    for (const debate of debates) {
      for (const p of debate.panel) await this.submit(debate, p.judgeId, favourite?.(debate)).expect(201);
    }
  }
}

/**
 * The set-up most e2e files share: the built app on a fresh database, the organiser's fixtures and auth header,
 * and a kit on them. A file takes what it uses: `beforeAll(async () => ({ t, fx, org, kit } = await startWithKit()))`.
 */
export async function startWithKit(): Promise<{
  t: TestApp;
  fx: Fixtures;
  org: Record<string, string>;
  kit: TournamentKit;
}> {
  const t = await startTestApp();
  const fx = new Fixtures(t, await t.organiserToken());
  return { t, fx, org: fx.auth(), kit: new TournamentKit(t, fx) };
}
