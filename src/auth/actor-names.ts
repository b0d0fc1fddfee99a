import { In, type EntityManager } from 'typeorm';
import { Judge } from '../judges/judge.entity.js';
import { Organiser } from './organiser.entity.js';

/**
 * Names for audit actors stored as `organiser:<id>` or `judge:<id>`: the organiser's username, the judge's full name.
 * An actor whose account is gone (or of another kind) is left out of the map.
 */
export async function actorNames(em: EntityManager, actors: Iterable<string>): Promise<Map<string, string>> {
  const ids = { organiser: new Set<string>(), judge: new Set<string>() };
  for (const actor of actors) {
    const [kind, id] = actor.split(':', 2);
    if ((kind === 'organiser' || kind === 'judge') && id) ids[kind].add(id);
  }
  const [organisers, judges] = await Promise.all([
    ids.organiser.size
      ? em.find(Organiser, { select: { id: true, username: true }, where: { id: In([...ids.organiser]) } })
      : [],
    ids.judge.size ? em.find(Judge, { select: { id: true, fullName: true }, where: { id: In([...ids.judge]) } }) : [],
  ]);
  return new Map([
    ...organisers.map((o): [string, string] => [`organiser:${o.id}`, o.username]),
    ...judges.map((j): [string, string] => [`judge:${j.id}`, j.fullName]),
  ]);
}
