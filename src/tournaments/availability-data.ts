import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { RoundAvailability, type AvailabilityKind } from './round-availability.entity.js';
import { TournamentAdjudicator } from './tournament-adjudicator.entity.js';

/*
 * Check-in per round (Tabbycat's availability). The default: until the organiser marks anyone of a kind for a round,
 * check-in is not in use for that kind and round, and every active team (judge) is available. From the first mark
 * on, only those marked available are.
 */

/** The pool narrowed to who is available for the round: everyone while check-in is not in use for it. */
export function availableOf(
  pool: readonly string[],
  marks: readonly Pick<RoundAvailability, 'subjectId' | 'available'>[],
) {
  if (marks.length === 0) return [...pool];
  const checkedIn = new Set(marks.filter((m) => m.available).map((m) => m.subjectId));
  return pool.filter((id) => checkedIn.has(id));
}

export async function loadMarks(
  em: EntityManager,
  tournamentId: string,
  roundSeqs: number[],
  kind: AvailabilityKind,
): Promise<RoundAvailability[]> {
  if (roundSeqs.length === 0) return [];
  return em.findBy(RoundAvailability, { tournamentId, roundSeq: In(roundSeqs), kind });
}

/** Active adjudicators of the pool who are available for round `seq`. */
export async function availableJudgeIds(em: EntityManager, tournamentId: string, seq: number): Promise<string[]> {
  const pool = await em.findBy(TournamentAdjudicator, { tournamentId, active: true });
  return availableOf(
    pool.map((p) => p.judgeId),
    await loadMarks(em, tournamentId, [seq], 'judge'),
  );
}
