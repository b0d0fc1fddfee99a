import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/domain-error.js';
import { pageOfAll } from '../common/pagination.dto.js';
import { TournamentTeamConflict } from './team-conflict.entity.js';
import type { CreateTeamConflictDto, TeamConflictPage, TeamConflictView } from './team-conflict.dto.js';
import { TournamentAudit } from './tournament-audit.entity.js';
import { Tournament } from './tournament.entity.js';
import { lockTournament } from './tournament-data.js';
import { TournamentTeam } from './tournament-team.entity.js';

const view = (c: TournamentTeamConflict): TeamConflictView => ({
  id: c.id,
  teamId: c.teamId,
  otherTeamId: c.otherTeamId,
  createdAt: c.createdAt,
});

/** Declared team–team conflicts of a tournament: pairs the preliminary draw keeps apart. */
@Injectable()
export class TeamConflictsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(tournamentId: string): Promise<TeamConflictPage> {
    const em = this.dataSource.manager;
    if (!(await em.existsBy(Tournament, { id: tournamentId }))) throw DomainError.notFound('tournament', tournamentId);
    const rows = await em.find(TournamentTeamConflict, {
      where: { tournamentId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return pageOfAll(rows.map(view));
  }

  async add(tournamentId: string, dto: CreateTeamConflictDto, organiser: Principal): Promise<TeamConflictView> {
    if (dto.teamId === dto.otherTeamId) throw DomainError.invalid('otherTeamId must differ from teamId');
    return this.dataSource.transaction(async (em) => {
      await lockTournament(em, tournamentId);
      for (const [field, teamId] of [
        ['teamId', dto.teamId],
        ['otherTeamId', dto.otherTeamId],
      ] as const) {
        if (!(await em.existsBy(TournamentTeam, { tournamentId, teamId })))
          throw DomainError.invalid(`${field} must be a team entered in tournament ${tournamentId}, got ${teamId}`);
      }
      // One row per pair, whichever way it was declared.
      const [teamId, otherTeamId] = [dto.teamId, dto.otherTeamId].sort();
      if (await em.existsBy(TournamentTeamConflict, { tournamentId, teamId, otherTeamId }))
        throw DomainError.conflict(`otherTeamId: a conflict between ${teamId} and ${otherTeamId} is already declared`);
      const saved = await em.save(em.create(TournamentTeamConflict, { tournamentId, teamId, otherTeamId }));
      await em.insert(TournamentAudit, {
        tournamentId,
        actor: `organiser:${organiser.id}`,
        action: 'add-team-conflict',
        subjectId: saved.id,
        before: null,
        after: { teams: [teamId, otherTeamId] },
      });
      return view(saved);
    });
  }

  async remove(tournamentId: string, conflictId: string, organiser: Principal): Promise<TeamConflictView> {
    return this.dataSource.transaction(async (em) => {
      await lockTournament(em, tournamentId);
      const row = await em.findOneBy(TournamentTeamConflict, { id: conflictId, tournamentId });
      if (!row) throw DomainError.notFound('team conflict of this tournament', conflictId);
      await em.delete(TournamentTeamConflict, { id: row.id });
      await em.insert(TournamentAudit, {
        tournamentId,
        actor: `organiser:${organiser.id}`,
        action: 'remove-team-conflict',
        subjectId: row.id,
        before: { teams: [row.teamId, row.otherTeamId] },
        after: null,
      });
      return view(row);
    });
  }
}
