import { Module } from '@nestjs/common';
import { CaseChampionshipsModule } from '../case-championships/case-championships.module.js';
import { JudgeWorkController } from './judge-work.controller.js';
import { JudgeWorkService } from './judge-work.service.js';

/** Read-only: everything a judge's tablet shows, in one call. */
@Module({ imports: [CaseChampionshipsModule], controllers: [JudgeWorkController], providers: [JudgeWorkService] })
export class JudgeWorkModule {}
