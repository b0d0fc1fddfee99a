import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module.js';
import { TeamImportService } from './team-import.service.js';
import { Team, TeamMember } from './team.entity.js';
import { TeamsController } from './teams.controller.js';
import { TeamsService } from './teams.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Team, TeamMember]), RegionsModule],
  controllers: [TeamsController],
  providers: [TeamsService, TeamImportService],
  exports: [TeamsService],
})
export class TeamsModule {}
