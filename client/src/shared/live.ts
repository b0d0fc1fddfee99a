import { signal } from '@preact/signals';
import { io, type Socket } from 'socket.io-client';

export const liveConnected = signal(false);

export interface LiveOptions {
  token: string;
  /** Rooms to follow besides the judge's own (tournaments and championships on the work list). */
  rooms: () => { kind: 'tournament' | 'championship' | 'cup'; id: string }[];
  onEvent: (type: string, payload: unknown) => void;
  onConnect: () => void;
  /** The handshake refused the token (expired or revoked). */
  onUnauthorised: () => void;
}

/**
 * The `/live` namespace with the judge's token: the server puts the socket in the judge's own room
 * (`assignment` events when a draw is released), and the app subscribes to each of its tournaments and
 * championships for draws, scores and rounds.
 */
export function connectLive(options: LiveOptions): { socket: Socket; resubscribe: () => void; close: () => void } {
  const socket = io('/live', { auth: { token: options.token }, transports: ['websocket', 'polling'] });
  const subscribed = new Set<string>();
  const resubscribe = () => {
    for (const room of options.rooms()) {
      const key = `${room.kind}:${room.id}`;
      if (subscribed.has(key)) continue;
      subscribed.add(key);
      socket.emit('subscribe', room);
    }
  };
  socket.on('connect', () => {
    liveConnected.value = true;
    subscribed.clear();
    resubscribe();
    options.onConnect();
  });
  socket.on('disconnect', () => (liveConnected.value = false));
  socket.on('connect_error', (error: Error) => {
    liveConnected.value = false;
    if (/unauthori[sz]ed/i.test(error.message)) options.onUnauthorised();
  });
  // Any news in a followed room may change the work list (an organiser's confirm shows only as `standings`).
  socket.onAny((type: string, payload: unknown) => {
    if (type !== 'snapshot' && type !== 'refused') options.onEvent(type, payload);
  });
  return { socket, resubscribe, close: () => socket.close() };
}
