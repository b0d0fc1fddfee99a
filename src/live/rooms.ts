export const ROOM_KINDS = ['tournament', 'championship', 'cup'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number] | 'judge';

export const roomName = (kind: RoomKind, id: string) => `${kind}:${id}`;

export type LiveEventType = 'score' | 'standings' | 'draw' | 'bracket' | 'round' | 'assignment' | 'reveal';
