import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { RoundAvailability, type AvailabilityKind } from './round-availability.entity.js';
import { TournamentAdjudicator } from './tournament-adjudicator.entity.js';

/*
 * Check-in per round (Tabbycat's availability). A round's marks work in one of two ways, per kind (teams, judges):
 * - nobody checked in yet: everyone active is available except those checked out (the desk marks absentees);
 * - once anyone is checked in: check-in is in use, and only those checked in (and not checked out since) are.
 * So with no marks at all, every active team and judge is available.
 */

/** Whether the round's marks of one kind have anyone checked in: then only those checked in are available. */
export const checkInInUse = (marks: readonly Pick<RoundAvailability, 'available'>[]) => marks.some((m) => m.available);

/** The pool narrowed to who is available for the round (see above). */
export function availableOf(
  pool: readonly string[],
  marks: readonly Pick<RoundAvailability, 'subjectId' | 'available'>[],
): string[] {
  const mark = new Map(marks.map((m) => [m.subjectId, m.available]));
  return checkInInUse(marks) ? pool.filter((id) => mark.get(id) === true) : pool.filter((id) => mark.get(id) !== false);
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
