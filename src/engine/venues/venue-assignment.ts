/** Named venues for a round's debates: the best venues to the debates that matter most. */
export interface VenueDebate {
  key: string;
  /** Higher = matters more (bracket points, elimination rooms). */
  importance: number;
  /** The draw's room number: breaks ties between debates of one importance, so the result is stable. */
  room: number;
}

export interface VenueChoice {
  id: string;
  /** Higher = better. */
  priority: number;
  name: string;
}

/**
 * Debates ordered by importance (then room number) take venues ordered by priority (then name), one each. With
 * fewer venues than debates, the least important debates get none (null).
 */
export function assignVenues(
  debates: readonly VenueDebate[],
  venues: readonly VenueChoice[],
): Map<string, string | null> {
  const byImportance = [...debates].sort((a, b) => b.importance - a.importance || a.room - b.room);
  const byPriority = [...venues].sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
  return new Map(byImportance.map((d, i) => [d.key, byPriority[i]?.id ?? null]));
}
