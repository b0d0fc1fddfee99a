export const ROOM_KINDS = ['tournament', 'championship', 'cup'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number] | 'judge';

export const roomName = (kind: RoomKind, id: string) => `${kind}:${id}`;

export type LiveEventType =
  'score' | 'standings' | 'draw' | 'bracket' | 'round' | 'assignment' | 'reveal' | 'stage' | 'motion';

/** A burst of ballots produces at most one standings push per room in this window. */
export const STANDINGS_COALESCE_MS = 100;

/**
 * A standings table is kilobytes, sent to every socket in the room: past a thousand local sockets the window
 * widens (up to 1 s) so a big audience costs bounded bandwidth, while `score` events still go out one by one.
 */
export function standingsWindowMs(localSockets: number): number {
  return STANDINGS_COALESCE_MS * Math.min(10, Math.max(1, Math.ceil(localSockets / 1000)));
}
