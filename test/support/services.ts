import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { TokenVerifier } from '../../src/auth/token-verifier.js';
import { validateEnv } from '../../src/config/env.js';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { Principal } from '../../src/auth/principal.js';
import { CaseChampionship } from '../../src/case-championships/case-championship.entity.js';
import { CaseRoomsService } from '../../src/case-championships/case-rooms.service.js';
import { CaseChampionshipsService } from '../../src/case-championships/case-championships.service.js';
import { IdempotencyService } from '../../src/common/idempotency.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { Judge } from '../../src/judges/judge.entity.js';
import { JudgesService } from '../../src/judges/judges.service.js';
import { LiveTransactions } from '../../src/live/live-changes.js';
import { LiveGateway } from '../../src/live/live.gateway.js';
import { LiveLog } from '../../src/live/live-log.js';
import { LivePublisher } from '../../src/live/live-publisher.js';
import { LiveSnapshots } from '../../src/live/live-snapshots.js';
import { PrivacyService } from '../../src/privacy/privacy.service.js';
import { MacroRegion } from '../../src/regions/region.entity.js';
import { RegionsService } from '../../src/regions/regions.service.js';
import { Team } from '../../src/teams/team.entity.js';
import { TeamsService } from '../../src/teams/teams.service.js';
import { BallotGroupCommit } from '../../src/tournaments/ballot-group-commit.js';
import { ScoresheetGroupCommit } from '../../src/case-championships/scoresheet-group-commit.js';
import { BallotsService } from '../../src/tournaments/ballots.service.js';
import { CupsService } from '../../src/tournaments/cups.service.js';
import { DebateResults } from '../../src/tournaments/debate-results.js';
import { RoundsService } from '../../src/tournaments/rounds.service.js';
import { TournamentQueries } from '../../src/tournaments/tournament-queries.service.js';
import type { DebateView, RoundView } from '../../src/tournaments/tournament-views.js';
import { TournamentsService } from '../../src/tournaments/tournaments.service.js';
import { adminQuery } from './test-app.js';

/**
 * A fresh, migrated database for service specs: an in-memory PGlite served on loopback (the app's own embedded
 * engine), or a new database on the server named by DATABASE_URL.
 */
export async function openDatabase(): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  let url: string;
  let stop: () => Promise<void>;
  if (server) {
    const name = `orleu_s_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(server, `CREATE DATABASE ${name}`);
    const target = new URL(server);
    target.pathname = `/${name}`;
    url = target.toString();
    stop = async () => void (await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  } else {
    const db = await PGlite.create();
    const socket = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await socket.start();
    url = `postgres://postgres:postgres@${socket.getServerConn()}/postgres`;
    stop = async () => {
      await socket.stop();
      await db.close();
    };
  }
  const dataSource = new DataSource(dataSourceOptions({ url, embedded: !server }));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await stop();
    },
  };
}

/**
 * The tournaments layer wired by hand, as Nest would wire it, on a real database. Only the socket server is left
 * out: rooms the services announce after commit are collected in `announced`.
 */
export class TournamentWorld {
  readonly announced: string[] = [];
  readonly organiser: Principal = { role: 'organiser', id: randomUUID() };
  readonly queries: TournamentQueries;
  readonly cups: CupsService;
  readonly ballots: BallotsService;
  readonly championships: CaseChampionshipsService;
  readonly caseRooms: CaseRoomsService;
  readonly rounds: RoundsService;
  readonly tournaments: TournamentsService;
  readonly judges: JudgesService;
  readonly teams: TeamsService;
  private readonly strength = new Map<string, number>();
  private readonly speakers = new Map<string, string[]>();
  private counter = 0;
  private readonly publisher: LivePublisher;

  private constructor(
    readonly dataSource: DataSource,
    private readonly closeDatabase: () => Promise<void>,
  ) {
    const snapshots = new LiveSnapshots();
    const log = new LiveLog(dataSource);
    const announced = this.announced;
    class RecordingGateway extends LiveGateway {
      override announce(room: string): void {
        announced.push(room);
      }
      override localAudience(): number {
        return 0;
      }
    }
    const publisher = new LivePublisher(
      log,
      new RecordingGateway(
        log,
        snapshots,
        dataSource,
        new TokenVerifier(new JwtService(), dataSource),
        validateEnv({}),
      ),
      snapshots,
      dataSource,
    );
    this.publisher = publisher;
    const live = new LiveTransactions(dataSource, publisher);
    const idempotency = new IdempotencyService(dataSource);
    const regions = new RegionsService(dataSource.getRepository(MacroRegion));
    this.judges = new JudgesService(dataSource.getRepository(Judge), regions);
    this.teams = new TeamsService(dataSource.getRepository(Team), regions);
    const championships = (this.championships = new CaseChampionshipsService(
      dataSource.getRepository(CaseChampionship),
      dataSource,
      regions,
      this.judges,
      idempotency,
      publisher,
      snapshots,
      (this.caseRooms = new CaseRoomsService(dataSource, this.judges, publisher)),
      new ScoresheetGroupCommit(dataSource, publisher),
    ));
    this.queries = new TournamentQueries(dataSource, snapshots, new PrivacyService(dataSource));
    this.queries.onModuleInit();
    this.cups = new CupsService(dataSource);
    this.ballots = new BallotsService(
      idempotency,
      live,
      new DebateResults(this.cups),
      new BallotGroupCommit(dataSource, live),
    );
    this.rounds = new RoundsService(live, this.judges, this.queries);
    this.tournaments = new TournamentsService(
      dataSource,
      live,
      regions,
      this.judges,
      championships,
      this.cups,
      this.ballots,
    );
  }

  static async open(): Promise<TournamentWorld> {
    const { dataSource, close } = await openDatabase();
    return new TournamentWorld(dataSource, close);
  }

  close(): Promise<void> {
    // Pending coalesced standings pushes would run against a closed database.
    this.publisher.onApplicationShutdown();
    return this.closeDatabase();
  }

  /** A regional WSDC tournament with teams (the first the strongest) and judges registered. */
  async tournament(setup: { teams: number; judges: number; prelimRounds: number; breakSize: number; cupId?: string }) {
    const view = await this.tournaments.create({
      name: `World ${++this.counter}`,
      level: 'regional',
      regionCode: 'east',
      format: 'wsdc',
      prelimRounds: setup.prelimRounds,
      breakSize: setup.breakSize,
      cupId: setup.cupId,
    });
    const teamIds: string[] = [];
    for (let i = 0; i < setup.teams; i++) {
      const name = `Team ${++this.counter}`;
      const team = await this.teams.create({
        name,
        regionCode: 'east',
        oblastCode: 'abai',
        institution: `${name} School`,
        eventDate: '2026-11-24',
        members: [1, 2, 3].map((n) => ({ fullName: `${name} speaker ${n}`, birthDate: `2005-03-0${n}` })),
      });
      this.strength.set(team.id, setup.teams - i);
      this.speakers.set(
        team.id,
        team.members.map((m) => m.id),
      );
      await this.tournaments.addTeams(view.id, { teamId: team.id });
      teamIds.push(team.id);
    }
    const judgeIds: string[] = [];
    for (let j = 0; j < setup.judges; j++) {
      const judge = await this.judges.create({
        fullName: `Judge ${++this.counter}`,
        regionCode: 'east',
        institution: `Institute ${this.counter}`,
        strength: 5 + j,
      });
      judgeIds.push(judge.id);
    }
    await this.tournaments.addAdjudicators(view.id, { judgeIds });
    return { id: view.id, teamIds, judgeIds };
  }

  /** Draws the next round and releases it. */
  async draw(tournamentId: string, options: { silent?: boolean } = {}): Promise<RoundView> {
    const round = await this.rounds.generate(tournamentId, options);
    return this.rounds.release(tournamentId, round.seq);
  }

  /** A ballot for the stronger team, or for `favourite`. */
  ballot(debate: DebateView, favourite?: string) {
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

  judge(id: string): Principal {
    return { role: 'judge', id };
  }

  /** Every panellist of every debate of the round submits. */
  async judgeAll(round: RoundView): Promise<void> {
    for (const debate of round.debates) {
      for (const p of debate.panel)
        await this.ballots.submit(debate.id, this.judge(p.judgeId), this.ballot(debate), undefined);
    }
  }
}
