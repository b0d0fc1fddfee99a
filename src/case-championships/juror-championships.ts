import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { WorkChampionshipDto } from '../judge-work/judge-work.dto.js';
import { CaseChampionship, CaseJuror } from './case-championship.entity.js';
import { CaseChampionshipsService } from './case-championships.service.js';
import { criterionView } from './case-scoring.js';

/**
 * A juror's championships as the tablet shows them (`GET /api/me/work` and `GET /api/case-championships/mine`): the
 * championship's own assignments (the juror's room and its order of presentation during a qualifying stage, the
 * finalists for the final jury, conflicts of every kind), with titles and translated criteria.
 */
@Injectable()
export class JurorChampionships {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assignments: CaseChampionshipsService,
  ) {}

  async forJudge(judgeId: string): Promise<WorkChampionshipDto[]> {
    const em = this.dataSource.manager;
    const seats = await em.findBy(CaseJuror, { judgeId, active: true });
    if (seats.length === 0) return [];
    const championships = await em.find(CaseChampionship, {
      where: { id: In(seats.map((s) => s.championshipId)) },
      order: { createdAt: 'DESC' },
    });
    const out: WorkChampionshipDto[] = [];
    for (const championship of championships) {
      const assigned = await this.assignments.judgeAssignments(championship.id, { id: judgeId, role: 'judge' });
      const teams = assigned.teams.map((t) => ({
        teamId: t.teamId,
        name: t.teamName,
        conflict: t.conflict,
        startsAt: 'startsAt' in t ? (t.startsAt ?? null) : null,
        scoresheet: t.scoresheet
          ? { scores: t.scoresheet.scores, comment: t.scoresheet.comment, version: t.scoresheet.version }
          : null,
      }));
      const scorable = teams.filter((t) => !t.conflict);
      out.push({
        championshipId: championship.id,
        title: championship.title,
        status: championship.status,
        stage: championship.stage,
        room: assigned.room,
        criteria: championship.criteria.map(criterionView),
        teams,
        sheetsDone: scorable.filter((t) => t.scoresheet).length,
        sheetsDue: scorable.length,
      });
    }
    return out;
  }
}
