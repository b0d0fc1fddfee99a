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
import { ScoresheetGroupCommit } from './scoresheet-group-commit.js';
import { CaseChampionshipsService } from './case-championships.service.js';
import { CaseRoomsService } from './case-rooms.service.js';
import { CasePoolsController } from './case-pools.controller.js';
import { CasePoolsService } from './case-pools.service.js';
import { JurorChampionships } from './juror-championships.js';
import { MyChampionshipsController } from './my-championships.controller.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CaseChampionship, CaseEntry, CaseJuror, CaseScoresheet, CaseScoresheetAudit]),
    RegionsModule,
    JudgesModule,
  ],
  // "mine" before the ":id" routes.
  controllers: [MyChampionshipsController, CaseChampionshipsController, CasePoolsController],
  providers: [CaseChampionshipsService, CaseRoomsService, CasePoolsService, JurorChampionships, ScoresheetGroupCommit],
  exports: [CaseChampionshipsService, JurorChampionships],
})
export class CaseChampionshipsModule {}
