import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { WorkDebateDto } from '../judge-work/judge-work.dto.js';
import { TeamMember } from '../teams/team.entity.js';
import { Ballot } from './ballot.entity.js';
import { Debate } from './debate.entity.js';
import { DebateAdjudicator } from './debate-adjudicator.entity.js';
import { DebateTeam } from './debate-team.entity.js';
import { Round } from './round.entity.js';
import { Tournament } from './tournament.entity.js';

/**
 * The debates a judge sits on in released rounds, newest round first, as the tablet shows them (`GET /api/me/work`
 * and `GET /api/debates/mine`): each team's name, side and roster in speaking order, and the motion once released.
 */
export async function judgeDebates(em: EntityManager, judgeId: string): Promise<WorkDebateDto[]> {
  const seats = await em.findBy(DebateAdjudicator, { judgeId });
  if (seats.length === 0) return [];
  const debates = await em.findBy(Debate, { id: In(seats.map((s) => s.debateId)) });
  const rounds = await em.findBy(Round, { id: In([...new Set(debates.map((d) => d.roundId))]) });
  const visible = rounds.filter((r) => r.status !== 'draft');
  const shown = debates.filter((d) => visible.some((r) => r.id === d.roundId));
  if (shown.length === 0) return [];
  const ids = shown.map((d) => d.id);
  const [tournaments, sides, ballots] = await Promise.all([
    em.findBy(Tournament, { id: In([...new Set(shown.map((d) => d.tournamentId))]) }),
    em.find(DebateTeam, { where: { debateId: In(ids) }, relations: { team: true } }),
    em.findBy(Ballot, { debateId: In(ids), judgeId, current: true }),
  ]);
  const members = await em.find(TeamMember, {
    where: { teamId: In([...new Set(sides.map((s) => s.teamId))]) },
    order: { position: 'ASC' },
  });
  const out = shown.map((debate): WorkDebateDto & { createdAt: Date } => {
    const round = visible.find((r) => r.id === debate.roundId)!;
    const tournament = tournaments.find((t) => t.id === debate.tournamentId)!;
    const order = (tournament.formatSpec.sides as string[] | undefined) ?? [];
    const ballot = ballots.find((b) => b.debateId === debate.id);
    return {
      createdAt: round.createdAt,
      debateId: debate.id,
      tournamentId: tournament.id,
      tournamentName: tournament.name,
      format: tournament.format,
      roundSeq: round.seq,
      roundKind: round.kind,
      roundName: round.name,
      roundStatus: round.status,
      room: debate.room,
      // Draws are out before motions: the tablet says "not released yet" until the tab releases it.
      motion: round.motionReleasedAt ? round.motion : null,
      role: seats.find((s) => s.debateId === debate.id)!.role,
      status: debate.status,
      needsConfirmation: debate.needsConfirmation,
      ballotIn: !!ballot,
      ballotVersion: ballot?.version ?? null,
      teams: sides
        .filter((s) => s.debateId === debate.id)
        .sort((a, b) => order.indexOf(a.side) - order.indexOf(b.side))
        .map((s) => ({
          teamId: s.teamId,
          name: s.team.name,
          side: s.side,
          speakers: members.filter((m) => m.teamId === s.teamId).map((m) => ({ id: m.id, name: m.fullName })),
        })),
    };
  });
  out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.room - b.room);
  return out.map(({ createdAt: _, ...debate }) => debate);
}
