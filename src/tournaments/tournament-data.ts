import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { Team, TeamMember } from '../teams/team.entity.js';
import {
  Ballot,
  Debate,
  DebateAdjudicator,
  DebateTeam,
  Round,
  Tournament,
  TournamentTeam,
} from './tournament.entity.js';
import type { DebateDecision } from './tournament-engine.js';

/** A confirmed debate as the standings and the draw read it. */
export interface ConfirmedDebate {
  debateId: string;
  roundSeq: number;
  roundKind: Round['kind'];
  teams: { teamId: string; side: string }[];
  decision: DebateDecision;
}

export async function loadTournament(em: EntityManager, id: string, lock = false): Promise<Tournament> {
  const query = em.createQueryBuilder(Tournament, 't').where('t.id = :id', { id });
  if (lock) query.setLock('pessimistic_write');
  const tournament = await query.getOne();
  if (!tournament) throw DomainError.notFound('tournament', id);
  return tournament;
}

export async function loadEntries(em: EntityManager, tournamentId: string): Promise<(TournamentTeam & { team: Team })[]> {
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
export async function loadConfirmed(em: EntityManager, tournamentId: string, publicOnly: boolean): Promise<ConfirmedDebate[]> {
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
      decision: d.result as unknown as DebateDecision,
    }))
    .sort((a, b) => a.roundSeq - b.roundSeq || a.debateId.localeCompare(b.debateId));
}

export interface DebateBundle {
  debate: Debate;
  round: Round;
  teams: DebateTeam[];
  panel: DebateAdjudicator[];
  ballots: Ballot[];
}

/** A debate with its round, sides, panel and current ballots; `lock` takes the debate row for update. */
export async function loadDebate(em: EntityManager, id: string, lock = false): Promise<DebateBundle> {
  const query = em.createQueryBuilder(Debate, 'd').where('d.id = :id', { id });
  if (lock) query.setLock('pessimistic_write');
  const debate = await query.getOne();
  if (!debate) throw DomainError.notFound('debate', id);
  const [round, teams, panel, ballots] = await Promise.all([
    em.findOneByOrFail(Round, { id: debate.roundId }),
    em.findBy(DebateTeam, { debateId: id }),
    em.findBy(DebateAdjudicator, { debateId: id }),
    em.find(Ballot, { where: { debateId: id, current: true }, order: { submittedAt: 'ASC' } }),
  ]);
  return { debate, round, teams, panel, ballots };
}
