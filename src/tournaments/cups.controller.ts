import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CupAgeGroupsView, UpdateCupAgeGroupsDto } from './age-groups.dto.js';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';
import { CupsService } from './cups.service.js';
import { CreateCupDto, CreateLeagueDto, CupQuery } from './tournament.dto.js';
import { TournamentQueries } from './tournament-queries.service.js';
import type { CupView } from './tournament-views.js';

@ApiTags('cups')
@Controller('cups')
export class CupsController {
  constructor(
    private readonly cups: CupsService,
    private readonly queries: TournamentQueries,
  ) {}

  @Post()
  @OrganiserOnly('tab')
  create(@Body() dto: CreateCupDto): Promise<CupView> {
    return this.cups.create(dto);
  }

  @Get()
  async list(): Promise<{ items: CupView[]; total: number }> {
    const items = await this.queries.cups();
    return { items, total: items.length };
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @Query() query: CupQuery): Promise<CupView> {
    return this.queries.cup(id, query.league);
  }

  @Patch(':id/age-groups')
  @OrganiserOnly('tab')
  @ApiOperation({ summary: "Change the cup's age bands or the date ages are taken on" })
  @ApiOkResponse({ type: CupAgeGroupsView })
  setAgeGroups(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCupAgeGroupsDto): Promise<CupAgeGroupsView> {
    return this.cups.setAgeGroups(id, dto);
  }

  @Post(':id/leagues')
  @OrganiserOnly('tab')
  addLeague(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateLeagueDto): Promise<CupView> {
    return this.cups.addLeague(id, dto);
  }
}
