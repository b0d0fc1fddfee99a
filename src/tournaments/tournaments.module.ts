import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseChampionshipsModule } from '../case-championships/case-championships.module.js';
import { JudgesModule } from '../judges/judges.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { BallotsService } from './ballots.service.js';
import { CupsService } from './cups.service.js';
import { DebatesController } from './debates.controller.js';
import { RoundsService } from './rounds.service.js';
import {
  Ballot,
  Cup,
  Debate,
  DebateAdjudicator,
  DebateTeam,
  Round,
  Tournament,
  TournamentAdjudicator,
  TournamentAudit,
  TournamentTeam,
} from './tournament.entity.js';
import { CupsController, TournamentsController } from './tournaments.controller.js';
import { TournamentsService } from './tournaments.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Cup,
      Tournament,
      TournamentTeam,
      TournamentAdjudicator,
      Round,
      Debate,
      DebateTeam,
      DebateAdjudicator,
      Ballot,
      TournamentAudit,
    ]),
    RegionsModule,
    JudgesModule,
    CaseChampionshipsModule,
  ],
  controllers: [CupsController, TournamentsController, DebatesController],
  providers: [TournamentsService, RoundsService, BallotsService, CupsService],
})
export class TournamentsModule {}
