import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module.js';
import { Judge, JudgeJudgeConflict, JudgeTeamConflict } from './judge.entity.js';
import { JudgesController } from './judges.controller.js';
import { JudgesService } from './judges.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Judge, JudgeTeamConflict, JudgeJudgeConflict]), RegionsModule],
  controllers: [JudgesController],
  providers: [JudgesService],
  exports: [JudgesService],
})
export class JudgesModule {}
