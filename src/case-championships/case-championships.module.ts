import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JudgesModule } from '../judges/judges.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import {
  CaseChampionship,
  CaseEntry,
  CaseJuror,
  CaseScoresheet,
  CaseScoresheetAudit,
} from './case-championship.entity.js';
import { CaseChampionshipsController } from './case-championships.controller.js';
import { CaseChampionshipsService } from './case-championships.service.js';
import { CaseRoomsService } from './case-rooms.service.js';
import { CasePoolsController } from './case-pools.controller.js';
import { CasePoolsService } from './case-pools.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CaseChampionship, CaseEntry, CaseJuror, CaseScoresheet, CaseScoresheetAudit]),
    RegionsModule,
    JudgesModule,
  ],
  controllers: [CaseChampionshipsController, CasePoolsController],
  providers: [CaseChampionshipsService, CaseRoomsService, CasePoolsService],
  exports: [CaseChampionshipsService],
})
export class CaseChampionshipsModule {}
