import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseChampionshipsModule } from '../case-championships/case-championships.module.js';
import { JudgesModule } from '../judges/judges.module.js';
import { LiveTransactions } from '../live/live-changes.js';
import { RegionsModule } from '../regions/regions.module.js';
import { Ballot } from './ballot.entity.js';
import { BallotGroupCommit } from './ballot-group-commit.js';
import { BallotsService } from './ballots.service.js';
import { Cup } from './cup.entity.js';
import { CupsController } from './cups.controller.js';
import { CupsService } from './cups.service.js';
import { Debate } from './debate.entity.js';
import { DebateAdjudicator } from './debate-adjudicator.entity.js';
import { DebateResults } from './debate-results.js';
import { DebateTeam } from './debate-team.entity.js';
import { DebatesController } from './debates.controller.js';
import { MotionsController } from './motions.controller.js';
import { MotionsService } from './motions.service.js';
import { Round } from './round.entity.js';
import { RoundsService } from './rounds.service.js';
import { Tournament } from './tournament.entity.js';
import { TournamentAdjudicator } from './tournament-adjudicator.entity.js';
import { TournamentAudit } from './tournament-audit.entity.js';
import { TournamentQueries } from './tournament-queries.service.js';
import { TournamentTeam } from './tournament-team.entity.js';
import { TournamentsController } from './tournaments.controller.js';
import { TournamentsService } from './tournaments.service.js';
import { PoolsController } from './pools.controller.js';
import { PoolsService } from './pools.service.js';
import { VenuesController } from './venues.controller.js';
import { VenuesService } from './venues.service.js';
import { PanelMovesController } from './panel-moves.controller.js';
import { PanelMovesService } from './panel-moves.service.js';
import { TournamentTeamConflict } from './team-conflict.entity.js';
import { TeamConflictsController } from './team-conflicts.controller.js';
import { TeamConflictsService } from './team-conflicts.service.js';

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
      TournamentTeamConflict,
    ]),
    RegionsModule,
    JudgesModule,
    CaseChampionshipsModule,
  ],
  controllers: [
    CupsController,
    TournamentsController,
    DebatesController,
    MotionsController,
    PoolsController,
    VenuesController,
    PanelMovesController,
    TeamConflictsController,
  ],
  providers: [
    LiveTransactions,
    TournamentQueries,
    TournamentsService,
    RoundsService,
    BallotsService,
    BallotGroupCommit,
    CupsService,
    DebateResults,
    PoolsService,
    VenuesService,
    PanelMovesService,
    MotionsService,
    TeamConflictsService,
  ],
})
export class TournamentsModule {}
