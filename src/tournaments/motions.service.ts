import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/pagination.dto.js';
import { LiveTransactions, type LiveChanges } from '../live/live-changes.js';
import type { RoundMotionDto, SetMotionDto } from './motion.dto.js';
import { Round } from './round.entity.js';
import { TournamentAudit } from './tournament-audit.entity.js';
import { loadRounds, loadTournament, lockRound } from './tournament-data.js';

const motionOf = (round: Round): RoundMotionDto => ({
  roundSeq: round.seq,
  roundName: round.name,
  roundKind: round.kind,
  motion: round.motion,
  infoSlide: round.infoSlide,
  released: round.motionReleasedAt !== null,
  releasedAt: round.motionReleasedAt?.toISOString() ?? null,
});

/**
 * A round's motion and info slide: set and edited by the tab, released on its own (draws are out before motions),
 * then public. A released motion may have been read out, so changing it takes `force` and leaves an audit row.
 */
@Injectable()
export class MotionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveTransactions,
  ) {}

  async set(tournamentId: string, seq: number, dto: SetMotionDto, who: Principal): Promise<RoundMotionDto> {
    return this.live.run(async (changes) => {
      const { em } = changes;
      const round = await lockRound(em, tournamentId, seq);
      const next = {
        motion: dto.motion,
        infoSlide: dto.infoSlide === undefined ? round.infoSlide : dto.infoSlide || null,
      };
      if (round.motionReleasedAt) {
        if (!dto.force) {
          const message = `round ${seq}'s motion was released at ${round.motionReleasedAt.toISOString()} and may have been read out: send force: true to change it (audited)`;
          throw DomainError.field(DomainErrorCode.WrongState, 'force', 'MOTION_RELEASED', message);
        }
        await em.insert(TournamentAudit, {
          tournamentId,
          actor: `organiser:${who.id}`,
          action: 'motion-edit',
          subjectId: round.id,
          before: { motion: { motion: round.motion, infoSlide: round.infoSlide } },
          after: { motion: next },
        });
      }
      await em.update(Round, { id: round.id }, next);
      const changed = { ...round, ...next };
      // The audience already has the old text: a forced correction reaches them at once.
      if (round.motionReleasedAt) await this.announce(changes, tournamentId, changed, true);
      return motionOf(changed);
    });
  }

  async release(tournamentId: string, seq: number): Promise<RoundMotionDto> {
    return this.live.run(async (changes) => {
      const { em } = changes;
      const round = await lockRound(em, tournamentId, seq);
      if (round.status === 'draft') throw DomainError.wrongState(`round ${seq} is a draft: release its draw first`);
      if (!round.motion) {
        throw DomainError.field(
          DomainErrorCode.WrongState,
          'motion',
          'MOTION_MISSING',
          `round ${seq} has no motion: set it first (PUT …/rounds/${seq}/motion)`,
        );
      }
      if (round.motionReleasedAt) {
        throw DomainError.wrongState(
          `round ${seq}'s motion was already released at ${round.motionReleasedAt.toISOString()}`,
        );
      }
      const released = { ...round, motionReleasedAt: new Date() };
      await em.update(Round, { id: round.id }, { motionReleasedAt: released.motionReleasedAt });
      await this.announce(changes, tournamentId, released, false);
      return motionOf(released);
    });
  }

  /** Released motions by round; organisers see every round, with or without a motion, released or not. */
  async list(
    tournamentId: string,
    organiser: boolean,
    page: { limit: number; offset: number },
  ): Promise<Page<RoundMotionDto>> {
    const em = this.dataSource.manager;
    await loadTournament(em, tournamentId);
    const rounds = (await loadRounds(em, tournamentId)).filter(
      (r) => organiser || (r.status !== 'draft' && r.motionReleasedAt !== null && r.motion !== null),
    );
    return { items: rounds.slice(page.offset, page.offset + page.limit).map(motionOf), total: rounds.length };
  }

  /** `motion` on the tournament's room: judges' tablets and the audience board show it from this event. */
  private announce(changes: LiveChanges, tournamentId: string, round: Round, corrected: boolean): Promise<void> {
    return changes.record('tournament', tournamentId, 'motion', { ...motionOf(round), corrected });
  }
}
