import type { EntityManager } from 'typeorm';
import { DEFAULT_AGE_BANDS, teamAgeGroup, type AgeBand, type TeamAgeGroup } from '../engine/age-groups/age-groups.js';
import { Cup } from './cup.entity.js';
import type { Tournament } from './tournament.entity.js';
import { loadEntries } from './tournament-data.js';

/** The bands and reference date a tournament's teams are grouped by: its cup's, else the defaults on its creation day. */
export async function ageRulesOf(
  em: EntityManager,
  tournament: Tournament,
): Promise<{ ageBands: AgeBand[]; referenceDate: string }> {
  const cup = tournament.cupId ? await em.findOneBy(Cup, { id: tournament.cupId }) : null;
  if (cup) return { ageBands: cup.ageBands, referenceDate: cup.ageReferenceDate };
  return { ageBands: [...DEFAULT_AGE_BANDS], referenceDate: tournament.createdAt.toISOString().slice(0, 10) };
}

/** Each entered team's group under those rules (birth dates are read here and never leave the server). */
export async function entryAgeGroups(
  em: EntityManager,
  tournament: Tournament,
): Promise<{
  ageBands: AgeBand[];
  referenceDate: string;
  teams: { teamId: string; teamName: string; regionCode: string; group: TeamAgeGroup }[];
}> {
  const rules = await ageRulesOf(em, tournament);
  const entries = await loadEntries(em, tournament.id);
  return {
    ...rules,
    teams: entries.map((e) => ({
      teamId: e.teamId,
      teamName: e.team.name,
      regionCode: e.team.regionCode,
      group: teamAgeGroup(
        e.team.members.map((m) => m.birthDate),
        rules.referenceDate,
        rules.ageBands,
      ),
    })),
  };
}
