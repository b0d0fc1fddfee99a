import { signal, type Signal } from '@preact/signals';
import { io, type Socket } from 'socket.io-client';
import type { Applied } from './state.js';

export type RoomKind = 'tournament' | 'championship' | 'cup';
export type Connection = 'connecting' | 'live' | 'reconnecting';

/** Shown in the header: "live" once every followed room is subscribed, "reconnecting" after a drop. */
export const connection = signal<Connection>('connecting');

/** Keys of what an event changed, with when; components highlight them briefly. */
export const flashes = signal<ReadonlyMap<string, number>>(new Map());
const FLASH_MS = 2500;

type Payload = Record<string, unknown>;

interface Followed<B> {
  kind: RoomKind;
  id: string;
  board: Signal<B | null>;
  snapshot: (p: Payload) => B;
  apply: (board: B, type: string, p: Payload) => Applied<B>;
  /** The last seq applied: events at or below it are duplicates, a resume asks for what follows it. */
  seq: number | undefined;
}

const rooms = new Map<string, Followed<unknown>>();
/** Rooms whose subscribe has not been answered since the last (re)connect. */
const unanswered = new Set<string>();
let socket: Socket | undefined;
const pendingMeasures: { seq: number; room: string; at: number }[] = [];

function mark(name: string, detail: Record<string, unknown>) {
  performance.mark(name, { detail });
}

function subscribe(room: Followed<unknown>) {
  const key = `${room.kind}:${room.id}`;
  const body = { kind: room.kind, id: room.id, ...(room.seq !== undefined ? { sinceSeq: room.seq } : {}) };
  unanswered.add(key);
  socket!.emit('subscribe', body, (reply: { ok: boolean; resumed?: boolean; seq?: number }) => {
    mark('orleu:subscribed', { room: key, sinceSeq: body.sinceSeq ?? null, ...reply });
    unanswered.delete(key);
    if (unanswered.size === 0 && socket?.connected) connection.value = 'live';
  });
}

function flash(keys: string[]) {
  if (!keys.length) return;
  const now = Date.now();
  const next = new Map([...flashes.value].filter(([, at]) => now - at < FLASH_MS));
  for (const key of keys) next.set(key, now);
  flashes.value = next;
  setTimeout(() => {
    const left = new Map([...flashes.value].filter(([, at]) => Date.now() - at < FLASH_MS));
    if (left.size !== flashes.value.size) flashes.value = left;
  }, FLASH_MS + 50);
}

function onMessage(type: string, payload: unknown) {
  const p = payload as Payload | undefined;
  const room = typeof p?.room === 'string' ? rooms.get(p.room) : undefined;
  if (!room || typeof p?.seq !== 'number') return;
  const seq = p.seq;
  if (type === 'snapshot') {
    room.board.value = room.snapshot(p);
    room.seq = seq;
    mark('orleu:snapshot', { room: p.room, seq });
    return;
  }
  if (room.board.value === null || room.seq === undefined || seq <= room.seq) return; // before the snapshot, or twice
  if (seq > room.seq + 1) {
    // A gap (never expected: the server replays in order): ask again from the last seq applied.
    mark('orleu:gap', { room: p.room, after: room.seq, got: seq });
    subscribe(room);
    return;
  }
  const received = performance.now();
  const { board, changed } = room.apply(room.board.value, type, p);
  room.seq = seq;
  room.board.value = board;
  mark('orleu:event', { room: p.room, seq, type });
  const pending = { seq, room: String(p.room), at: received };
  pendingMeasures.push(pending);
  flash(changed);
  // Preact renders in a microtask and the observer reports in the same checkpoint: an event still pending at
  // the next task changed nothing on screen (a score on the team tab) and is not counted.
  setTimeout(() => {
    const left = pendingMeasures.indexOf(pending);
    if (left >= 0) pendingMeasures.splice(left, 1);
  }, 0);
}

/** Event → DOM time: measured when the page's DOM next changes after an event was applied. */
function watchDom() {
  new MutationObserver(() => {
    const now = performance.now();
    for (const m of pendingMeasures.splice(0)) {
      performance.measure('orleu:event-to-dom', { start: m.at, end: now, detail: { seq: m.seq, room: m.room } });
    }
  }).observe(document.getElementById('app')!, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
}

function ensureSocket(): Socket {
  if (socket) return socket;
  watchDom();
  socket = io('/live', { transports: ['websocket', 'polling'] });
  socket.on('connect', () => {
    unanswered.clear();
    for (const room of rooms.values()) subscribe(room);
  });
  socket.on('disconnect', () => (connection.value = 'reconnecting'));
  socket.on(
    'connect_error',
    () => (connection.value = connection.value === 'connecting' ? 'connecting' : 'reconnecting'),
  );
  socket.on('shutdown', () => (connection.value = 'reconnecting'));
  socket.onAny(onMessage);
  return socket;
}

/** Follows one room: its board signal holds the snapshot with every later event applied, in seq order. */
export function follow<B>(
  kind: RoomKind,
  id: string,
  snapshot: (p: Payload) => B,
  apply: (board: B, type: string, p: Payload) => Applied<B>,
): Signal<B | null> {
  const key = `${kind}:${id}`;
  const existing = rooms.get(key);
  if (existing) return existing.board as Signal<B | null>;
  const room: Followed<B> = { kind, id, board: signal<B | null>(null), snapshot, apply, seq: undefined };
  rooms.set(key, room as Followed<unknown>);
  const s = ensureSocket();
  if (s.connected) subscribe(room as Followed<unknown>);
  return room.board;
}

/** Stops following rooms not in `keep` (a page change). */
export function unfollowExcept(keep: string[]) {
  for (const [key, room] of rooms) {
    if (keep.includes(key)) continue;
    rooms.delete(key);
    unanswered.delete(key);
    socket?.emit('unsubscribe', { kind: room.kind, id: room.id });
  }
}
