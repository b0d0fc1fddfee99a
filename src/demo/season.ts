import type { OrleuApi } from './api-client.js';
import { personName, random, type League } from './names.js';

export const REGIONS = ['south', 'north', 'west', 'central', 'east'] as const;

export interface SeasonOptions {
  league: League;
  /** Teams entering each region's case championship. */
  caseTeamsPerRegion: number;
  /** The case championship's qualifiers, who enter the region's AMANAT Cup tournament. */
  qualifiersPerRegion: number;
  jurorsPerChampionship: number;
  /** Adjudicators of each regional tournament (the jurors among them); 3 per debate seats panels of three. */
  adjudicatorsPerRegion: number;
  format: 'wsdc';
  prelimRounds: number;
  breakSize: number;
  /** Teams each region sends to the national round. */
  slotsPerRegion: number;
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

export const DEMO_SEASON: Omit<SeasonOptions, 'league' | 'season'> = {
  caseTeamsPerRegion: 12,
  qualifiersPerRegion: 8,
  jurorsPerChampionship: 5,
  adjudicatorsPerRegion: 12,
  format: 'wsdc',
  prelimRounds: 3,
  breakSize: 4,
  slotsPerRegion: 2,
  seed: 2026,
};

interface DemoTeam {
  id: string;
  name: string;
  region: string;
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

export interface SeasonResult {
  cupId: string;
  league: string;
  regions: RegionResult[];
  national: { tournamentId: string; champion: string; championName: string; championRegion: string };
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
 * Builds and plays a whole season over the public HTTP API: five regional case championships, their qualifiers
 * in a regional AMANAT Cup tournament each, and the national round, with simulated judges.
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
    const progress = o.progress ?? (() => silent);

    const regions = (await this.api.get<{ items: RegionView[] }>('/regions')).items;
    const setup = progress('Registering teams and judges');
    setup.grow(REGIONS.length * (o.caseTeamsPerRegion + o.adjudicatorsPerRegion));
    const people = await Promise.all(
      REGIONS.map(async (code) => {
        const region = regions.find((r) => r.code === code)!;
        return { code, ...(await this.registerRegion(region, setup)) };
      }),
    );
    setup.done();

    const cup = await this.setUpCup(o.league);

    const scoring = progress('Case championships «Жастар мәселесі жастар көзімен»');
    scoring.grow(REGIONS.length * o.caseTeamsPerRegion * o.jurorsPerChampionship);
    const championships = await Promise.all(
      people.map((p) => this.playChampionship(p.code, p.teams, p.judges.slice(0, o.jurorsPerChampionship), scoring)),
    );
    scoring.done();

    const regional = progress(`${o.league.cupName}: regional tournaments`);
    await Promise.all(
      people.map(async (p, i) => {
        const tournamentId = cup.regional.get(p.code)!;
        await this.api.post(
          `/tournaments/${tournamentId}/teams`,
          { fromCaseChampionshipId: championships[i].id },
          this.token,
        );
        await this.api.post(
          `/tournaments/${tournamentId}/adjudicators`,
          { judgeIds: p.judges.map((j) => j.id) },
          this.token,
        );
        await this.playTournament(tournamentId, regional);
      }),
    );
    regional.done();

    const national = progress(`${o.league.cupName}: national round`);
    await this.playTournament(cup.nationalId, national);
    national.done();

    const cupView = await this.api.get<CupView>(`/cups/${cup.id}`);
    const results: RegionResult[] = [];
    for (const [i, p] of people.entries()) {
      const tournament = await this.api.get<{ championTeamId: string | null }>(
        `/tournaments/${cup.regional.get(p.code)}`,
      );
      results.push({
        region: p.code,
        regionTitle: o.league.regionTitle[p.code],
        championshipId: championships[i].id,
        caseWinner: this.teamName(championships[i].qualifiers[0]),
        tournamentId: cup.regional.get(p.code)!,
        champion: this.teamName(tournament.championTeamId),
        qualifiers: cupView.regions.find((r) => r.code === p.code)?.qualifiers ?? [],
      });
    }
    const championId = cupView.national.champion ?? '';
    const champion = this.teams.get(championId);
    return {
      cupId: cup.id,
      league: o.league.code,
      regions: results,
      national: {
        tournamentId: cup.nationalId,
        champion: championId,
        championName: champion?.name ?? '',
        championRegion: champion ? o.league.regionTitle[champion.region] : '',
      },
      judgeLink: [...this.judges.values()][0].link,
      counts: this.counts,
    };
  }

  private teamName(id: string | null | undefined): string {
    return (id && this.teams.get(id)?.name) || '';
  }

  private async registerRegion(region: RegionView, progress: StageProgress) {
    const o = this.options;
    const league = o.league;
    const units = [...region.oblasts, ...region.cities];
    const cityOf = (unit: RegionView['oblasts'][number]) => (league.code === 'kk' ? unit.names.kk : unit.names.ru);
    const teams: DemoTeam[] = [];
    for (let i = 0; i < o.caseTeamsPerRegion; i++) {
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
        speakers: created.members.map((m) => m.id),
        strength: this.rand(),
      };
      this.teams.set(team.id, team);
      teams.push(team);
      this.counts.teams++;
      progress.tick();
    }
    const judges: DemoJudge[] = [];
    for (let j = 0; j < o.adjudicatorsPerRegion; j++) {
      const fullName = personName(league, this.rand);
      const created = await this.api.post<{ id: string; accessCode: string; link: string }>(
        '/judges',
        {
          fullName,
          regionCode: region.code,
          institution: `${league.university(cityOf(units[j % units.length]))} ${j + 1}`,
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

  /** The cup and its tournaments for one league: the league is this function's one parameter. */
  async setUpCup(league: League): Promise<{ id: string; regional: Map<string, string>; nationalId: string }> {
    const o = this.options;
    const cup = await this.api.post<{ id: string }>(
      '/cups',
      { name: `${league.cupName} — ${league.title}`, season: o.season, slotsPerRegion: o.slotsPerRegion },
      this.token,
    );
    const regional = new Map<string, string>();
    for (const code of REGIONS) {
      const t = await this.api.post<{ id: string }>(
        '/tournaments',
        {
          name: `${league.cupName} — ${league.regionTitle[code]}`,
          level: 'regional',
          cupId: cup.id,
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
        name: `${league.cupName} — ${league.title}`,
        level: 'national',
        cupId: cup.id,
        format: o.format,
        prelimRounds: 0,
        breakSize: REGIONS.length * o.slotsPerRegion,
      },
      this.token,
    );
    // Three judges of each region sit the national round: panels of three across its rooms.
    const pool = [...this.judges.values()];
    const perRegion = Math.max(1, Math.floor(pool.length / REGIONS.length));
    const nationalJudges = REGIONS.flatMap((_, r) => pool.slice(r * perRegion, r * perRegion + 3).map((j) => j.id));
    await this.api.post(`/tournaments/${national.id}/adjudicators`, { judgeIds: nationalJudges }, this.token);
    return { id: cup.id, regional, nationalId: national.id };
  }

  private async playChampionship(region: string, teams: DemoTeam[], jurors: DemoJudge[], progress: StageProgress) {
    const o = this.options;
    const created = await this.api.post<{ id: string; criteria: { key: string; maxScore: number }[] }>(
      '/case-championships',
      {
        title: `${o.league.championshipTitle} — ${o.league.regionTitle[region]}`,
        regionCode: region,
        qualifierSlots: o.qualifiersPerRegion,
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
    const finalised = await this.api.post<{ qualifiers: string[] }>(
      `/case-championships/${id}/finalise`,
      {},
      this.token,
    );
    return { id, qualifiers: finalised.qualifiers };
  }

  /** Draws, releases and judges rounds until the tournament has a champion. */
  private async playTournament(tournamentId: string, progress: StageProgress): Promise<void> {
    for (let guard = 0; guard < 40; guard++) {
      const view = await this.api.get<{ status: string }>(`/tournaments/${tournamentId}`);
      if (view.status === 'finished') return;
      const drawn = await this.api.post<{ seq: number }>(
        `/tournaments/${tournamentId}/rounds`,
        { motion: this.motion() },
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
        this.ballot(debate, judge),
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

  private motion(): string {
    const motions =
      this.options.league.code === 'kk'
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
  regions: { code: string; qualifiers: string[] }[];
  national: { tournamentId: string; status: string; champion?: string };
}
