import type { Logger } from '@nestjs/common';

/** Enough for a venue's burst without one statement growing without bound. */
const MAX_BATCH = 100;
/**
 * Batches written at once. With one, the server idles while each batch's round trips are at the database and every
 * waiting request is already parsed (a fifth of its time at 50 connections); a second batch fills that gap. More
 * would only split the same requests into smaller batches that queue on the same locks.
 */
export const IN_FLIGHT = 2;

interface Waiting<S, R> {
  submission: S;
  settle(outcome: R | undefined): void;
}

/**
 * Group commit: `write` takes a whole batch in one transaction, answering those it wrote. Up to `IN_FLIGHT` batches
 * are written at once; submissions that arrive meanwhile wait for the next one. Batches take their locks in the
 * one documented order, so where two meet (a debate, a key, a live room) the later waits for the earlier's commit
 * and then reads what it wrote.
 *
 * A submission `write` leaves out — or every one, when the batch fails as a whole and rolls back — settles
 * `undefined`: the caller then takes it alone, the one-at-a-time way, after that commit or rollback. So does a
 * submission whose `identity` repeats an earlier one's in the batch (the same judge's ballot for the same debate):
 * `write` never sees two of one thing.
 */
export class GroupCommit<S, R> {
  private readonly queue: Waiting<S, R>[] = [];
  /** Batches being written (each `drain` writes one at a time). */
  private writing = 0;

  constructor(
    private readonly write: (batch: S[]) => Promise<Map<S, R>>,
    private readonly identity: (submission: S) => string,
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  submit(submission: S): Promise<R | undefined> {
    return new Promise((settle) => {
      this.queue.push({ submission, settle });
      // A drain already scheduled or running will take this one; so will one freed when a batch commits.
      if (this.queue.length > 1 || this.writing >= IN_FLIGHT) return;
      this.writing++;
      // The next turn of the event loop, so that the submissions parsed in this one join the batch.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      const seen = new Set<string>();
      const unique = batch.filter(
        (w) => !seen.has(this.identity(w.submission)) && seen.add(this.identity(w.submission)),
      );
      let written: Map<S, R>;
      try {
        written = await this.write(unique.map((w) => w.submission));
      } catch (error) {
        this.logger.warn(`a batch of ${batch.length} ${this.what} rolled back, each is taken alone: ${String(error)}`);
        written = new Map();
      }
      for (const waiting of batch) waiting.settle(written.get(waiting.submission));
    }
    this.writing--;
  }
}
