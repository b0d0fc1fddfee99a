import { seededRandom } from '../draw/power-pairing.js';

/**
 * Qualifying rooms ("heats") of a case championship: entries split into rooms that present in parallel, each before
 * its own small jury from the championship's pool.
 */

export interface HeatEntry {
  teamId: string;
  oblastCode: string;
  institution: string;
}

export interface HeatJuror {
  judgeId: string;
  regionCode: string;
  /** 0–10, as in panel allocation. */
  strength: number;
}

export interface HeatRoom {
  /** 1-based room number. */
  room: number;
  /** Teams in presentation order: the index is the team's time slot in the room. */
  teamIds: string[];
  judgeIds: string[];
}

export interface HeatPlanRequest {
  entries: readonly HeatEntry[];
  /** Largest number of teams a room takes; rooms are as even as possible (sizes differ by at most one). */
  roomSize: number;
  jurors: readonly HeatJuror[];
  /** Jurors per room (3–5 in the programme's rules). */
  panelSize: number;
  /** Declared conflicts, mentors and same-institution pairs: the juror may not sit in a room with the team. */
  conflicts: readonly { judgeId: string; teamId: string }[];
  seed: string;
}

export interface HeatPlan {
  rooms: HeatRoom[];
  /** Rooms left short of `panelSize` jurors, and why: the organiser has to add jurors or move teams. */
  shortfalls: { room: number; missing: number; reason: string }[];
}

/**
 * Splits the entries into ⌈n / roomSize⌉ rooms and seats a jury in each.
 *
 * Teams: the entries are ordered by oblast (largest oblast first, ties in a seeded random order), then by
 * institution within the oblast, then at random, and dealt to the rooms in turn. Dealing consecutive teams of one
 * oblast to consecutive rooms gives every room ⌊c / R⌋ or ⌈c / R⌉ of an oblast with c teams, so no room holds more
 * than its share plus one; the institutions, consecutive inside their oblast, are spread the same way. The order of
 * presentation inside a room is shuffled from the seed, so a time slot says nothing about the team.
 *
 * Juries: seat by seat, the rooms pick in turn (the room with the weakest jury so far first), each taking the
 * available juror with no conflict in the room who best fits it: strongest first, then one from a region the room's
 * jury does not have yet. When a room finds nobody, an augmenting path (Kuhn's algorithm) moves jurors seated in this
 * seat round between rooms to free a compatible one, so a seat is left empty only when no assignment can fill it.
 */
export function planHeats(request: HeatPlanRequest): HeatPlan {
  const { entries, roomSize, jurors, panelSize } = request;
  if (!Number.isInteger(roomSize) || roomSize < 1) throw new RangeError('roomSize must be a whole number ≥ 1');
  if (!Number.isInteger(panelSize) || panelSize < 1) throw new RangeError('panelSize must be a whole number ≥ 1');
  if (new Set(entries.map((e) => e.teamId)).size !== entries.length) throw new RangeError('a team is entered twice');
  if (new Set(jurors.map((j) => j.judgeId)).size !== jurors.length) throw new RangeError('a juror is listed twice');
  const random = seededRandom(`heats:${request.seed}`);
  const roomCount = Math.ceil(entries.length / roomSize);
  const rooms: HeatRoom[] = Array.from({ length: roomCount }, (_, i) => ({ room: i + 1, teamIds: [], judgeIds: [] }));
  if (roomCount === 0) return { rooms, shortfalls: [] };

  const byOblast = new Map<string, HeatEntry[]>();
  for (const entry of shuffled(entries, random))
    byOblast.set(entry.oblastCode, [...(byOblast.get(entry.oblastCode) ?? []), entry]);
  const oblasts = shuffled([...byOblast.keys()], random).sort(
    (a, b) => byOblast.get(b)!.length - byOblast.get(a)!.length,
  );
  let dealt = 0;
  for (const oblast of oblasts) {
    // Stable sort keeps the shuffled order inside an institution.
    const group = byOblast
      .get(oblast)!
      .sort((a, b) => (a.institution < b.institution ? -1 : a.institution > b.institution ? 1 : 0));
    for (const entry of group) rooms[dealt++ % roomCount].teamIds.push(entry.teamId);
  }
  for (const room of rooms) room.teamIds = shuffled(room.teamIds, random);

  const conflicted = new Set(request.conflicts.map((c) => `${c.judgeId}\u0000${c.teamId}`));
  const fits = (juror: HeatJuror, room: HeatRoom) =>
    room.teamIds.every((teamId) => !conflicted.has(`${juror.judgeId}\u0000${teamId}`));
  const free = new Set(shuffled(jurors, random).sort((a, b) => b.strength - a.strength));
  const strengthOf = new Map(jurors.map((j) => [j.judgeId, j.strength]));
  const regionOf = new Map(jurors.map((j) => [j.judgeId, j.regionCode]));
  const roomStrength = (room: HeatRoom) => room.judgeIds.reduce((sum, id) => sum + (strengthOf.get(id) ?? 0), 0);

  for (let seat = 0; seat < panelSize; seat++) {
    const order = [...rooms].sort((a, b) => roomStrength(a) - roomStrength(b) || a.room - b.room);
    /** This seat round's juror per room. */
    const seated = new Map<number, HeatJuror>();
    const holderOf = new Map<HeatJuror, HeatRoom>();
    const preference = (room: HeatRoom) => {
      const regions = new Set(room.judgeIds.map((id) => regionOf.get(id)));
      // Strongest first; among equals, a region the jury lacks.
      return [...free]
        .filter((j) => fits(j, room))
        .sort(
          (a, b) => b.strength - a.strength || Number(regions.has(a.regionCode)) - Number(regions.has(b.regionCode)),
        );
    };
    const tryRoom = (room: HeatRoom, visited: Set<HeatJuror>): boolean => {
      for (const juror of preference(room)) {
        if (visited.has(juror)) continue;
        visited.add(juror);
        const holder = holderOf.get(juror);
        if (!holder || tryRoom(holder, visited)) {
          seated.set(room.room, juror);
          holderOf.set(juror, room);
          return true;
        }
      }
      return false;
    };
    for (const room of order) {
      // First the plain best choice among jurors nobody took this round; the augmenting search only when none fits.
      const direct = preference(room).find((j) => !holderOf.has(j));
      if (direct) {
        seated.set(room.room, direct);
        holderOf.set(direct, room);
      } else tryRoom(room, new Set());
    }
    for (const room of rooms) {
      const juror = seated.get(room.room);
      if (!juror) continue;
      room.judgeIds.push(juror.judgeId);
      free.delete(juror);
    }
  }

  const shortfalls = rooms
    .filter((room) => room.judgeIds.length < panelSize)
    .map((room) => ({
      room: room.room,
      missing: panelSize - room.judgeIds.length,
      reason:
        jurors.length < roomCount * panelSize
          ? `the pool has ${jurors.length} jurors for ${roomCount} rooms of ${panelSize}`
          : 'every free juror has a conflict with a team in this room',
    }));
  return { rooms, shortfalls };
}

/** Fisher–Yates on a copy, from the seeded generator. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
