import type { Logger } from '@nestjs/common';

/** Enough for a venue's burst without one statement growing without bound. */
const MAX_BATCH = 100;

interface Waiting<S, R> {
  submission: S;
  settle(outcome: R | undefined): void;
}

/**
 * Group commit: submissions that arrive while a batch is being written wait for the next one, and `write` takes a
 * whole batch in one transaction, answering those it wrote. A submission it leaves out — or every one, when the
 * batch fails as a whole and rolls back — settles `undefined`: the caller then takes it alone, the one-at-a-time
 * way, after that commit or rollback. So does a submission whose `identity` repeats an earlier one's in the batch
 * (the same judge's ballot for the same debate): `write` never sees two of one thing.
 */
export class GroupCommit<S, R> {
  private readonly queue: Waiting<S, R>[] = [];
  private writing = false;

  constructor(
    private readonly write: (batch: S[]) => Promise<Map<S, R>>,
    private readonly identity: (submission: S) => string,
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  submit(submission: S): Promise<R | undefined> {
    return new Promise((settle) => {
      this.queue.push({ submission, settle });
      if (this.writing) return;
      this.writing = true;
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
    this.writing = false;
  }
}
