import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { LiveEventType } from './rooms.js';

/** How many events a room keeps for resuming clients; older ones are pruned and a resume gets a snapshot. */
export const LOG_RETENTION = 1000;

export interface LoggedEvent {
  room: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
}

/** A room a statement appended `count` events to, the last numbered `seq`. */
export interface AppendedRoom {
  room: string;
  seq: number;
  count: number;
}

/**
 * CTEs appending one event of `type` (an SQL text expression) per row of `input` (columns `room`, `event` jsonb, `n`
 * its order): each room's sequence moves once, by its count, and its events take the numbers in `n` order; `appended`
 * lists the rooms as `AppendedRoom`s. Rooms are locked in name order, so two such statements never wait on each other
 * crosswise.
 */
export function appendEventsSql(input: string, type = "'score'"): string {
  return `rooms AS (SELECT room, count(*)::int AS count FROM ${input} GROUP BY room),
    next AS (
      INSERT INTO live_rooms (room, seq) SELECT room, count FROM rooms ORDER BY room
      ON CONFLICT (room) DO UPDATE SET seq = live_rooms.seq + EXCLUDED.seq RETURNING room, seq),
    event AS (
      INSERT INTO live_events (room, seq, type, payload)
      SELECT i.room, next.seq - rooms.count + row_number() OVER (PARTITION BY i.room ORDER BY i.n), ${type}, i.event
      FROM ${input} i JOIN next ON next.room = i.room JOIN rooms ON rooms.room = i.room
      RETURNING room),
    appended AS (SELECT next.room, next.seq, rooms.count FROM next JOIN rooms ON rooms.room = next.room)`;
}

@Injectable()
export class LiveLog {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One event in each of the rooms named (one or thousands: a round's release tells every judge their seats), inside
   * the caller's transaction, in one statement; each room row it locks orders concurrent writers until commit.
   * Returns each room's new last sequence number.
   */
  async appendToEach(
    em: EntityManager,
    type: LiveEventType,
    events: { room: string; payload: Record<string, unknown> }[],
  ): Promise<AppendedRoom[]> {
    if (!events.length) return [];
    const [{ rooms }] = (await em.query(
      `WITH input AS (SELECT * FROM unnest($1::text[], $2::jsonb[]) WITH ORDINALITY AS i(room, event, n)),
         ${appendEventsSql('input', '$3::text')}
       SELECT (SELECT coalesce(json_agg(appended), '[]') FROM appended) AS rooms`,
      [events.map((e) => e.room), events.map((e) => JSON.stringify(e.payload)), type],
    )) as { rooms: AppendedRoom[] }[];
    await this.pruneAppended(em, rooms);
    return rooms;
  }

  /** After a statement of `appendEventsSql`: each room it appended to is pruned when due. */
  async pruneAppended(em: EntityManager, rooms: AppendedRoom[]): Promise<void> {
    for (const { room, seq, count } of rooms) await this.pruneIfDue(em, room, seq, count);
  }

  /**
   * After `count` events appended by the caller's own statement, the last with `seq`: every 100th event of a room
   * prunes it.
   */
  private async pruneIfDue(em: EntityManager, room: string, seq: number, count: number): Promise<void> {
    if (Math.floor(seq / 100) > Math.floor((seq - count) / 100)) {
      await em.query(`DELETE FROM live_events WHERE room = $1 AND seq <= $2`, [room, seq - LOG_RETENTION]);
    }
  }

  async currentSeq(em: EntityManager | undefined, room: string): Promise<number> {
    const rows = (await (em ?? this.dataSource).query(`SELECT seq FROM live_rooms WHERE room = $1`, [room])) as {
      seq: number;
    }[];
    return rows[0]?.seq ?? 0;
  }

  async oldestSeq(room: string): Promise<number | undefined> {
    const rows = (await this.dataSource.query(`SELECT min(seq) AS seq FROM live_events WHERE room = $1`, [room])) as {
      seq: number | null;
    }[];
    return rows[0]?.seq ?? undefined;
  }

  /**
   * Rooms (or just `room`) whose last standings-changing event (a score, a withdrawal or revealed round) is
   * newer than their last standings push: the coalesced push was lost, e.g. the process died within its window.
   * The log is the durable marker, written in the change's own transaction.
   */
  async staleStandings(room?: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT room FROM live_events WHERE ($1::text IS NULL OR room = $1) GROUP BY room
       HAVING max(seq) FILTER (WHERE type IN ('score', 'round')) > coalesce(max(seq) FILTER (WHERE type IN ('standings', 'reveal')), 0)`,
      [room ?? null],
    )) as { room: string }[];
    return rows.map((r) => r.room);
  }

  /** Events with after < seq <= upTo, in order. */
  async range(room: string, after: number, upTo = 2_147_483_647): Promise<LoggedEvent[]> {
    const rows = await this.dataSource.query(
      `SELECT room, seq, type, payload FROM live_events WHERE room = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`,
      [room, after, upTo],
    );
    return rows as LoggedEvent[];
  }
}
