import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { GroupCommit } from '../common/group-commit.js';
import { checkIdempotencyKey, CLAIM_MANY_SQL, claimManyParams } from '../common/idempotency.js';
import { conflictsFrom } from '../judges/judges.service.js';
import { LiveTransactions, type LiveChanges } from '../live/live-changes.js';
import { assertNoConflict, assertTakesBallotFrom } from './ballot-admission.js';
import { openBallot, writeOpenBallots, type OpenBallot } from './open-ballots.js';
import { bundlesOf, lockDebatesShared } from './tournament-data.js';
import type { BallotDto, BallotReceipt } from './tournament.dto.js';

/** One judge's ballot for one debate, as the route received it. */
export interface BallotSubmission {
  debateId: string;
  judgeId: string;
  dto: BallotDto;
  key: string | undefined;
}

/** A submission on its way through the batch, with its idempotency scope as `BallotsService` names it. */
interface Waiting extends BallotSubmission {
  scope: string;
}

/** A ballot this batch writes. */
interface Taken {
  waiting: Waiting;
  ballot: OpenBallot;
}

export const ballotScope = (judgeId: string, debateId: string) => `judge:${judgeId}:ballot:${debateId}`;

/**
 * Group commit for ballots that leave their panel open (most ballots: a panel of three completes on its third).
 * Through `GroupCommit`, each batch takes every lock a ballot would take alone, in the same order (keys, tournaments
 * shared, debates for update, live rooms), checks each ballot by the same rules (`ballot-admission.ts`) and writes
 * them all in one statement and one commit — a few round trips for the batch instead of six for each ballot. Each
 * judge hears back only after that commit.
 *
 * Whatever is not plain — a ballot that completes its panel, is refused, replays a key, repeats a debate and judge
 * already in the batch, or belongs to a national round under a cup — answers `undefined`, and `BallotsService` takes
 * it alone after this commit, so its answer (or its 4xx) is exactly the one-at-a-time one. If the batch fails as a
 * whole (a deadlock, a lost connection), it rolls back and every ballot in it is taken alone.
 */
@Injectable()
export class BallotGroupCommit {
  private readonly batches = new GroupCommit<Waiting, BallotReceipt>(
    (batch) => this.write(batch),
    // One ballot per debate and judge (so one per key) in a batch: a repeat is taken alone, after its commit.
    (w) => w.scope,
    new Logger(BallotGroupCommit.name),
    'ballots',
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveTransactions,
  ) {}

  /** The receipt once the batch holding this ballot has committed, or `undefined`: take it alone. */
  submit(submission: BallotSubmission): Promise<BallotReceipt | undefined> {
    checkIdempotencyKey(submission.key);
    return this.batches.submit({ ...submission, scope: ballotScope(submission.judgeId, submission.debateId) });
  }

  private async write(batch: Waiting[]): Promise<Map<Waiting, BallotReceipt>> {
    let changes: LiveChanges | undefined;
    const written = await this.dataSource.transaction(async (em) => {
      changes = this.live.within(em);
      const candidates = await this.claim(em, batch);
      const taken = await this.admit(em, candidates);
      const { ids, rooms } = await this.insert(em, taken, candidates);
      await changes.appendedRooms(rooms);
      return taken.map((t, i) => ({ waiting: t.waiting, receipt: { ballotId: ids[i], ...t.ballot.answer } }));
    });
    changes?.announce();
    return new Map(written.map((w) => [w.waiting, w.receipt]));
  }

  /**
   * Claims the keys (in (scope, key) order, the order every writer claims in) and reads each debate's tournament.
   * Returns the ballots that may go on: their debate exists and their key, if any, is theirs now — a key already
   * used is replayed (or refused) by the one-at-a-time path.
   */
  private async claim(em: EntityManager, batch: Waiting[]): Promise<(Waiting & { tournamentId: string })[]> {
    const keyed = batch.filter((w) => w.key !== undefined);
    const [{ claimed, owners }] = (await em.query(
      `WITH claim AS (${CLAIM_MANY_SQL})
       SELECT (SELECT coalesce(json_agg(scope), '[]') FROM claim) AS claimed,
              (SELECT coalesce(json_object_agg(id, tournament_id), '{}') FROM debates WHERE id = ANY($5::uuid[]))
                AS owners`,
      [...claimManyParams(keyed), batch.map((w) => w.debateId)],
    )) as { claimed: string[]; owners: Record<string, string> }[];
    const mine = new Set(claimed);
    return batch
      .filter((w) => owners[w.debateId] !== undefined && (w.key === undefined || mine.has(w.scope)))
      .map((w) => Object.assign(w, { tournamentId: owners[w.debateId] }));
  }

  /** Locks, reads and checks; returns the ballots this batch writes, in arrival order. */
  private async admit(em: EntityManager, candidates: (Waiting & { tournamentId: string })[]): Promise<Taken[]> {
    if (!candidates.length) return [];
    const locked = await lockDebatesShared(
      em,
      candidates.map((w) => ({ id: w.debateId, tournamentId: w.tournamentId })),
    );
    if (!locked.debates.length) return [];
    const tournaments = new Map(locked.tournaments.map((t) => [t.id, t]));
    const { bundles, conflictFacts } = await bundlesOf(em, locked.debates, [
      ...new Set(candidates.map((w) => w.judgeId)),
    ]);
    const byDebate = new Map(bundles.map((b) => [b.debate.id, b]));
    const conflicts = conflictsFrom(conflictFacts!);
    const inThisBatch = new Map<string, number>();
    const taken: Taken[] = [];
    for (const waiting of candidates) {
      const bundle = byDebate.get(waiting.debateId);
      if (!bundle) continue;
      const tournament = tournaments.get(bundle.debate.tournamentId)!;
      const othersIn =
        bundle.ballots.filter((b) => b.judgeId !== waiting.judgeId).length + (inThisBatch.get(bundle.debate.id) ?? 0);
      // The ballot that completes a panel decides the debate, with the tournament for update: not here.
      if (othersIn + 1 >= bundle.panel.length) continue;
      try {
        assertTakesBallotFrom(bundle, waiting.judgeId);
        const teams = new Set(bundle.teams.map((t) => t.teamId));
        assertNoConflict(
          waiting.judgeId,
          conflicts.filter((c) => c.judgeId === waiting.judgeId && teams.has(c.teamId)),
        );
        const claim = waiting.key === undefined ? undefined : { scope: waiting.scope, key: waiting.key };
        taken.push({
          waiting,
          ballot: openBallot(tournament, bundle, waiting.judgeId, waiting.dto, othersIn + 1, claim),
        });
        inThisBatch.set(bundle.debate.id, (inThisBatch.get(bundle.debate.id) ?? 0) + 1);
      } catch (error) {
        // Refused: the one-at-a-time path refuses it again, with the same 4xx, after this commit.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return taken;
  }

  /**
   * The ballots written and the keys of candidates left for the one-at-a-time path given back, in one statement
   * (`writeOpenBallots`, the one the one-at-a-time path uses too).
   */
  private async insert(em: EntityManager, taken: Taken[], candidates: Waiting[]) {
    const writing = new Set(taken.map((t) => t.waiting));
    const givenBack = candidates
      .filter((w) => w.key !== undefined && !writing.has(w))
      .map((w) => ({ scope: w.scope, key: w.key! }));
    const written = await writeOpenBallots(
      em,
      taken.map((t) => t.ballot),
      givenBack,
    );
    // Under the debates' locks nothing else can have moved a ballot: a difference means a broken assumption, and
    // rolling back (every ballot then taken alone) is the safe answer.
    if (!written.asPlanned) throw new Error(`a batch of ${taken.length} ballots did not write as planned`);
    return written;
  }
}
