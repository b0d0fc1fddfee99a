import { Module } from '@nestjs/common';
import { JudgeWorkController } from './judge-work.controller.js';
import { JudgeWorkService } from './judge-work.service.js';

/** Read-only: everything a judge's tablet shows, in one call. */
@Module({ controllers: [JudgeWorkController], providers: [JudgeWorkService] })
export class JudgeWorkModule {}
