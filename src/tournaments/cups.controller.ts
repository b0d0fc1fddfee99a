import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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

  @Post(':id/leagues')
  @OrganiserOnly('tab')
  addLeague(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateLeagueDto): Promise<CupView> {
    return this.cups.addLeague(id, dto);
  }
}
