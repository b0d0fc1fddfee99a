import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module.js';
import { JudgeImportService } from './judge-import.service.js';
import { Judge, JudgeCredentialAudit, JudgeJudgeConflict, JudgeTeamConflict } from './judge.entity.js';
import { JudgesController } from './judges.controller.js';
import { JudgesService } from './judges.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Judge, JudgeTeamConflict, JudgeJudgeConflict, JudgeCredentialAudit]),
    RegionsModule,
  ],
  controllers: [JudgesController],
  providers: [JudgesService, JudgeImportService],
  exports: [JudgesService],
})
export class JudgesModule {}
