import { BeforeApplicationShutdown, Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import { TokenVerifier } from '../auth/token-verifier.js';
import { DomainError } from '../common/domain-error.js';
import { ENV } from '../config/env.provider.js';
import type { Env, LiveLimits } from '../config/env.js';
import { LiveLog } from './live-log.js';
import { LiveSnapshots } from './live-snapshots.js';
import { ROOM_KINDS, roomName, type RoomKind } from './rooms.js';

const AUDIENCE_EVENTS = new Set(['subscribe', 'unsubscribe']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FLUSH = 'orleu:flush';

interface SubscribeRequest {
  kind?: unknown;
  id?: unknown;
  sinceSeq?: unknown;
}

type SubscribeReply = { ok: true; room: string; seq: number; resumed: boolean } | { ok: false; message: string };

/**
 * Fans logged events out to rooms. Every instance emits to its own sockets straight from the database log, in
 * seq order, one room at a time (a promise chain per room); instances tell each other "room X has news" through
 * the Socket.IO adapter's server-side emit. So no client sees a gap, a duplicate or a reordering, whichever
 * instance committed the change.
 */
@WebSocketGateway({ namespace: '/live', cors: { origin: true } })
export class LiveGateway implements OnGatewayInit, OnGatewayDisconnect, BeforeApplicationShutdown {
  @WebSocketServer()
  private server: Namespace;

  private readonly logger = new Logger('LiveGateway');
  private readonly chains = new Map<string, Promise<void>>();
  /** Highest seq this instance has pushed to its sockets, per room it has sockets in. */
  private readonly lastEmitted = new Map<string, number>();
  private multiInstance = false;
  /** Set by the publisher: schedules a standings push for a room whose last one was lost. */
  onStaleStandings?: (room: string) => void;

  private readonly limits: LiveLimits;
  /** Open sockets per client address (this instance). */
  private readonly perAddress = new Map<string, number>();

  constructor(
    private readonly log: LiveLog,
    private readonly snapshots: LiveSnapshots,
    private readonly dataSource: DataSource,
    private readonly tokens: TokenVerifier,
    @Inject(ENV) env: Env,
  ) {
    this.limits = env.live;
  }

  afterInit(server: Namespace): void {
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (token === undefined) return next();
      if (typeof token !== 'string') return next(new Error('unauthorized: auth.token must be a string'));
      // The same check as HTTP: a revoked judge or a re-issued code is refused here too.
      this.tokens.verify(token).then(
        (principal) => {
          socket.data.principal = { role: principal.role, id: principal.id };
          next();
        },
        () => next(new Error('unauthorized: the token is invalid, expired or revoked')),
      );
    });
    // Last, so only sockets that will connect are counted (a refused handshake never disconnects).
    server.use((socket, next) => {
      const address = socket.handshake.address;
      const open = this.perAddress.get(address) ?? 0;
      if (open >= this.limits.connectionsPerAddress) {
        return next(
          new Error(`too many live connections from this address (at most ${this.limits.connectionsPerAddress})`),
        );
      }
      this.perAddress.set(address, open + 1);
      socket.once('disconnect', () => {
        const left = (this.perAddress.get(address) ?? 1) - 1;
        if (left > 0) this.perAddress.set(address, left);
        else this.perAddress.delete(address);
      });
      next();
    });
    server.on('connection', (socket: Socket) => this.onConnection(socket));
    this.multiInstance = server.adapter.constructor.name !== 'Adapter';
    if (this.multiInstance) {
      server.on(FLUSH, (room: string) => void this.flush(room));
    }
  }

  private onConnection(socket: Socket): void {
    socket.onAny((event: string) => {
      if (!AUDIENCE_EVENTS.has(event)) {
        socket.emit('refused', {
          event,
          message: `"${event}" is not accepted: live sockets only subscribe and unsubscribe`,
        });
      }
    });
    const principal = socket.data.principal as { role: string; id: string } | undefined;
    if (principal?.role === 'judge') void this.join(socket, 'judge', principal.id, undefined);
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: SubscribeRequest): Promise<SubscribeReply> {
    const kind = body?.kind;
    const id = body?.id;
    if (typeof kind !== 'string' || !(ROOM_KINDS as readonly string[]).includes(kind)) {
      return this.refuse(socket, `kind must be one of ${ROOM_KINDS.join(', ')}`);
    }
    if (typeof id !== 'string' || !UUID.test(id)) return this.refuse(socket, 'id must be a UUID');
    const since = body.sinceSeq;
    if (since !== undefined && (typeof since !== 'number' || !Number.isInteger(since) || since < 0)) {
      return this.refuse(socket, 'sinceSeq must be a non-negative integer');
    }
    const window = (socket.data.subscribes ??= { since: Date.now(), count: 0 }) as { since: number; count: number };
    if (Date.now() - window.since >= 60_000) Object.assign(window, { since: Date.now(), count: 0 });
    if (++window.count > this.limits.subscribesPerMinute) {
      return this.refuse(socket, `too many subscribe requests: at most ${this.limits.subscribesPerMinute} a minute`);
    }
    const room = roomName(kind as RoomKind, id);
    // socket.rooms holds the socket's own id (and a judge's own room) besides its subscriptions.
    const subscribed = [...socket.rooms].filter((r) => r !== socket.id && !r.startsWith('judge:')).length;
    if (!socket.rooms.has(room) && subscribed >= this.limits.subscriptionsPerSocket) {
      return this.refuse(
        socket,
        `too many subscriptions on one connection: at most ${this.limits.subscriptionsPerSocket}`,
      );
    }
    try {
      return await this.join(socket, kind as RoomKind, id, since);
    } catch (error) {
      if (error instanceof DomainError) return this.refuse(socket, error.messages.join('; '));
      throw error;
    }
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: SubscribeRequest): { ok: true } {
    if (typeof body?.kind === 'string' && typeof body.id === 'string') {
      const room = roomName(body.kind as RoomKind, body.id);
      void socket.leave(room);
      this.forgetIfEmpty(room);
    }
    return { ok: true };
  }

  handleDisconnect(socket: Socket): void {
    for (const room of this.lastEmitted.keys()) if (!socket.rooms.has(room)) this.forgetIfEmpty(room);
  }

  /** After a commit: push the room's new events here and tell the other instances to do the same. */
  announce(room: string): void {
    if (this.multiInstance) this.server.serverSideEmit(FLUSH, room);
    void this.flush(room);
  }

  /** Sockets of this instance in the room. */
  localAudience(room: string): number {
    return this.server?.adapter.rooms.get(room)?.size ?? 0;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.server) return;
    // Clients reconnect (to this or another instance) and resume from their last seq. Closing the transport,
    // not disconnecting the socket: a stock Socket.IO client reconnects after "transport close", never after
    // "io server disconnect".
    this.server.emit('shutdown', { message: 'server restarting: reconnect and subscribe with sinceSeq' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const socket of this.server.sockets.values()) socket.conn.close();
  }

  private refuse(socket: Socket, message: string): SubscribeReply {
    socket.emit('refused', { event: 'subscribe', message });
    return { ok: false, message };
  }

  private join(socket: Socket, kind: RoomKind, id: string, sinceSeq: number | undefined): Promise<SubscribeReply> {
    const room = roomName(kind, id);
    return this.inOrder(room, async () => {
      // Queued behind other work while the client went away (or was dropped): nothing to send it.
      if (socket.disconnected) return { ok: false, message: 'disconnected' };
      if (this.lastEmitted.has(room)) await this.emitPending(room);
      else this.lastEmitted.set(room, await this.log.currentSeq(undefined, room));
      const last = this.lastEmitted.get(room)!;
      // A client further behind than maxReplay gets a snapshot: cheaper than replaying a long log to it.
      if (sinceSeq !== undefined && sinceSeq <= last && last - sinceSeq <= this.limits.maxReplay) {
        const oldest = (await this.log.oldestSeq(room)) ?? last + 1;
        if (sinceSeq >= oldest - 1) {
          // Judged on what waited before this reply: a long replay is not a sign of a client that stopped reading.
          if (this.dropIfNotReading(socket)) return { ok: false, message: 'dropped: not reading' };
          for (const event of await this.log.range(room, sinceSeq, last)) {
            socket.emit(event.type, { ...event.payload, seq: event.seq, room });
          }
          await socket.join(room);
          // A resuming client must not keep a board older than the last score it replayed.
          if ((await this.log.staleStandings(room)).length) this.onStaleStandings?.(room);
          return { ok: true, room, seq: last, resumed: true };
        }
      }
      const { seq, data } = await this.dataSource.transaction('REPEATABLE READ', async (em) => ({
        seq: await this.log.currentSeq(em, room),
        data: kind === 'judge' ? {} : await this.snapshots.source(kind).snapshot(em, id),
      }));
      // Bring the room's other sockets up to the snapshot before this one joins, so it gets nothing twice.
      if (seq > last) await this.emitPending(room, seq);
      this.lastEmitted.set(room, Math.max(seq, this.lastEmitted.get(room) ?? 0));
      // Judged before the snapshot goes out: a big room's snapshot is megabytes, and counting it dropped every first
      // subscriber of a 4,000-team tournament before it could read a byte.
      if (this.dropIfNotReading(socket)) return { ok: false, message: 'dropped: not reading' };
      await socket.join(room);
      socket.emit('snapshot', { ...data, kind, id, room, seq });
      return { ok: true, room, seq, resumed: false };
    });
  }

  private flush(room: string): Promise<void> {
    if (!this.lastEmitted.has(room)) return Promise.resolve();
    return this.inOrder(room, () => this.emitPending(room));
  }

  private async emitPending(room: string, upTo?: number): Promise<void> {
    const last = this.lastEmitted.get(room);
    if (last === undefined) return;
    const events = await this.log.range(room, last, upTo);
    for (const event of events) {
      this.server.local.to(room).emit(event.type, { ...event.payload, seq: event.seq, room });
      this.lastEmitted.set(room, event.seq);
    }
    if (events.length) {
      for (const id of this.server.adapter.rooms.get(room) ?? []) {
        const socket = this.server.sockets.get(id);
        if (socket) this.dropIfNotReading(socket);
      }
    }
  }

  /**
   * A client that stops reading makes the server buffer everything sent to it (engine.io's write buffer, then
   * the WebSocket's): past maxBufferedBytes the connection is cut, and the client resumes when it reads again.
   */
  private dropIfNotReading(socket: Socket): boolean {
    const conn = socket.conn as unknown as {
      writeBuffer: { data?: string | ArrayBuffer }[];
      transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } };
      close(discard: boolean): void;
    };
    const limit = this.limits.maxBufferedBytes;
    let waiting = conn.transport?.socket?.bufferedAmount ?? 0;
    for (const packet of conn.writeBuffer) {
      if (waiting > limit) break;
      waiting += typeof packet.data === 'string' ? packet.data.length : (packet.data?.byteLength ?? 0);
    }
    if (waiting <= limit) return false;
    this.logger.warn(`dropped a live socket that stopped reading: over ${waiting} bytes waiting (limit ${limit})`);
    conn.transport?.socket?.terminate?.();
    conn.close(true);
    return true;
  }

  private inOrder<T>(room: string, task: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(room) ?? Promise.resolve();
    const result = previous.then(task);
    const settled = result.then(
      () => undefined,
      (error: unknown) => this.logger.error(`live room ${room}: ${String(error)}`),
    );
    this.chains.set(room, settled);
    void settled.then(() => {
      if (this.chains.get(room) === settled) this.chains.delete(room);
    });
    return result;
  }

  private forgetIfEmpty(room: string): void {
    void this.inOrder(room, async () => {
      if (!this.server.adapter.rooms.get(room)?.size) this.lastEmitted.delete(room);
    });
  }
}
