import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '../common/pagination.dto.js';
import { CreateTeamDto, TeamQuery, TeamView, UpdateTeamDto } from './team.dto.js';
import { TeamsService } from './teams.service.js';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @OrganiserOnly()
  create(@Body() dto: CreateTeamDto): Promise<TeamView> {
    return this.teams.create(dto);
  }

  @Get()
  list(@Query() query: TeamQuery): Promise<Page<TeamView>> {
    return this.teams.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<TeamView> {
    return this.teams.get(id);
  }

  @Patch(':id')
  @OrganiserOnly()
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTeamDto): Promise<TeamView> {
    return this.teams.update(id, dto);
  }

  @Delete(':id')
  @OrganiserOnly()
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.teams.remove(id);
  }
}
