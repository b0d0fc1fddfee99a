import type { OrleuApi } from './api-client.js';
import { personName, random, type League } from './names.js';

export const REGIONS = ['south', 'north', 'west', 'central', 'east'] as const;

export interface SeasonOptions {
  /** The cup's language leagues: each has its own regional tournaments and its own national round. */
  leagues: League[];
  /** Teams of each league entering each region's case championship. */
  caseTeamsPerLeague: number;
  /** Each league's best teams of a region's case championship, who enter the league's regional tournament. */
  qualifiersPerLeague: number;
  jurorsPerChampionship: number;
  /** Adjudicators of each region (the jurors among them), judging both leagues' tournaments there. */
  adjudicatorsPerRegion: number;
  format: 'wsdc';
  prelimRounds: number;
  breakSize: number;
  /** Teams each region sends to its league's national round. */
  slotsPerRegion: number;
  /** A British Parliamentary open in one region, for its strongest teams of either league (rooms of four). */
  bp: { region: (typeof REGIONS)[number]; teams: number; prelimRounds: number; breakSize: number };
  /** Ballots and scoresheets a second, all judges together; undefined = as fast as the server takes them. */
  ballotsPerSecond?: number;
  seed: number;
  /** Season label; team names carry it when it is not the first season in the database. */
  season: string;
  nameSuffix?: string;
  progress?: (stage: string) => StageProgress;
}

export interface StageProgress {
  grow(n: number): void;
  tick(n?: number): void;
  done(): void;
}

const silent: StageProgress = { grow() {}, tick() {}, done() {} };

export const DEMO_SEASON: Omit<SeasonOptions, 'leagues' | 'season'> = {
  caseTeamsPerLeague: 6,
  qualifiersPerLeague: 4,
  jurorsPerChampionship: 5,
  adjudicatorsPerRegion: 12,
  format: 'wsdc',
  prelimRounds: 2,
  breakSize: 2,
  slotsPerRegion: 2,
  bp: { region: 'central', teams: 8, prelimRounds: 2, breakSize: 4 },
  seed: 2026,
};

interface DemoTeam {
  id: string;
  name: string;
  region: string;
  league: League;
  speakers: string[];
  /** Hidden ability in [0, 1): simulated judges score by it, with their own noise. */
  strength: number;
}

interface DemoJudge {
  id: string;
  fullName: string;
  token: string;
  link: string;
  accessCode: string;
  /** How much this judge's marks wander. */
  noise: number;
}

interface DebateView {
  id: string;
  status: string;
  teams: { side: string; teamId: string }[];
  panel: { judgeId: string; role: string }[];
}

export interface RegionResult {
  region: string;
  regionTitle: string;
  championshipId: string;
  caseWinner: string;
  tournamentId: string;
  champion: string;
  qualifiers: string[];
}

export interface LeagueResult {
  key: string;
  title: string;
  regions: RegionResult[];
  national: { tournamentId: string; champion: string; championName: string; championRegion: string };
}

export interface SeasonResult {
  cupId: string;
  leagues: LeagueResult[];
  bp: { tournamentId: string; champion: string; championName: string };
  judgeLink: string;
  counts: { teams: number; judges: number; scoresheets: number; ballots: number };
}

/** Spaces writes evenly at a target rate shared by every simulated judge, so an audience sees them arrive. */
class Pacer {
  private next = 0;
  constructor(private readonly perSecond: number | undefined) {}
  async wait(): Promise<void> {
    if (!this.perSecond) return;
    const now = performance.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const halves = (x: number) => Math.round(x * 2) / 2;

/**
 * Builds and plays a whole season over the public HTTP API: five regional case championships; a Kazakh and a
 * Russian league in one AMANAT Cup, each with a regional tournament in every region (the league's best teams of
 * the region's case championship) and its own national round; and a British Parliamentary open beside them, all
 * with simulated judges.
 */
export class SeasonBuilder {
  private readonly rand: () => number;
  private readonly pacer: Pacer;
  private readonly teams = new Map<string, DemoTeam>();
  private readonly judges = new Map<string, DemoJudge>();
  private readonly counts = { teams: 0, judges: 0, scoresheets: 0, ballots: 0 };
  private token = '';

  constructor(
    private readonly api: OrleuApi,
    private readonly options: SeasonOptions,
  ) {
    this.rand = random(options.seed);
    this.pacer = new Pacer(options.ballotsPerSecond);
  }

  async run(organiser: { username: string; password: string }): Promise<SeasonResult> {
    this.token = await this.api.login(organiser.username, organiser.password);
    const o = this.options;
    const [first] = o.leagues;
    const progress = o.progress ?? (() => silent);

    const regions = (await this.api.get<{ items: RegionView[] }>('/regions')).items;
    const setup = progress('Registering teams and judges');
    setup.grow(REGIONS.length * (o.leagues.length * o.caseTeamsPerLeague + o.adjudicatorsPerRegion));
    const people = await Promise.all(
      REGIONS.map(async (code) => {
        const region = regions.find((r) => r.code === code)!;
        return { code, ...(await this.registerRegion(region, setup)) };
      }),
    );
    setup.done();

    const cup = await this.setUpCup();

    const scoring = progress(`Case championships «${first.championshipTitle}»`);
    scoring.grow(REGIONS.length * o.leagues.length * o.caseTeamsPerLeague * o.jurorsPerChampionship);
    const championships = await Promise.all(
      people.map((p) => this.playChampionship(p.code, p.teams, p.judges.slice(0, o.jurorsPerChampionship), scoring)),
    );
    scoring.done();

    const regional = progress(`${first.cupName}: regional tournaments of both leagues, and the BP open`);
    const bpPlayed = this.playBp(
      people.find((p) => p.code === o.bp.region)!,
      regional,
    );
    await Promise.all(
      cup.leagues.flatMap((league) =>
        people.map(async (p, i) => {
          const tournamentId = league.regional.get(p.code)!;
          for (const teamId of championships[i].order
            .filter((id) => this.teams.get(id)!.league === league.names)
            .slice(0, o.qualifiersPerLeague)) {
            await this.api.post(`/tournaments/${tournamentId}/teams`, { teamId }, this.token);
          }
          await this.api.post(
            `/tournaments/${tournamentId}/adjudicators`,
            { judgeIds: p.judges.map((j) => j.id) },
            this.token,
          );
          await this.playTournament(tournamentId, league.names, regional);
        }),
      ),
    );
    const bp = await bpPlayed;
    regional.done();

    const national = progress(`${first.cupName}: national rounds`);
    await Promise.all(cup.leagues.map((league) => this.playTournament(league.nationalId, league.names, national)));
    national.done();

    const leagues: LeagueResult[] = [];
    for (const league of cup.leagues) {
      const view = await this.api.get<CupView>(`/cups/${cup.id}?league=${league.names.code}`);
      const leagueView = view.leagues.find((l) => l.key === league.names.code)!;
      const results: RegionResult[] = [];
      for (const [i, p] of people.entries()) {
        const tournamentId = league.regional.get(p.code)!;
        const tournament = await this.api.get<{ championTeamId: string | null }>(`/tournaments/${tournamentId}`);
        results.push({
          region: p.code,
          regionTitle: league.names.regionTitle[p.code],
          championshipId: championships[i].id,
          caseWinner: this.teamName(championships[i].order[0]),
          tournamentId,
          champion: this.teamName(tournament.championTeamId),
          qualifiers: leagueView.regions.find((r) => r.code === p.code)?.qualifiers ?? [],
        });
      }
      const championId = leagueView.national.champion ?? '';
      const champion = this.teams.get(championId);
      leagues.push({
        key: league.names.code,
        title: league.names.title,
        regions: results,
        national: {
          tournamentId: league.nationalId,
          champion: championId,
          championName: champion?.name ?? '',
          championRegion: champion ? league.names.regionTitle[champion.region] : '',
        },
      });
    }
    return {
      cupId: cup.id,
      leagues,
      bp,
      judgeLink: [...this.judges.values()][0].link,
      counts: this.counts,
    };
  }

  private teamName(id: string | null | undefined): string {
    return (id && this.teams.get(id)?.name) || '';
  }

  /** A region's teams (so many of each league, named as that league names them) and its judges (names alternating). */
  private async registerRegion(region: RegionView, progress: StageProgress) {
    const o = this.options;
    const units = [...region.oblasts, ...region.cities];
    const teams: DemoTeam[] = [];
    for (const league of o.leagues) {
      const cityOf = (unit: RegionView['oblasts'][number]) => (league.code === 'kk' ? unit.names.kk : unit.names.ru);
      for (let i = 0; i < o.caseTeamsPerLeague; i++) {
        const unit = units[i % units.length];
        const base = league.teamNames[i % league.teamNames.length];
        const lap = Math.floor(i / league.teamNames.length);
        const name = `${base}${lap ? ` ${lap + 1}` : ''}${o.nameSuffix ?? ''}`;
        const members = Array.from({ length: 3 }, (_, m) => ({
          fullName: personName(league, this.rand),
          birthDate: `200${3 + Math.floor(this.rand() * 5)}-0${1 + m}-1${m}`,
        }));
        const created = await this.api.post<{ id: string; members: { id: string }[] }>(
          '/teams',
          {
            name,
            regionCode: region.code,
            oblastCode: unit.code,
            institution: league.school(i + 1, cityOf(unit)),
            rural: i % 5 === 4,
            members,
          },
          this.token,
        );
        const team: DemoTeam = {
          id: created.id,
          name,
          region: region.code,
          league,
          speakers: created.members.map((m) => m.id),
          strength: this.rand(),
        };
        this.teams.set(team.id, team);
        teams.push(team);
        this.counts.teams++;
        progress.tick();
      }
    }
    const judges: DemoJudge[] = [];
    for (let j = 0; j < o.adjudicatorsPerRegion; j++) {
      const league = o.leagues[j % o.leagues.length];
      const city = units[j % units.length].names[league.code];
      const fullName = personName(league, this.rand);
      const created = await this.api.post<{ id: string; accessCode: string; link: string }>(
        '/judges',
        {
          fullName,
          regionCode: region.code,
          institution: `${league.university(city)} ${j + 1}`,
          strength: 3 + (j % 7),
        },
        this.token,
      );
      const linkToken = created.link.split('/').pop()!;
      const login = await this.api.post<{ accessToken: string }>('/auth/judge', { token: linkToken });
      const judge: DemoJudge = {
        id: created.id,
        fullName,
        token: login.accessToken,
        link: created.link,
        accessCode: created.accessCode,
        noise: 0.5 + this.rand() * 1.5,
      };
      this.judges.set(judge.id, judge);
      judges.push(judge);
      this.counts.judges++;
      progress.tick();
    }
    return { teams, judges };
  }

  /** The cup, its leagues, and each league's regional tournaments and national round. */
  async setUpCup(): Promise<{
    id: string;
    leagues: { names: League; regional: Map<string, string>; nationalId: string }[];
  }> {
    const o = this.options;
    const cup = await this.api.post<{ id: string }>(
      '/cups',
      { name: o.leagues[0].cupName, season: o.season, slotsPerRegion: o.slotsPerRegion },
      this.token,
    );
    // Three judges of each region sit each national round: panels of three across its rooms.
    const pool = [...this.judges.values()];
    const perRegion = Math.max(1, Math.floor(pool.length / REGIONS.length));
    const nationalJudges = REGIONS.flatMap((_, r) => pool.slice(r * perRegion, r * perRegion + 3).map((j) => j.id));
    const leagues = [];
    for (const names of o.leagues) {
      const added = await this.api.post<{ leagues: { id: string; key: string }[] }>(
        `/cups/${cup.id}/leagues`,
        { key: names.code, name: names.title, language: names.code, placesPerUnit: o.slotsPerRegion },
        this.token,
      );
      const leagueId = added.leagues.find((l) => l.key === names.code)!.id;
      const regional = new Map<string, string>();
      for (const code of REGIONS) {
        const t = await this.api.post<{ id: string }>(
          '/tournaments',
          {
            name: `${names.cupName} — ${names.regionTitle[code]} (${names.title})`,
            level: 'regional',
            cupId: cup.id,
            leagueId,
            regionCode: code,
            format: o.format,
            prelimRounds: o.prelimRounds,
            breakSize: o.breakSize,
          },
          this.token,
        );
        regional.set(code, t.id);
      }
      const national = await this.api.post<{ id: string }>(
        '/tournaments',
        {
          name: `${names.cupName} — ${names.title}`,
          level: 'national',
          cupId: cup.id,
          leagueId,
          format: o.format,
          prelimRounds: 0,
          breakSize: REGIONS.length * o.slotsPerRegion,
        },
        this.token,
      );
      await this.api.post(`/tournaments/${national.id}/adjudicators`, { judgeIds: nationalJudges }, this.token);
      leagues.push({ names, regional, nationalId: national.id });
    }
    return { id: cup.id, leagues };
  }

  /** The BP open: the region's strongest teams by their case championship's marks, its judges, to a champion. */
  private async playBp(
    region: { code: string; teams: DemoTeam[]; judges: DemoJudge[] },
    progress: StageProgress,
  ): Promise<SeasonResult['bp']> {
    const o = this.options;
    const names = o.leagues[o.leagues.length - 1];
    const created = await this.api.post<{ id: string }>(
      '/tournaments',
      {
        name: `${names.cupName} — BP, ${names.regionTitle[region.code]}`,
        level: 'regional',
        regionCode: region.code,
        format: 'bp',
        prelimRounds: o.bp.prelimRounds,
        breakSize: o.bp.breakSize,
      },
      this.token,
    );
    const entered = [...region.teams].sort((a, b) => b.strength - a.strength).slice(0, o.bp.teams);
    for (const team of entered)
      await this.api.post(`/tournaments/${created.id}/teams`, { teamId: team.id }, this.token);
    await this.api.post(
      `/tournaments/${created.id}/adjudicators`,
      { judgeIds: region.judges.map((j) => j.id) },
      this.token,
    );
    await this.playTournament(created.id, names, progress);
    const view = await this.api.get<{ championTeamId: string | null }>(`/tournaments/${created.id}`);
    return {
      tournamentId: created.id,
      champion: view.championTeamId ?? '',
      championName: this.teamName(view.championTeamId),
    };
  }

  private async playChampionship(region: string, teams: DemoTeam[], jurors: DemoJudge[], progress: StageProgress) {
    const o = this.options;
    const created = await this.api.post<{ id: string; criteria: { key: string; maxScore: number }[] }>(
      '/case-championships',
      {
        title: `${o.leagues[0].championshipTitle} — ${o.leagues[0].regionTitle[region]}`,
        regionCode: region,
        qualifierSlots: o.leagues.length * o.qualifiersPerLeague,
      },
      this.token,
    );
    const id = created.id;
    for (const team of teams) await this.api.post(`/case-championships/${id}/entries`, { teamId: team.id }, this.token);
    await this.api.post(`/case-championships/${id}/jury`, { judgeIds: jurors.map((j) => j.id) }, this.token);
    await this.api.post(`/case-championships/${id}/start-scoring`, {}, this.token);
    // Jurors work through the teams in turn, as at a real pitch session: one team's sheets, then the next.
    for (const team of teams) {
      await Promise.all(
        jurors.map(async (juror) => {
          const scores = Object.fromEntries(
            created.criteria.map((c) => [
              c.key,
              clamp(
                halves(c.maxScore * (0.35 + 0.6 * team.strength) + (this.rand() - 0.5) * juror.noise),
                0,
                c.maxScore,
              ),
            ]),
          );
          await this.pacer.wait();
          await this.api.put(
            `/case-championships/${id}/scoresheets/${team.id}`,
            { scores },
            juror.token,
            `demo:${id}:${team.id}:${juror.id}`,
          );
          this.counts.scoresheets++;
          progress.tick();
        }),
      );
    }
    await this.api.post(`/case-championships/${id}/finalise`, {}, this.token);
    // Each league takes its own best teams of the region from the whole standing, not only the qualifying places.
    const standings = await this.api.get<{ rows: { teamId: string }[] }>(`/case-championships/${id}/standings`);
    return { id, order: standings.rows.map((r) => r.teamId) };
  }

  /** Draws, releases and judges rounds until the tournament has a champion. */
  private async playTournament(tournamentId: string, league: League, progress: StageProgress): Promise<void> {
    for (let guard = 0; guard < 40; guard++) {
      const view = await this.api.get<{ status: string }>(`/tournaments/${tournamentId}`);
      if (view.status === 'finished') return;
      const drawn = await this.api.post<{ seq: number }>(
        `/tournaments/${tournamentId}/rounds`,
        { motion: this.motion(league) },
        this.token,
      );
      const released = await this.api.post<{ debates: DebateView[] }>(
        `/tournaments/${tournamentId}/rounds/${drawn.seq}/release`,
        {},
        this.token,
      );
      await this.api.post(`/tournaments/${tournamentId}/rounds/${drawn.seq}/motion/release`, {}, this.token);
      const open = released.debates.filter((d) => d.status !== 'confirmed' && d.teams.length > 1);
      progress.grow(open.reduce((n, d) => n + d.panel.length, 0));
      await Promise.all(open.map((d) => this.judgeDebate(d, progress)));
    }
    throw new Error(`tournament ${tournamentId} did not finish in 40 rounds`);
  }

  private async judgeDebate(debate: DebateView, progress: StageProgress): Promise<void> {
    let needsConfirmation = false;
    for (const seat of debate.panel) {
      const judge = this.judges.get(seat.judgeId)!;
      await this.pacer.wait();
      const receipt = await this.api.post<{ needsConfirmation: boolean }>(
        `/debates/${debate.id}/ballots`,
        debate.teams.length === 4 ? this.bpBallot(debate, judge) : this.ballot(debate, judge),
        judge.token,
        `demo:${debate.id}:${judge.id}`,
      );
      needsConfirmation = receipt.needsConfirmation;
      this.counts.ballots++;
      progress.tick();
    }
    if (needsConfirmation) await this.api.post(`/debates/${debate.id}/confirm`, {}, this.token);
  }

  /** A WSDC ballot: three speeches and a reply by the first speaker, marked by ability plus the judge's noise. */
  private ballot(debate: DebateView, judge: DemoJudge) {
    const sheets = debate.teams.map(({ teamId }) => {
      const team = this.teams.get(teamId)!;
      const speeches = team.speakers.map((speakerId) => ({
        speakerId,
        score: clamp(halves(70 + 10 * (team.strength - 0.5) + (this.rand() - 0.5) * 2 * judge.noise), 60, 80),
      }));
      const reply = {
        speakerId: team.speakers[0],
        score: clamp(halves(35 + 5 * (team.strength - 0.5) + (this.rand() - 0.5) * judge.noise), 30, 40),
        reply: true,
      };
      return { teamId, speeches: [...speeches, reply] };
    });
    const total = (s: (typeof sheets)[number]) => s.speeches.reduce((n, x) => n + x.score, 0);
    if (total(sheets[0]) === total(sheets[1])) {
      // A tie is not a ballot: the judge gives the stronger side's first speaker half a mark more (or the other's less).
      const stronger = this.teams.get(sheets[0].teamId)!.strength >= this.teams.get(sheets[1].teamId)!.strength ? 0 : 1;
      const speech = sheets[stronger].speeches[0];
      if (speech.score < 80) speech.score += 0.5;
      else sheets[1 - stronger].speeches[0].score -= 0.5;
    }
    return { teams: sheets };
  }

  /**
   * A BP ballot: two speeches a team (50–99, whole marks) by ability plus the judge's noise. The ranks follow the
   * totals, which may not tie: a tied team loses a mark from its first speech (or, at 50, the other gains one).
   */
  private bpBallot(debate: DebateView, judge: DemoJudge) {
    const sheets = debate.teams.map(({ teamId }) => {
      const team = this.teams.get(teamId)!;
      return {
        teamId,
        speeches: team.speakers.slice(0, 2).map((speakerId) => ({
          speakerId,
          score: clamp(Math.round(75 + 16 * (team.strength - 0.5) + (this.rand() - 0.5) * 4 * judge.noise), 50, 99),
        })),
      };
    });
    const total = (s: (typeof sheets)[number]) => s.speeches.reduce((n, x) => n + x.score, 0);
    for (let changed = true; changed;) {
      changed = false;
      for (const [i, a] of sheets.entries()) {
        const tie = sheets.slice(i + 1).find((b) => total(b) === total(a));
        if (!tie) continue;
        if (tie.speeches[0].score > 50) tie.speeches[0].score -= 1;
        else a.speeches[0].score += 1;
        changed = true;
      }
    }
    return { teams: sheets };
  }

  private motion(league: League): string {
    const motions =
      league.code === 'kk'
        ? [
            'Бұл палата мектептерде смартфонға тыйым салар еді',
            'Бұл палата ауылдық жастарға жеке квота енгізер еді',
            'Бұл палата әлеуметтік желілерді 16 жасқа дейін шектер еді',
          ]
        : [
            'Эта палата запретила бы смартфоны в школах',
            'Эта палата ввела бы квоты для сельской молодёжи',
            'Эта палата ограничила бы соцсети до 16 лет',
          ];
    return motions[Math.floor(this.rand() * motions.length)];
  }
}

interface RegionView {
  code: string;
  oblasts: { code: string; names: { kk: string; ru: string; en: string } }[];
  cities: { code: string; names: { kk: string; ru: string; en: string } }[];
}

interface CupView {
  leagues: {
    key: string;
    regions: { code: string; qualifiers: string[] }[];
    national: { tournamentId: string; status: string; champion?: string };
  }[];
}
