import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { entityFromRow } from '../common/entity-row.js';
import { conflictFactsSql, type ConflictFacts } from '../judges/judges.service.js';
import { Team, TeamMember } from '../teams/team.entity.js';
import { availableOf, loadMarks } from './availability-data.js';
import { Ballot } from './ballot.entity.js';
import { Cup } from './cup.entity.js';
import { League, type QualificationUnit } from './league.entity.js';
import { Debate, type DebateDecision } from './debate.entity.js';
import { DebateAdjudicator } from './debate-adjudicator.entity.js';
import { DebateTeam } from './debate-team.entity.js';
import { Round } from './round.entity.js';
import { Tournament } from './tournament.entity.js';
import { teamTab } from './tournament-engine.js';
import { TournamentTeam } from './tournament-team.entity.js';
import type { TeamRow } from './tournament-views.js';

/*
 * LOCK ORDER — every transaction that writes a tournament's bracket, standings, rounds or a debate's result takes
 * its rows in this order, only through the lockers below:
 *
 *   1. the tournament row (`lockTournament`; a national round's cup row just before it), for update — or shared,
 *      by a ballot that does not complete its debate's panel (see `TournamentLock`);
 *   2. then the debate row (`lockDebate` takes both, in this order);
 *   3. a regional tournament handing its qualifiers on takes its cup's row (`lockCup`) after its own rows, then
 *      writes the national round's row — the same cup-then-national order as 1, so neither waits on the other.
 *
 * The tournament row serialises every result of one tournament: the last ballots of two semifinals each read the
 * bracket after the other's commit, so neither writes back a stale bracket (issue 9.1).
 */

/**
 * How a transaction holds the tournament row. `update` excludes every other writer of the tournament; `share`
 * admits other `share` holders and excludes `update` ones: a ballot that does not complete its panel writes only its
 * debate's rows (under the debate's own lock) and the live log, so such ballots of different debates need not wait
 * for each other, while anything that changes the tournament, its rounds or a result still waits for them all.
 */
export type TournamentLock = 'update' | 'share';

const LOCK_MODE = { update: 'pessimistic_write', share: 'pessimistic_read' } as const;

/** The tournament, locked (after its cup's row for a national round). */
export async function lockTournament(
  em: EntityManager,
  id: string,
  mode: TournamentLock = 'update',
): Promise<Tournament> {
  // Most tournaments have no cup row to take first: try them in one statement.
  const direct = await em
    .createQueryBuilder(Tournament, 't')
    .setLock(LOCK_MODE[mode])
    .where('t.id = :id', { id })
    .andWhere(`NOT (t.level = 'national' AND t.cup_id IS NOT NULL)`)
    .getOne();
  if (direct) return direct;
  const peek = await em.findOne(Tournament, { where: { id }, select: { id: true, level: true, cupId: true } });
  if (!peek) throw DomainError.notFound('tournament', id);
  if (peek.level === 'national' && peek.cupId) await lockCup(em, peek.cupId, mode);
  return em.createQueryBuilder(Tournament, 't').setLock(LOCK_MODE[mode]).where('t.id = :id', { id }).getOneOrFail();
}

/** A round, after its tournament (the lock order above). */
export async function lockRound(em: EntityManager, tournamentId: string, seq: number): Promise<Round> {
  await lockTournament(em, tournamentId);
  const round = await em
    .createQueryBuilder(Round, 'r')
    .setLock('pessimistic_write')
    .where('r.tournament_id = :tournamentId AND r.seq = :seq', { tournamentId, seq })
    .getOne();
  if (!round) throw DomainError.notFound(`round ${seq} of tournament`, tournamentId);
  return round;
}

/**
 * The debate's tournament, then the debate (for update), with everything a ballot needs. `owner` skips the read of
 * the debate's tournament when the caller has it already; `conflictsOf` also reads what decides that judge's
 * conflicts with the debate's teams (in the same statement as the bundle).
 */
export async function lockDebate(
  em: EntityManager,
  debateId: string,
  options: { tournamentLock?: TournamentLock; owner?: string; conflictsOf?: string } = {},
): Promise<{ tournament: Tournament; bundle: DebateBundle; conflictFacts?: ConflictFacts }> {
  // A debate's tournament never changes, so reading it before taking any lock is safe.
  const owner = options.owner ?? (await debateOwner(em, debateId));
  if (!owner) throw DomainError.notFound('debate', debateId);
  const mode = options.tournamentLock ?? 'update';
  // Both locks in one statement, in the lock order: the tournament's (the CTE, scanned by the one-time EXISTS filter
  // before any debate row is read), then the debate's (LockRows, the plan's top node, locks the row it returns).
  // A national round with a cup row to take first gets no row here and takes the long way below.
  const [locked] = (await em.query(
    `WITH t AS MATERIALIZED (
       SELECT * FROM tournaments WHERE id = $1 AND NOT (level = 'national' AND cup_id IS NOT NULL)
       FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'})
     SELECT (SELECT to_jsonb(t) FROM t) AS tournament, to_jsonb(d) AS debate
       FROM debates d WHERE d.id = $2 AND EXISTS (SELECT 1 FROM t) FOR UPDATE OF d`,
    [owner, debateId],
  )) as { tournament: Record<string, unknown>; debate: Record<string, unknown> }[];
  let tournament: Tournament;
  let debate: Debate | null;
  if (locked) {
    tournament = entityFromRow(em, Tournament, locked.tournament);
    debate = entityFromRow(em, Debate, locked.debate);
  } else {
    tournament = await lockTournament(em, owner, mode);
    debate = await em
      .createQueryBuilder(Debate, 'd')
      .setLock('pessimistic_write')
      .where('d.id = :debateId', { debateId })
      .getOne();
  }
  if (!debate) throw DomainError.notFound('debate', debateId);
  // Read in a statement of its own, after the lock: it sees every ballot committed before the lock was granted.
  const { bundle, conflictFacts } = await bundleOf(em, debate, options.conflictsOf);
  return { tournament, bundle, conflictFacts };
}

async function debateOwner(em: EntityManager, debateId: string): Promise<string | undefined> {
  const rows = (await em.query(`SELECT tournament_id AS "tournamentId" FROM debates WHERE id = $1`, [debateId])) as {
    tournamentId: string;
  }[];
  return rows[0]?.tournamentId;
}

/** A cup row, locked: the national entries and bracket change only under it. */
export async function lockCup(em: EntityManager, id: string, mode: TournamentLock = 'update'): Promise<Cup> {
  const cup = await em.createQueryBuilder(Cup, 'c').setLock(LOCK_MODE[mode]).where('c.id = :id', { id }).getOne();
  if (!cup) throw DomainError.notFound('cup', id);
  return cup;
}

/** The tournament as it is now, unlocked (reads and read models). */
export async function loadTournament(em: EntityManager, id: string): Promise<Tournament> {
  const tournament = await em.findOneBy(Tournament, { id });
  if (!tournament) throw DomainError.notFound('tournament', id);
  return tournament;
}

/** A confirmed debate as the standings and the draw read it. */
export interface ConfirmedDebate {
  debateId: string;
  roundSeq: number;
  roundKind: Round['kind'];
  teams: { teamId: string; side: string }[];
  decision: DebateDecision;
}

export async function loadEntries(
  em: EntityManager,
  tournamentId: string,
): Promise<(TournamentTeam & { team: Team })[]> {
  const entries = await em.find(TournamentTeam, {
    where: { tournamentId },
    relations: { team: { members: true } },
    order: { position: 'ASC' },
  });
  for (const entry of entries) entry.team.members.sort((a: TeamMember, b: TeamMember) => a.position - b.position);
  return entries;
}

export async function loadRounds(em: EntityManager, tournamentId: string): Promise<Round[]> {
  return em.find(Round, { where: { tournamentId }, order: { seq: 'ASC' } });
}

/**
 * Every confirmed debate of the tournament. `publicOnly` stops before the first silent round, so the public tab is
 * "as of the last revealed round".
 */
export async function loadConfirmed(
  em: EntityManager,
  tournamentId: string,
  publicOnly: boolean,
): Promise<ConfirmedDebate[]> {
  const rounds = await loadRounds(em, tournamentId);
  const firstSilent = rounds.find((r) => r.silent)?.seq ?? Number.POSITIVE_INFINITY;
  const visible = rounds.filter((r) => !publicOnly || r.seq < firstSilent);
  if (visible.length === 0) return [];
  const debates = await em.find(Debate, { where: { roundId: In(visible.map((r) => r.id)), status: 'confirmed' } });
  if (debates.length === 0) return [];
  const sides = await em.findBy(DebateTeam, { debateId: In(debates.map((d) => d.id)) });
  const bySeq = new Map(visible.map((r) => [r.id, r]));
  return debates
    .map((d) => ({
      debateId: d.id,
      roundSeq: bySeq.get(d.roundId)!.seq,
      roundKind: bySeq.get(d.roundId)!.kind,
      teams: sides.filter((s) => s.debateId === d.id).map((s) => ({ teamId: s.teamId, side: s.side })),
      decision: d.result!,
    }))
    .sort((a, b) => a.roundSeq - b.roundSeq || a.debateId.localeCompare(b.debateId));
}

/**
 * The team tab — the one loader behind the public standings, the break and the finishing order. Withdrawn teams
 * are left off it (their results still count for their opponents).
 */
export async function loadTeamTab(em: EntityManager, tournamentId: string, publicOnly: boolean): Promise<TeamRow[]> {
  const tournament = await loadTournament(em, tournamentId);
  const entries = await em.find(TournamentTeam, {
    where: { tournamentId },
    relations: { team: true },
    order: { position: 'ASC' },
  });
  const confirmed = await loadConfirmed(em, tournamentId, publicOnly);
  const byes = tournament.rules.byeCounts === 'win' ? await loadByes(em, tournament, entries, publicOnly) : [];
  return teamTab(
    tournament.formatSpec,
    entries.map((e) => ({ id: e.teamId, name: e.team.name, regionCode: e.team.regionCode, withdrawn: e.withdrawn })),
    [...confirmed, ...byes],
  );
}

/**
 * With byes counted as wins: for each preliminary round with results, every entered team that sat out gets a win
 * without speaker scores (`noScore: 'bye'`), worth the format's win points.
 */
async function loadByes(
  em: EntityManager,
  tournament: Tournament,
  entries: TournamentTeam[],
  publicOnly: boolean,
): Promise<ConfirmedDebate[]> {
  const rounds = await loadRounds(em, tournament.id);
  const firstSilent = rounds.find((r) => r.silent)?.seq ?? Number.POSITIVE_INFINITY;
  const played = rounds.filter(
    (r) => r.kind === 'prelim' && r.status !== 'draft' && (!publicOnly || r.seq < firstSilent),
  );
  if (played.length === 0 || tournament.formatSpec.result.kind !== 'win-loss') return [];
  const debates = await em.findBy(Debate, { roundId: In(played.map((r) => r.id)) });
  const sides = debates.length ? await em.findBy(DebateTeam, { debateId: In(debates.map((d) => d.id)) }) : [];
  const winPoints = tournament.formatSpec.result.winPoints;
  const marks = await loadMarks(
    em,
    tournament.id,
    played.map((r) => r.seq),
    'team',
  );
  const byes: ConfirmedDebate[] = [];
  for (const round of played) {
    const inRound = new Set(
      sides.filter((s) => debates.find((d) => d.id === s.debateId)?.roundId === round.id).map((s) => s.teamId),
    );
    if (inRound.size === 0) continue;
    // A team checked out of the round sat out by absence, not by the draw's bye: it earns nothing.
    const present = new Set(
      availableOf(
        entries.map((e) => e.teamId),
        marks.filter((m) => m.roundSeq === round.seq),
      ),
    );
    for (const entry of entries.filter((e) => !e.withdrawn && !inRound.has(e.teamId) && present.has(e.teamId))) {
      const side = tournament.formatSpec.sides[0];
      byes.push({
        debateId: `bye:${round.id}:${entry.teamId}`,
        roundSeq: round.seq,
        roundKind: 'prelim',
        teams: [{ teamId: entry.teamId, side }],
        decision: {
          teams: [
            {
              teamId: entry.teamId,
              side,
              total: 0,
              points: winPoints,
              rank: 1,
              won: true,
              margin: 0,
              speeches: [],
              noScore: 'bye',
            },
          ],
          winnerTeamId: entry.teamId,
          split: false,
          unanimous: true,
          evenSplit: false,
          counted: [],
          minority: [],
        },
      });
    }
  }
  return byes;
}

export interface DebateBundle {
  debate: Debate;
  round: Round;
  teams: DebateTeam[];
  panel: DebateAdjudicator[];
  ballots: Ballot[];
  /** Who may speak for each team of the debate: its members, in order. */
  speakers: Map<string, string[]>;
}

/** A debate with its round, sides, panel, current ballots and speakers (no lock: see `lockDebate`). */
export async function loadDebate(em: EntityManager, id: string): Promise<DebateBundle> {
  const debate = await em.findOneBy(Debate, { id });
  if (!debate) throw DomainError.notFound('debate', id);
  return (await bundleOf(em, debate)).bundle;
}

interface BundleLists {
  debateId: string;
  round: Record<string, unknown>;
  teams: Pick<DebateTeam, 'teamId' | 'side' | 'ironSpeakerIds'>[];
  panel: Pick<DebateAdjudicator, 'judgeId' | 'role'>[];
  ballots: (Omit<Ballot, 'debate' | 'judge' | 'submittedAt'> & { submittedAt: string })[];
  members: { teamId: string; id: string }[];
}

async function bundleOf(
  em: EntityManager,
  debate: Debate,
  conflictsOf?: string,
): Promise<{ bundle: DebateBundle; conflictFacts?: ConflictFacts }> {
  const { bundles, conflictFacts } = await bundlesOf(em, [debate], conflictsOf ? [conflictsOf] : []);
  return { bundle: bundles[0], conflictFacts };
}

/**
 * The rest of each debate's bundle in one statement: its round, and the sides, panel, current ballots and speakers
 * aggregated beside it (a ballot is submitted many times a second: one round trip, not five per debate), and with
 * `conflictsOf` what decides those judges' conflicts with the debates' teams.
 */
export async function bundlesOf(
  em: EntityManager,
  debates: Debate[],
  conflictsOf: string[] = [],
): Promise<{ bundles: DebateBundle[]; conflictFacts?: ConflictFacts }> {
  const [{ lists, conflictFacts }] = (await em.query(
    `SELECT (SELECT coalesce(json_agg(json_build_object('debateId', d.id, 'round', to_jsonb(r),
       'teams', (SELECT coalesce(json_agg(json_build_object('teamId', dt.team_id, 'side', dt.side,
          'ironSpeakerIds', dt.iron_speaker_ids)), '[]') FROM debate_teams dt WHERE dt.debate_id = d.id),
       'panel', (SELECT coalesce(json_agg(json_build_object('judgeId', da.judge_id, 'role', da.role)), '[]')
          FROM debate_adjudicators da WHERE da.debate_id = d.id),
       'ballots', (SELECT coalesce(json_agg(json_build_object('id', b.id, 'debateId', b.debate_id, 'judgeId', b.judge_id,
          'version', b.version, 'current', b.current, 'sheet', b.sheet, 'submittedBy', b.submitted_by,
          'submittedAt', b.submitted_at) ORDER BY b.submitted_at), '[]')
          FROM ballots b WHERE b.debate_id = d.id AND b.current),
       'members', (SELECT coalesce(json_agg(json_build_object('teamId', m.team_id, 'id', m.id) ORDER BY m.position), '[]')
          FROM team_members m JOIN debate_teams dt ON dt.team_id = m.team_id WHERE dt.debate_id = d.id))), '[]')
       FROM unnest($1::uuid[], $2::uuid[]) AS d(id, round_id) JOIN rounds r ON r.id = d.round_id) AS lists,
       ${
         conflictsOf.length
           ? `(SELECT to_jsonb(f) FROM (${conflictFactsSql(
               '$3::uuid[]',
               'ARRAY(SELECT dt.team_id FROM debate_teams dt WHERE dt.debate_id = ANY($1::uuid[]))',
             )}) f)`
           : 'NULL'
       } AS "conflictFacts"`,
    [debates.map((d) => d.id), debates.map((d) => d.roundId), ...(conflictsOf.length ? [conflictsOf] : [])],
  )) as { lists: BundleLists[]; conflictFacts: ConflictFacts | null }[];
  const byDebate = new Map(lists.map((l) => [l.debateId, l]));
  const bundles = debates.map((debate) => {
    const list = byDebate.get(debate.id);
    if (!list) throw DomainError.notFound('round', debate.roundId);
    const round = entityFromRow(em, Round, list.round);
    const teams = list.teams.map((t) => em.create(DebateTeam, { debateId: debate.id, ...t }));
    const panel = list.panel.map((p) => em.create(DebateAdjudicator, { debateId: debate.id, ...p }));
    const ballots = list.ballots.map((b) => em.create(Ballot, { ...b, submittedAt: new Date(b.submittedAt) }));
    const speakers = new Map(
      teams.map((t) => [t.teamId, list.members.filter((m) => m.teamId === t.teamId).map((m) => m.id)]),
    );
    return { debate, round, teams, panel, ballots, speakers };
  });
  return { bundles, conflictFacts: conflictFacts ?? undefined };
}

/**
 * Many debates at once, for ballots that leave their panels open: their tournaments shared, in id order, then the
 * debates for update, in id order — the lock order above, kept across a batch. A national round with a cup row
 * to take first is not locked here: its debates are left out of the answer.
 */
export async function lockDebatesShared(
  em: EntityManager,
  debates: { id: string; tournamentId: string }[],
): Promise<{ tournaments: Tournament[]; debates: Debate[] }> {
  const tournamentIds = [...new Set(debates.map((d) => d.tournamentId))].sort();
  const tournamentRows = (await em.query(
    `SELECT to_jsonb(t) AS row FROM tournaments t
     WHERE t.id = ANY($1::uuid[]) AND NOT (t.level = 'national' AND t.cup_id IS NOT NULL) ORDER BY t.id FOR SHARE`,
    [tournamentIds],
  )) as { row: Record<string, unknown> }[];
  const tournaments = tournamentRows.map((r) => entityFromRow(em, Tournament, r.row));
  const debateRows = tournaments.length
    ? ((await em.query(
        `SELECT to_jsonb(d) AS row FROM debates d
         WHERE d.id = ANY($1::uuid[]) AND d.tournament_id = ANY($2::uuid[]) ORDER BY d.id FOR UPDATE`,
        [[...new Set(debates.map((d) => d.id))].sort(), tournaments.map((t) => t.id)],
      )) as { row: Record<string, unknown> }[])
    : [];
  return { tournaments, debates: debateRows.map((r) => entityFromRow(em, Debate, r.row)) };
}

/**
 * A finished regional tournament's qualifiers: its top `slotsPerRegion` finishers, leaving out any team that
 * withdrew — from this tournament, or from the national round (the next finisher of its region takes the place).
 */
/** How a league (or a cup without leagues) qualifies teams for its national round. */
export interface Qualification {
  leagueId: string | null;
  nationalTournamentId: string | null;
  unit: QualificationUnit;
  places: number;
}

/** The league's rules, or the cup's own when the tournament belongs to no league. */
export async function qualificationOf(em: EntityManager, cup: Cup, leagueId: string | null): Promise<Qualification> {
  if (!leagueId)
    return {
      leagueId: null,
      nationalTournamentId: cup.nationalTournamentId,
      unit: 'region',
      places: cup.slotsPerRegion,
    };
  const league = await em.findOneByOrFail(League, { id: leagueId });
  return {
    leagueId,
    nationalTournamentId: league.nationalTournamentId,
    unit: league.qualificationUnit,
    places: league.placesPerUnit,
  };
}

/**
 * A finished regional tournament's qualifiers in finishing order, withdrawn teams skipped: the best `places` of the
 * macro-region, or with oblast units the best `places` of each oblast and city.
 */
export async function loadQualifiers(em: EntityManager, regional: Tournament, cup: Cup): Promise<string[]> {
  return (await loadQualification(em, regional, cup)).qualifiers;
}

/**
 * The qualifiers, and the reserves: per unit (the region, or each oblast and city) the next finisher, who takes the
 * place of a qualifier of that unit who withdraws (the order `syncNational` fills places in).
 */
export async function loadQualification(
  em: EntityManager,
  regional: Tournament,
  cup: Cup,
): Promise<{ qualifiers: string[]; reserves: string[] }> {
  if (regional.status !== 'finished' || !regional.finalPlaces) return { qualifiers: [], reserves: [] };
  const q = await qualificationOf(em, cup, regional.leagueId);
  const tournaments = q.nationalTournamentId ? [regional.id, q.nationalTournamentId] : [regional.id];
  const withdrawn = new Set(
    (await em.findBy(TournamentTeam, { tournamentId: In(tournaments), withdrawn: true })).map((t) => t.teamId),
  );
  const order = regional.finalPlaces.filter((t) => !withdrawn.has(t));
  if (q.unit === 'region')
    return { qualifiers: order.slice(0, q.places), reserves: order.slice(q.places, q.places + 1) };
  const oblastOf = new Map((await em.findBy(Team, { id: In(order) })).map((t) => [t.id, t.oblastCode]));
  const taken = new Map<string, number>();
  const qualifiers: string[] = [];
  const reserves: string[] = [];
  for (const teamId of order) {
    const oblast = oblastOf.get(teamId) ?? '';
    const n = taken.get(oblast) ?? 0;
    taken.set(oblast, n + 1);
    if (n < q.places) qualifiers.push(teamId);
    else if (n === q.places) reserves.push(teamId);
  }
  return { qualifiers, reserves };
}
