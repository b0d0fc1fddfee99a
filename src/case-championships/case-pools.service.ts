import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { Judge } from '../judges/judge.entity.js';
import { Team } from '../teams/team.entity.js';
import { lockChampionship } from './case-championship-data.js';
import { CaseChampionship, CaseEntry, CaseJuror, CaseScoresheet } from './case-championship.entity.js';
import type { CasePoolMemberView, CasePoolRemovedView } from './case-pools.dto.js';
import { CaseRoom } from './case-room.entity.js';
import { CaseRoomJuror } from './case-room-juror.entity.js';
import { CaseRoomTeam } from './case-room-team.entity.js';

const inUse = (field: string, code: string, message: string) =>
  DomainError.field(DomainErrorCode.Conflict, field, code, message);

/** A championship's jury and entries on the day: removal while unused, deactivation after. */
@Injectable()
export class CasePoolsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Gone while the juror has no scoresheet (off their room and the final jury too); after that 409. */
  async removeJuror(id: string, judgeId: string): Promise<CasePoolRemovedView> {
    return this.dataSource.transaction(async (em) => {
      const championship = await this.lockOpen(em, id);
      await this.juror(em, id, judgeId);
      const sheets = await em.countBy(CaseScoresheet, { championshipId: id, judgeId });
      if (sheets > 0)
        throw inUse(
          'judgeId',
          'JUROR_IN_USE',
          `judgeId: this juror has ${sheets} scoresheet(s) here, kept for the results: deactivate the juror instead (POST …/jury/${judgeId}/deactivate)`,
        );
      await em.delete(CaseRoomJuror, { championshipId: id, judgeId });
      await em.delete(CaseJuror, { championshipId: id, judgeId });
      if (championship.finalJury.includes(judgeId))
        await em.update(CaseChampionship, { id }, { finalJury: championship.finalJury.filter((j) => j !== judgeId) });
      return { id: judgeId, removed: true };
    });
  }

  async setJurorActive(id: string, judgeId: string, active: boolean): Promise<CasePoolMemberView> {
    return this.dataSource.transaction(async (em) => {
      await this.lockOpen(em, id);
      await this.juror(em, id, judgeId);
      await em.update(CaseJuror, { championshipId: id, judgeId }, { active });
      // A deactivated juror leaves the room they sat in; their sheets stay.
      if (!active) await em.delete(CaseRoomJuror, { championshipId: id, judgeId });
      const judge = await em.findOneByOrFail(Judge, { id: judgeId });
      return {
        id: judgeId,
        name: judge.fullName,
        active,
        sheets: await em.countBy(CaseScoresheet, { championshipId: id, judgeId }),
      };
    });
  }

  /** Gone while no sheet scores the team (off its room too; a draft's room plan is dropped); after that 409. */
  async removeEntry(id: string, teamId: string): Promise<CasePoolRemovedView> {
    return this.dataSource.transaction(async (em) => {
      const championship = await this.lockOpen(em, id);
      await this.entry(em, id, teamId);
      const sheets = await em.countBy(CaseScoresheet, { championshipId: id, teamId });
      if (sheets > 0)
        throw inUse(
          'teamId',
          'ENTRY_IN_USE',
          `teamId: this team has ${sheets} scoresheet(s) here, kept for the results: deactivate it instead (POST …/entries/${teamId}/deactivate)`,
        );
      if (championship.status === 'draft' && championship.stage === 'qualifying') {
        // As with a new entry: the room plan no longer fits the field, the organiser plans again.
        await em.delete(CaseRoom, { championshipId: id });
        await em.update(CaseChampionship, { id }, { stage: 'single', roomSettings: null });
      } else {
        await em.delete(CaseRoomTeam, { championshipId: id, teamId });
      }
      await em.delete(CaseEntry, { championshipId: id, teamId });
      return { id: teamId, removed: true };
    });
  }

  async setEntryActive(id: string, teamId: string, active: boolean): Promise<CasePoolMemberView> {
    return this.dataSource.transaction(async (em) => {
      await this.lockOpen(em, id);
      await this.entry(em, id, teamId);
      await em.update(CaseEntry, { championshipId: id, teamId }, { active });
      const team = await em.findOneByOrFail(Team, { id: teamId });
      return {
        id: teamId,
        name: team.name,
        active,
        sheets: await em.countBy(CaseScoresheet, { championshipId: id, teamId }),
      };
    });
  }

  private async lockOpen(em: EntityManager, id: string): Promise<CaseChampionship> {
    const championship = await lockChampionship(em, id);
    if (championship.status === 'finalised')
      throw DomainError.wrongState('the championship is finalised: its jury and entries are history now');
    return championship;
  }

  private async juror(em: EntityManager, id: string, judgeId: string): Promise<CaseJuror> {
    const juror = await em.findOneBy(CaseJuror, { championshipId: id, judgeId });
    if (!juror) throw DomainError.notFound('juror of this championship', judgeId);
    return juror;
  }

  private async entry(em: EntityManager, id: string, teamId: string): Promise<CaseEntry> {
    const entry = await em.findOneBy(CaseEntry, { championshipId: id, teamId });
    if (!entry) throw DomainError.notFound('team entry', teamId);
    return entry;
  }
}
