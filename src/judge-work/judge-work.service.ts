import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JurorChampionships } from '../case-championships/juror-championships.js';
import { DomainError } from '../common/domain-error.js';
import { Judge } from '../judges/judge.entity.js';
import { judgeDebates } from '../tournaments/judge-debates.js';
import type { JudgeWorkDto } from './judge-work.dto.js';

/** Reads (never writes) a judge's debates and championships: the tablet's one call. */
@Injectable()
export class JudgeWorkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly championships: JurorChampionships,
  ) {}

  async forJudge(judgeId: string): Promise<JudgeWorkDto> {
    const em = this.dataSource.manager;
    const judge = await em.findOneBy(Judge, { id: judgeId });
    // A valid token for a judge who is gone: the tablet must sign in again, like any other bad credential.
    if (!judge) throw DomainError.unauthenticated('this judge no longer exists: ask the organiser');
    return {
      judgeId,
      fullName: judge.fullName,
      debates: await judgeDebates(em, judge.id),
      championships: await this.championships.forJudge(judge.id),
    };
  }
}
