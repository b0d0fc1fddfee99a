import type { AgeBand } from '../engine/age-groups/age-groups.js';
import type { FormatPreset, TabRules } from '../engine/formats/format-preset.js';
import { tabRulesOf } from './tournament-engine.js';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { toCsv } from '../common/csv.js';
import { DomainError } from '../common/domain-error.js';
import type { SpeakerTabRow } from '../engine/standings/speaker-tab.js';
import type { TeamTabRow } from '../engine/standings/team-tab.js';
import { Judge } from '../judges/judge.entity.js';
import { MacroRegion } from '../regions/region.entity.js';
import { Team } from '../teams/team.entity.js';
import { Cup } from './cup.entity.js';
import { Debate, type DebateDecision } from './debate.entity.js';
import { DebateAdjudicator } from './debate-adjudicator.entity.js';
import { DebateTeam } from './debate-team.entity.js';
import { Round as RoundRow, type BrokenConstraint, type Round } from './round.entity.js';
import { Tournament, type BreakReport } from './tournament.entity.js';
import type { AuditState } from './tournament-audit.entity.js';
import { TournamentAdjudicator } from './tournament-adjudicator.entity.js';
import { loadQualification } from './tournament-data.js';
import { League } from './league.entity.js';
import { TournamentTeam } from './tournament-team.entity.js';
import { Venue } from './venue.entity.js';

// Read models: what the API and /live show, built from the rows. Nothing here writes.

/** Tab rows exactly as the engine computes them. */
export type TeamRow = TeamTabRow;
/** A speaker tab row with the name of the speaker's team beside its id. */
export type SpeakerRow = SpeakerTabRow & { teamName: string };

export interface TournamentView {
  id: string;
  name: string;
  level: Tournament['level'];
  cupId: string | null;
  leagueId: string | null;
  regionCode: string | null;
  format: string;
  /** The format as this tournament uses it (the preset, with the tournament's changes). */
  formatSpec: FormatPreset;
  /** What the tabs rank by, in order: shown in the tab's header. */
  tabRules: TabRules;
  rules: Tournament['rules'];
  prelimRounds: number;
  breakSize: number;
  status: Tournament['status'];
  teams: { teamId: string; teamName: string; position: number; source: string; withdrawn: boolean }[];
  adjudicators: string[];
  breakReport: BreakReport | null;
  championTeamId: string | null;
  championTeamName: string | null;
  finalPlaces: string[] | null;
  /** `finalPlaces` with names: a person reads the places, a client keeps the ids. */
  finalPlaceTeams: { teamId: string; teamName: string }[] | null;
  version: number;
}

export interface TournamentAuditEntry {
  id: string;
  tournamentId: string;
  actor: string;
  actorName: string | null;
  action: string;
  subjectId: string;
  subjectName: string | null;
  before: AuditState | null;
  after: AuditState | null;
  at: string;
}

export interface DebateView {
  id: string;
  room: number;
  /** The named venue the draw gave the debate (null without venues). */
  venueId: string | null;
  venue: string | null;
  status: Debate['status'];
  needsConfirmation: boolean;
  bracketMatchId: string | null;
  teams: { side: string; teamId: string; teamName: string }[];
  panel: { judgeId: string; name: string; role: 'chair' | 'wing' }[];
  explanation: string[];
  result?: DebateDecision;
}

export interface RoundView {
  seq: number;
  kind: Round['kind'];
  name: string | null;
  status: Round['status'];
  /** Null for the public until the motion is released (organisers always see it). */
  motion: string | null;
  infoSlide: string | null;
  motionReleasedAt: string | null;
  seed: string;
  silent: boolean;
  brokenConstraints: BrokenConstraint[];
  debates: DebateView[];
}

export interface BracketView {
  rounds: {
    name: string;
    /** Per room position (two, or four in BP): seed and team; `ranking` is the result, best first. */
    debates: {
      id: string;
      debateId: string | null;
      seeds: (number | null)[];
      teamIds: (string | null)[];
      teamNames: (string | null)[];
      winnerTeamId: string | null;
      winnerTeamName: string | null;
      ranking: string[] | null;
      /** A first-round match with an empty slot: its team goes on without debating. */
      bye: boolean;
    }[];
  }[];
  champion: string | null;
  championName: string | null;
}

/** Team names by id, for views that list ids a person reads (bracket, final places, qualifiers). */
async function teamNames(em: EntityManager, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string'))];
  const teams = wanted.length
    ? await em.find(Team, { select: { id: true, name: true }, where: { id: In(wanted) } })
    : [];
  return new Map(teams.map((t) => [t.id, t.name]));
}

export async function tournamentView(em: EntityManager, t: Tournament): Promise<TournamentView> {
  const [entries, adjudicators] = await Promise.all([
    em.find(TournamentTeam, { where: { tournamentId: t.id }, relations: { team: true }, order: { position: 'ASC' } }),
    em.findBy(TournamentAdjudicator, { tournamentId: t.id }),
  ]);
  const names = new Map(entries.map((e) => [e.teamId, e.team.name]));
  const nameOf = (teamId: string) => names.get(teamId) ?? '';
  return {
    id: t.id,
    name: t.name,
    level: t.level,
    cupId: t.cupId,
    leagueId: t.leagueId,
    regionCode: t.regionCode,
    format: t.format,
    formatSpec: t.formatSpec,
    tabRules: tabRulesOf(t.formatSpec),
    rules: t.rules,
    prelimRounds: t.prelimRounds,
    breakSize: t.breakSize,
    status: t.status,
    teams: entries.map((e) => ({
      teamId: e.teamId,
      teamName: e.team.name,
      position: e.position,
      source: e.source,
      withdrawn: e.withdrawn,
    })),
    adjudicators: adjudicators.map((a) => a.judgeId).sort(),
    breakReport: t.breakReport,
    championTeamId: t.championTeamId,
    championTeamName: t.championTeamId ? nameOf(t.championTeamId) : null,
    finalPlaces: t.finalPlaces,
    finalPlaceTeams: t.finalPlaces?.map((teamId) => ({ teamId, teamName: nameOf(teamId) })) ?? null,
    version: t.version,
  };
}

/** Items by key, each list in the items' order. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** A round as the public sees it; results of a silent round stay hidden from everyone but organisers. */
export async function roundView(em: EntityManager, round: Round, organiser: boolean): Promise<RoundView> {
  const debates = await em.find(Debate, { where: { roundId: round.id }, order: { room: 'ASC' } });
  const ids = debates.map((d) => d.id);
  const [sides, panel] = ids.length
    ? await Promise.all([
        em.findBy(DebateTeam, { debateId: In(ids) }),
        em.findBy(DebateAdjudicator, { debateId: In(ids) }),
      ])
    : [[], []];
  const teams = sides.length ? await em.findBy(Team, { id: In(sides.map((s) => s.teamId)) }) : [];
  const judges = panel.length ? await em.findBy(Judge, { id: In(panel.map((p) => p.judgeId)) }) : [];
  const venueIds = debates.map((d) => d.venueId).filter((v) => v !== null);
  const venues = venueIds.length ? await em.findBy(Venue, { id: In(venueIds) }) : [];
  // Indexed once: a 2,000-room round has 4,000 sides and 6,000 seats, too many to search for each debate.
  const sidesOf = groupBy(sides, (s) => s.debateId);
  const seatsOf = groupBy(panel, (p) => p.debateId);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const judgeName = new Map(judges.map((j) => [j.id, j.fullName]));
  const venueName = new Map(venues.map((v) => [v.id, v.name]));
  const showResults = organiser || !round.silent;
  const showMotion = organiser || round.motionReleasedAt !== null;
  return {
    seq: round.seq,
    kind: round.kind,
    name: round.name,
    status: round.status,
    motion: showMotion ? round.motion : null,
    infoSlide: showMotion ? round.infoSlide : null,
    motionReleasedAt: round.motionReleasedAt?.toISOString() ?? null,
    seed: round.seed,
    silent: round.silent,
    brokenConstraints: round.brokenConstraints,
    debates: debates.map((d) => ({
      id: d.id,
      room: d.room,
      venueId: d.venueId,
      venue: (d.venueId !== null ? venueName.get(d.venueId) : undefined) ?? null,
      status: showResults ? d.status : 'pending',
      needsConfirmation: d.needsConfirmation,
      bracketMatchId: d.bracketMatchId,
      teams: (sidesOf.get(d.id) ?? []).map((s) => ({
        side: s.side,
        teamId: s.teamId,
        teamName: teamName.get(s.teamId) ?? '',
      })),
      panel: [...(seatsOf.get(d.id) ?? [])]
        .sort((a, b) => (a.role === b.role ? 0 : a.role === 'chair' ? -1 : 1))
        .map((p) => ({
          judgeId: p.judgeId,
          name: judgeName.get(p.judgeId) ?? '',
          role: p.role,
        })),
      explanation: d.explanation,
      ...(showResults && d.result ? { result: d.result } : {}),
    })),
  };
}

export async function bracketView(em: EntityManager, t: Tournament): Promise<BracketView> {
  if (!t.bracket) return { rounds: [], champion: null, championName: null };
  const debates = await em.findBy(Debate, { tournamentId: t.id });
  const byMatch = new Map(debates.filter((d) => d.bracketMatchId).map((d) => [d.bracketMatchId!, d.id]));
  const names = await teamNames(em, [
    t.championTeamId,
    ...t.bracket.rounds.flatMap((r) => r.matches.flatMap((m) => m.teamIds)),
  ]);
  const nameOf = (teamId: string | null) => (teamId === null ? null : (names.get(teamId) ?? ''));
  return {
    rounds: t.bracket.rounds.map((r) => ({
      name: r.name,
      debates: r.matches.map((m) => ({
        id: m.id,
        debateId: byMatch.get(m.id) ?? null,
        seeds: m.seeds,
        teamIds: m.teamIds,
        teamNames: m.teamIds.map(nameOf),
        winnerTeamId: m.winnerTeamId,
        winnerTeamName: nameOf(m.winnerTeamId),
        ranking: m.ranking ?? null,
        bye: m.bye,
      })),
    })),
    champion: t.championTeamId,
    championName: nameOf(t.championTeamId),
  };
}

/** Where a tournament stands, for the cup's board: its status and its latest released round. */
export interface TournamentStage {
  tournamentId: string;
  name: string;
  level: Tournament['level'];
  regionCode: string | null;
  leagueId: string | null;
  status: Tournament['status'];
  round: { seq: number; kind: Round['kind']; name: string | null } | null;
  championTeamId: string | null;
}

export async function tournamentStage(em: EntityManager, t: Tournament): Promise<TournamentStage> {
  const [round] = await em.find(RoundRow, {
    where: { tournamentId: t.id, status: In(['released', 'closed']) },
    order: { seq: 'DESC' },
    take: 1,
  });
  return {
    tournamentId: t.id,
    name: t.name,
    level: t.level,
    regionCode: t.regionCode,
    leagueId: t.leagueId,
    status: t.status,
    round: round ? { seq: round.seq, kind: round.kind, name: round.name } : null,
    championTeamId: t.championTeamId,
  };
}

export interface CupRegionRow {
  code: string;
  tournamentId: string | null;
  status: string;
  qualifiers: string[];
  qualifierTeams: { teamId: string; teamName: string }[];
  /** Next in line: the finisher who takes a withdrawn qualifier's place (one per qualification unit). */
  reserves: { teamId: string; teamName: string }[];
}

export interface CupNationalRow {
  tournamentId: string | null;
  status: string;
  champion?: string;
  championName?: string;
}

export interface LeagueView {
  id: string;
  key: string;
  name: string;
  language: League['language'];
  qualificationUnit: League['qualificationUnit'];
  placesPerUnit: number;
  regions: CupRegionRow[];
  national: CupNationalRow;
}

export interface CupView {
  id: string;
  name: string;
  season: string;
  slotsPerRegion: number;
  ageBands: AgeBand[];
  ageReferenceDate: string;
  /** Tournaments of no league (a cup without leagues). */
  regions: CupRegionRow[];
  national: CupNationalRow;
  /** Each league with its own regional tournaments and national round. */
  leagues: LeagueView[];
  version: number;
}

/** The cup's regions and national round, for the cup itself and for each league; `leagueKey` keeps one league. */
export async function cupView(em: EntityManager, id: string, leagueKey?: string): Promise<CupView> {
  const cup = await em.findOneBy(Cup, { id });
  if (!cup) throw DomainError.notFound('cup', id);
  const regions = await em.find(MacroRegion, { order: { position: 'ASC' } });
  const tournaments = await em.findBy(Tournament, { cupId: id });
  const leagues = (await em.find(League, { where: { cupId: id }, order: { createdAt: 'ASC', key: 'ASC' } })).filter(
    (l) => leagueKey === undefined || l.key === leagueKey,
  );
  if (leagueKey !== undefined && leagues.length === 0) throw DomainError.notFound(`league ${leagueKey} of cup`, id);
  const names = new Map<string, string>();
  const named = async (ids: string[]) => {
    for (const [id, name] of await teamNames(
      em,
      ids.filter((id) => !names.has(id)),
    ))
      names.set(id, name);
    return ids.map((teamId) => ({ teamId, teamName: names.get(teamId) ?? '' }));
  };
  const rowsOf = async (leagueId: string | null): Promise<CupRegionRow[]> => {
    const rows: CupRegionRow[] = [];
    for (const region of regions) {
      const tournament = tournaments.find(
        (t) => t.level === 'regional' && t.regionCode === region.code && t.leagueId === leagueId,
      );
      const { qualifiers, reserves } = tournament
        ? await loadQualification(em, tournament, cup)
        : { qualifiers: [], reserves: [] };
      rows.push({
        code: region.code,
        tournamentId: tournament?.id ?? null,
        status: tournament ? tournament.status : 'not-created',
        qualifiers,
        qualifierTeams: await named(qualifiers),
        reserves: await named(reserves),
      });
    }
    return rows;
  };
  const nationalRow = async (nationalId: string | null): Promise<CupNationalRow> => {
    const national = tournaments.find((t) => t.id === nationalId) ?? null;
    const champion = national?.championTeamId ? (await named([national.championTeamId]))[0] : null;
    return {
      tournamentId: national?.id ?? null,
      status: national ? national.status : 'not-created',
      ...(champion ? { champion: champion.teamId, championName: champion.teamName } : {}),
    };
  };
  const leagueViews: LeagueView[] = [];
  for (const league of leagues) {
    leagueViews.push({
      id: league.id,
      key: league.key,
      name: league.name,
      language: league.language,
      qualificationUnit: league.qualificationUnit,
      placesPerUnit: league.placesPerUnit,
      regions: await rowsOf(league.id),
      national: await nationalRow(league.nationalTournamentId),
    });
  }
  return {
    id: cup.id,
    name: cup.name,
    season: cup.season,
    slotsPerRegion: cup.slotsPerRegion,
    ageBands: cup.ageBands,
    ageReferenceDate: cup.ageReferenceDate,
    regions: leagueKey === undefined ? await rowsOf(null) : [],
    national: await nationalRow(leagueKey === undefined ? cup.nationalTournamentId : null),
    leagues: leagueViews,
    version: cup.version,
  };
}

/**
 * The cup as CSV: one row per qualifier (with its place) and per reserve, region by region, the cup's own then
 * each league's.
 */
export function cupCsv(cup: CupView): string {
  const parts = [
    { league: '', regions: cup.regions },
    ...cup.leagues.map((l) => ({ league: l.key, regions: l.regions })),
  ];
  return toCsv(
    ['league', 'region', 'status', 'kind', 'place', 'teamId', 'team'],
    parts.flatMap(({ league, regions }) =>
      regions.flatMap((r) => [
        ...r.qualifierTeams.map((x, i) => [league, r.code, r.status, 'qualifier', i + 1, x.teamId, x.teamName]),
        ...r.reserves.map((x) => [league, r.code, r.status, 'reserve', '', x.teamId, x.teamName]),
      ]),
    ),
  );
}
