import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { IdempotentInTransaction } from '../common/idempotency.interceptor.js';
import type { Page } from '../common/pagination.dto.js';
import {
  CaseChampionshipQuery,
  CaseEntryDto,
  CaseJuryDto,
  CreateCaseChampionshipDto,
  ExportQuery,
  ScoresheetDto,
  UpdateScoringOptionsDto,
} from './case-championship.dto.js';
import { CaseChampionshipsService, ScoresheetView } from './case-championships.service.js';
import { type ChampionshipView, type JurorReport, type StandingsView, standingsCsv } from './case-scoring.js';

const uuid = new ParseUUIDPipe();

@ApiTags('case-championships')
@Controller('case-championships')
export class CaseChampionshipsController {
  constructor(private readonly championships: CaseChampionshipsService) {}

  @Post()
  @Roles('organiser')
  @ApiBearerAuth()
  create(@Body() dto: CreateCaseChampionshipDto): Promise<ChampionshipView> {
    return this.championships.create(dto);
  }

  @Get()
  list(@Query() query: CaseChampionshipQuery, @CurrentPrincipal() who?: Principal): Promise<Page<ChampionshipView>> {
    return this.championships.list(query, who?.role === 'organiser');
  }

  @Get(':id')
  get(@Param('id', uuid) id: string, @CurrentPrincipal() who?: Principal): Promise<ChampionshipView> {
    return this.championships.get(id, who?.role === 'organiser');
  }

  @Patch(':id/options')
  @Roles('organiser')
  @ApiBearerAuth()
  updateOptions(@Param('id', uuid) id: string, @Body() dto: UpdateScoringOptionsDto): Promise<ChampionshipView> {
    return this.championships.updateOptions(id, dto);
  }

  @Post(':id/entries')
  @Roles('organiser')
  @ApiBearerAuth()
  addEntry(@Param('id', uuid) id: string, @Body() dto: CaseEntryDto): Promise<ChampionshipView> {
    return this.championships.addEntry(id, dto);
  }

  @Post(':id/jury')
  @Roles('organiser')
  @ApiBearerAuth()
  seatJury(@Param('id', uuid) id: string, @Body() dto: CaseJuryDto): Promise<ChampionshipView> {
    return this.championships.seatJury(id, dto);
  }

  @Post(':id/start-scoring')
  @Roles('organiser')
  @ApiBearerAuth()
  @HttpCode(200)
  startScoring(@Param('id', uuid) id: string): Promise<ChampionshipView> {
    return this.championships.startScoring(id);
  }

  @Put(':id/scoresheets/:teamId')
  @Roles('judge')
  @ApiBearerAuth()
  @IdempotentInTransaction()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'client UUID; a retry with it returns the first result' })
  submitScoresheet(
    @Param('id', uuid) id: string,
    @Param('teamId', uuid) teamId: string,
    @CurrentPrincipal() judge: Principal,
    @Body() dto: ScoresheetDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<ScoresheetView> {
    return this.championships.submitScoresheet(id, teamId, judge, dto, key);
  }

  @Get(':id/assignments')
  @Roles('judge')
  @ApiBearerAuth()
  assignments(@Param('id', uuid) id: string, @CurrentPrincipal() judge: Principal) {
    return this.championships.judgeAssignments(id, judge);
  }

  @Get(':id/scoresheets')
  @Roles('organiser')
  @ApiBearerAuth()
  scoresheets(@Param('id', uuid) id: string): Promise<ScoresheetView[]> {
    return this.championships.scoresheets(id);
  }

  @Get(':id/audit')
  @Roles('organiser')
  @ApiBearerAuth()
  audit(@Param('id', uuid) id: string) {
    return this.championships.audit(id);
  }

  @Get(':id/standings')
  standings(@Param('id', uuid) id: string, @CurrentPrincipal() who?: Principal): Promise<StandingsView> {
    return this.championships.standings(id, who?.role === 'organiser');
  }

  @Get(':id/standings/export')
  async export(
    @Param('id', uuid) id: string,
    @Query() query: ExportQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentPrincipal() who?: Principal,
  ): Promise<StandingsView | string> {
    const standings = await this.championships.standings(id, who?.role === 'organiser');
    if (query.format !== 'csv') {
      res.setHeader('Content-Disposition', `attachment; filename="standings-${id}.json"`);
      return standings;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="standings-${id}.csv"`);
    return standingsCsv(standings);
  }

  @Get(':id/diagnostics')
  @Roles('organiser')
  @ApiBearerAuth()
  diagnostics(@Param('id', uuid) id: string): Promise<JurorReport[]> {
    return this.championships.diagnostics(id);
  }

  @Post(':id/finalise')
  @Roles('organiser')
  @ApiBearerAuth()
  @HttpCode(200)
  finalise(@Param('id', uuid) id: string): Promise<ChampionshipView> {
    return this.championships.finalise(id);
  }

  @Post(':id/freeze')
  @Roles('organiser')
  @ApiBearerAuth()
  @HttpCode(200)
  freeze(@Param('id', uuid) id: string, @Query('version', ParseIntPipe) version: number): Promise<ChampionshipView> {
    return this.championships.freeze(id, version);
  }

  @Post(':id/reveal')
  @Roles('organiser')
  @ApiBearerAuth()
  @HttpCode(200)
  reveal(@Param('id', uuid) id: string, @Query('version', ParseIntPipe) version: number): Promise<ChampionshipView> {
    return this.championships.revealNext(id, version);
  }

  @Post(':id/unfreeze')
  @Roles('organiser')
  @ApiBearerAuth()
  @HttpCode(200)
  unfreeze(@Param('id', uuid) id: string, @Query('version', ParseIntPipe) version: number): Promise<ChampionshipView> {
    return this.championships.unfreeze(id, version);
  }
}
