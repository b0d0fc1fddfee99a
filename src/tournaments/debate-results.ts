import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { applyCorrection, champion, invalidatedBy } from '../engine/elimination/single-elimination.js';
import type { LiveChanges } from '../live/live-changes.js';
import { CupsService } from './cups.service.js';
import { Debate, type DebateDecision } from './debate.entity.js';
import { Round } from './round.entity.js';
import { Tournament } from './tournament.entity.js';
import type { BracketReset } from './tournament-audit.entity.js';
import { loadTeamTab, type DebateBundle } from './tournament-data.js';
import { finishingOrder, rankingOf } from './tournament-engine.js';

/**
 * Applies a decided result — a panel's, an organiser's confirmation, a forfeit or a correction alike: the debate,
 * its round closed, the bracket advanced (or corrected, resetting the later rooms it invalidates), the champion
 * and finishing order, the cup's national round, and the /live events. The caller holds the locks (tournament,
 * then debate: see `lockDebate`) and passes the tournament row it locked.
 */
@Injectable()
export class DebateResults {
  constructor(private readonly cups: CupsService) {}

  async apply(
    changes: LiveChanges,
    tournament: Tournament,
    bundle: DebateBundle,
    decision: DebateDecision,
  ): Promise<BracketReset[]> {
    const { em } = changes;
    const { debate, round } = bundle;
    await em.update(Debate, { id: debate.id }, { status: 'confirmed', result: decision, needsConfirmation: false });
    if ((await em.countBy(Debate, { roundId: round.id, status: 'pending' })) === 0) {
      await em.update(Round, { id: round.id }, { status: 'closed' });
    }
    changes.standingsChanged('tournament', tournament.id);
    if (!debate.bracketMatchId || !tournament.bracket) return [];

    const ranking = rankingOf(decision);
    const bracket = applyCorrection(tournament.bracket, debate.bracketMatchId, ranking);
    if (bracket === tournament.bracket) return [];
    const reopensRegion = tournament.status === 'finished' && tournament.level === 'regional' && !!tournament.cupId;
    if (reopensRegion) await this.cups.assertRegionMayChange(em, tournament);
    const resets = await this.resetsOf(em, tournament, bundle, decision);
    await this.discard(em, resets);
    const crowned = champion(bracket);
    const changed = {
      bracket,
      status: crowned ? ('finished' as const) : ('elims' as const),
      championTeamId: crowned,
      finalPlaces: crowned ? finishingOrder(bracket, await loadTeamTab(em, tournament.id, false)) : null,
    };
    await em.update(Tournament, { id: tournament.id }, changed);
    await changes.record('tournament', tournament.id, 'bracket', {
      matchId: debate.bracketMatchId,
      debateId: debate.id,
      winnerTeamId: decision.winnerTeamId,
      ranking,
      champion: crowned,
      resets,
    });
    if (reopensRegion) await this.cups.regionReopened(em, tournament);
    if (crowned) await this.cups.regionFinished(changes, { ...tournament, ...changed });
    return resets;
  }

  /** The later elimination debates a changed result of this debate would reset (none for a first result). */
  async resetsOf(
    em: EntityManager,
    tournament: Tournament,
    bundle: DebateBundle,
    decision: DebateDecision,
  ): Promise<BracketReset[]> {
    const matchId = bundle.debate.bracketMatchId;
    if (bundle.debate.status !== 'confirmed' || !tournament.bracket || !matchId) return [];
    const later = invalidatedBy(tournament.bracket, matchId, rankingOf(decision));
    const debates = later.length
      ? await em.findBy(Debate, { tournamentId: tournament.id, bracketMatchId: In(later) })
      : [];
    return later.map((m) => ({ matchId: m, debateId: debates.find((d) => d.bracketMatchId === m)?.id ?? null }));
  }

  /** Deletes the reset debates, and a round left empty by it. */
  private async discard(em: EntityManager, resets: BracketReset[]): Promise<void> {
    const doomed = resets.map((r) => r.debateId).filter((d): d is string => d !== null);
    if (doomed.length === 0) return;
    const rounds = new Set((await em.findBy(Debate, { id: In(doomed) })).map((d) => d.roundId));
    await em.delete(Debate, { id: In(doomed) });
    for (const roundId of rounds) {
      if ((await em.countBy(Debate, { roundId })) === 0) await em.delete(Round, { id: roundId });
    }
  }
}
