import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LiveGateway } from './live.gateway.js';
import { LiveLog, type AppendedRoom } from './live-log.js';
import { LiveSnapshots } from './live-snapshots.js';
import { roomName, standingsWindowMs, type LiveEventType, type RoomKind } from './rooms.js';

/**
 * What domain services call: `record` inside their transaction, `announce` after it commits. Standings are
 * recomputed and pushed at most once per room per window, however many scores arrive.
 */
@Injectable()
export class LivePublisher implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LivePublisher');
  private readonly pendingStandings = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly log: LiveLog,
    private readonly gateway: LiveGateway,
    private readonly snapshots: LiveSnapshots,
    private readonly dataSource: DataSource,
  ) {}

  /** One event in each of the rooms `kind:id` in the caller's transaction; returns the room names to announce. */
  async recordToEach(
    em: EntityManager,
    kind: RoomKind,
    type: LiveEventType,
    events: { id: string; payload: Record<string, unknown> }[],
  ): Promise<string[]> {
    const appended = await this.log.appendToEach(
      em,
      type,
      events.map((e) => ({ room: roomName(kind, e.id), payload: e.payload })),
    );
    return appended.map((a) => a.room);
  }

  /** Rooms a statement of `appendEventsSql` appended to, pruned when due; returns their names to announce. */
  async appendedRooms(em: EntityManager, rooms: AppendedRoom[]): Promise<string[]> {
    await this.log.pruneAppended(em, rooms);
    return rooms.map((r) => r.room);
  }

  /** Logs an event in the caller's transaction; returns the room name to announce after commit. */
  async record(
    em: EntityManager,
    kind: RoomKind,
    id: string,
    type: LiveEventType,
    payload: Record<string, unknown>,
  ): Promise<string> {
    const room = roomName(kind, id);
    await this.log.appendToEach(em, type, [{ room, payload }]);
    return room;
  }

  announce(...rooms: string[]): void {
    for (const room of new Set(rooms)) this.gateway.announce(room);
  }

  /** Schedules one coalesced `standings` push for the room. */
  standingsChanged(kind: RoomKind, id: string): void {
    const room = roomName(kind, id);
    if (this.pendingStandings.has(room)) return;
    const timer = setTimeout(
      () => {
        this.pendingStandings.delete(room);
        this.pushStandings(kind, id).catch((error: unknown) =>
          this.logger.error(`standings push for ${room} failed: ${String(error)}`),
        );
      },
      standingsWindowMs(this.gateway.localAudience(room)),
    );
    this.pendingStandings.set(room, timer);
  }

  onModuleInit(): void {
    this.gateway.onStaleStandings = (room) => this.staleRoom(room);
  }

  /** A push lost with a crashed process is made up at start-up (and whenever a client resumes a stale room). */
  async onApplicationBootstrap(): Promise<void> {
    for (const room of await this.log.staleStandings()) this.staleRoom(room);
  }

  private staleRoom(room: string): void {
    const [kind, id] = room.split(':') as [RoomKind, string];
    if (kind !== 'judge') this.standingsChanged(kind, id);
  }

  onApplicationShutdown(): void {
    for (const timer of this.pendingStandings.values()) clearTimeout(timer);
    this.pendingStandings.clear();
  }

  private async pushStandings(kind: RoomKind, id: string): Promise<void> {
    const source = this.snapshots.source(kind);
    const room = await this.dataSource.transaction(async (em) => {
      const payload = await (source.standings ?? source.snapshot).call(source, em, id);
      return this.record(em, kind, id, 'standings', payload);
    });
    this.announce(room);
  }
}
