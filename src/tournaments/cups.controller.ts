import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiJsonOrCsv, pageOf } from '../common/api-docs.js';
import { CupAgeGroupsView, UpdateCupAgeGroupsDto } from './age-groups.dto.js';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';
import { pageOfAll } from '../common/pagination.dto.js';
import { CupsService } from './cups.service.js';
import { CreateCupDto, CreateLeagueDto, CupQuery } from './tournament.dto.js';
import { TournamentQueries } from './tournament-queries.service.js';
import { cupCsv, type CupView } from './tournament-views.js';
import { CupViewDto } from './tournament-responses.dto.js';

@ApiTags('cups')
@Controller('cups')
export class CupsController {
  constructor(
    private readonly cups: CupsService,
    private readonly queries: TournamentQueries,
  ) {}

  @Post()
  @OrganiserOnly('tab')
  @ApiOperation({ summary: 'Create an AMANAT Cup: regional tournaments feeding a national round' })
  @ApiCreatedResponse({ type: CupViewDto })
  create(@Body() dto: CreateCupDto): Promise<CupView> {
    return this.cups.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Cups, newest first' })
  @ApiOkResponse({ type: pageOf(CupViewDto) })
  async list(): Promise<{ items: CupView[]; total: number }> {
    const items = await this.queries.cups();
    return pageOfAll(items);
  }

  @Get(':id')
  @ApiOperation({ summary: "A cup: each region's tournament and qualifiers, the national round and its champion" })
  @ApiJsonOrCsv(CupViewDto, 'league,region,status,kind,place,teamId,team')
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: CupQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CupView | string> {
    const cup = await this.queries.cup(id, query.league);
    if (query.format !== 'csv') return cup;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="cup-${id}.csv"`);
    return cupCsv(cup);
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
  @ApiOperation({ summary: 'Add a league (a language league, or qualification by oblast) to a cup' })
  @ApiCreatedResponse({ type: CupViewDto })
  addLeague(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateLeagueDto): Promise<CupView> {
    return this.cups.addLeague(id, dto);
  }
}
