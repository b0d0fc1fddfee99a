import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import type { AppendedRoom } from './live-log.js';
import { LivePublisher } from './live-publisher.js';
import { roomName, type LiveEventType, type RoomKind } from './rooms.js';

/**
 * One transaction's changes as /live sees them: events are logged in the transaction itself (the outbox), and
 * the rooms they touched — plus any standings to recompute — are announced once, after it commits.
 */
export class LiveChanges {
  private readonly rooms = new Set<string>();
  private readonly standings = new Map<string, { kind: RoomKind; id: string }>();

  constructor(
    readonly em: EntityManager,
    private readonly publisher: LivePublisher,
  ) {}

  /** Logs an event in this transaction; its room is announced after commit. */
  async record(kind: RoomKind, id: string, type: LiveEventType, payload: Record<string, unknown>): Promise<void> {
    this.rooms.add(await this.publisher.record(this.em, kind, id, type, payload));
  }

  /** One event in each of many rooms of a kind, in one statement; all announced after commit. */
  async recordToEach(
    kind: RoomKind,
    type: LiveEventType,
    events: { id: string; payload: Record<string, unknown> }[],
  ): Promise<void> {
    for (const room of await this.publisher.recordToEach(this.em, kind, type, events)) this.rooms.add(room);
  }

  /** Rooms this transaction appended to with a statement of `appendEventsSql`; announced after commit. */
  async appendedRooms(rooms: AppendedRoom[]): Promise<void> {
    for (const room of await this.publisher.appendedRooms(this.em, rooms)) this.rooms.add(room);
  }

  /** The room's standings changed: one coalesced push follows the commit. */
  standingsChanged(kind: RoomKind, id: string): void {
    this.standings.set(roomName(kind, id), { kind, id });
  }

  /** Call only once the transaction has committed. */
  announce(): void {
    this.publisher.announce(...this.rooms);
    for (const { kind, id } of this.standings.values()) this.publisher.standingsChanged(kind, id);
  }
}

/** Transactions whose /live events are announced after they commit, and never when they roll back. */
@Injectable()
export class LiveTransactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: LivePublisher,
  ) {}

  async run<T>(work: (changes: LiveChanges) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    let changes: LiveChanges | undefined;
    const inTransaction = (em: EntityManager) => work((changes = new LiveChanges(em, this.publisher)));
    const value = isolation
      ? await this.dataSource.transaction(isolation, inTransaction)
      : await this.dataSource.transaction(inTransaction);
    changes?.announce();
    return value;
  }

  /** For a transaction opened elsewhere (an idempotent write's): call `announce()` on it after that commits. */
  within(em: EntityManager): LiveChanges {
    return new LiveChanges(em, this.publisher);
  }
}
