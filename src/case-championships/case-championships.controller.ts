import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiJsonOrCsv, pageOf } from '../common/api-docs.js';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { VersionQuery } from '../common/version-query.js';
import { ChampionshipProgress } from './case-progress.dto.js';
import { IdempotentInTransaction } from '../common/idempotency.interceptor.js';
import { type Page, pageOfAll } from '../common/pagination.dto.js';
import {
  CaseChampionshipQuery,
  CaseEntryDto,
  CaseJuryDto,
  CreateCaseChampionshipDto,
  ExportQuery,
  ScoresheetDto,
  UpdateScoringOptionsDto,
} from './case-championship.dto.js';
import { CaseChampionshipsService, ScoresheetEntry, ScoresheetView } from './case-championships.service.js';
import { AdvanceDto, MoveInRoomsDto, PlanRoomsDto, RoomsView } from './case-room.dto.js';
import { CaseRoomsService } from './case-rooms.service.js';
import {
  AssignmentsDto,
  CaseAuditEntryDto,
  ChampionshipViewDto,
  JurorReportDto,
  ScoresheetEntryDto,
  ScoresheetViewDto,
  StandingsViewDto,
} from './case-responses.dto.js';
import { ChampionshipAuditDto, FinaliseDto } from './finalisation.dto.js';
import { type ChampionshipView, type JurorReport, type StandingsView, standingsCsv } from './case-scoring.js';

const uuid = new ParseUUIDPipe();

@ApiTags('case-championships')
@Controller('case-championships')
export class CaseChampionshipsController {
  constructor(
    private readonly championships: CaseChampionshipsService,
    private readonly rooms: CaseRoomsService,
  ) {}

  @Post()
  @OrganiserOnly('tab')
  @ApiOperation({ summary: 'Create a case championship with its rubric (the default one when criteria are omitted)' })
  @ApiCreatedResponse({ type: ChampionshipViewDto })
  create(@Body() dto: CreateCaseChampionshipDto): Promise<ChampionshipView> {
    return this.championships.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Case championships, filtered by region, age group or status' })
  @ApiOkResponse({ type: pageOf(ChampionshipViewDto) })
  list(@Query() query: CaseChampionshipQuery, @CurrentPrincipal() who?: Principal): Promise<Page<ChampionshipView>> {
    return this.championships.list(query, who?.role === 'organiser');
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case championship: rubric, entries, jury, status, qualifiers' })
  @ApiOkResponse({ type: ChampionshipViewDto })
  get(@Param('id', uuid) id: string, @CurrentPrincipal() who?: Principal): Promise<ChampionshipView> {
    return this.championships.get(id, who?.role === 'organiser');
  }

  @Patch(':id/options')
  @OrganiserOnly('tab')
  @ApiOperation({ summary: 'Change the scoring options (drop high/low, normalise juries, tie-breaks, quotas)' })
  @ApiOkResponse({ type: ChampionshipViewDto })
  updateOptions(@Param('id', uuid) id: string, @Body() dto: UpdateScoringOptionsDto): Promise<ChampionshipView> {
    return this.championships.updateOptions(id, dto);
  }

  @Post(':id/entries')
  @OrganiserOnly('tab')
  @ApiOperation({ summary: 'Enter a team (while a draft)' })
  @ApiCreatedResponse({ type: ChampionshipViewDto })
  addEntry(@Param('id', uuid) id: string, @Body() dto: CaseEntryDto): Promise<ChampionshipView> {
    return this.championships.addEntry(id, dto);
  }

  @Post(':id/jury')
  @OrganiserOnly('tab')
  @ApiOperation({ summary: 'Seat judges on the jury (while a draft)' })
  @ApiCreatedResponse({ type: ChampionshipViewDto })
  seatJury(@Param('id', uuid) id: string, @Body() dto: CaseJuryDto): Promise<ChampionshipView> {
    return this.championships.seatJury(id, dto);
  }

  @Post(':id/rooms')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({ summary: 'Split the entries into qualifying rooms and seat a jury in each (replaces the last plan)' })
  @ApiOkResponse({ type: RoomsView })
  planRooms(@Param('id', uuid) id: string, @Body() dto: PlanRoomsDto): Promise<RoomsView> {
    return this.rooms.plan(id, dto);
  }

  @Get(':id/rooms')
  @ApiOperation({
    summary:
      'The room schedule (public); jurors, conflicts and diagnostics for organisers; room results once the stage closes',
  })
  @ApiOkResponse({ type: RoomsView })
  roomsView(@Param('id', uuid) id: string, @CurrentPrincipal() who?: Principal): Promise<RoomsView> {
    return this.rooms.view(id, who?.role === 'organiser');
  }

  @Post(':id/rooms/moves')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a team or a juror to another room before scoring starts; conflicts are listed' })
  @ApiOkResponse({ type: RoomsView })
  move(@Param('id', uuid) id: string, @Body() dto: MoveInRoomsDto): Promise<RoomsView> {
    return this.rooms.move(id, dto);
  }

  @Post(':id/advance')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close the qualifying stage: the standing across rooms sends teams to the final by the rule given',
  })
  @ApiOkResponse({ type: RoomsView })
  advance(@Param('id', uuid) id: string, @Body() dto: AdvanceDto): Promise<RoomsView> {
    return this.rooms.advance(id, dto);
  }

  @Post(':id/start-scoring')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open scoring: entries and jury are fixed from now on' })
  @ApiOkResponse({ type: ChampionshipViewDto })
  startScoring(@Param('id', uuid) id: string): Promise<ChampionshipView> {
    return this.championships.startScoring(id);
  }

  @Put(':id/scoresheets/:teamId')
  @Roles('judge')
  @ApiBearerAuth()
  @IdempotentInTransaction()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'client UUID; a retry with it returns the first result',
  })
  @ApiOperation({ summary: "Submit or replace this juror's scoresheet for a team (versioned, audited)" })
  @ApiOkResponse({ type: ScoresheetViewDto })
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
  @ApiOperation({ summary: "The juror's teams to score (a room in order of presentation), conflicts and own sheets" })
  @ApiOkResponse({ type: AssignmentsDto })
  assignments(@Param('id', uuid) id: string, @CurrentPrincipal() judge: Principal) {
    return this.championships.judgeAssignments(id, judge);
  }

  @Get(':id/scoresheets')
  @OrganiserOnly()
  @ApiOperation({ summary: "Every scoresheet, with the team's and the juror's names" })
  @ApiOkResponse({ type: pageOf(ScoresheetEntryDto) })
  async scoresheets(@Param('id', uuid) id: string): Promise<Page<ScoresheetEntry>> {
    const items = await this.championships.scoresheets(id);
    return pageOfAll(items);
  }

  @Get(':id/audit')
  @OrganiserOnly()
  @ApiOperation({ summary: 'Every scoresheet change: before and after, who and when' })
  @ApiOkResponse({ type: pageOf(CaseAuditEntryDto) })
  async audit(@Param('id', uuid) id: string) {
    const items = await this.championships.audit(id);
    return pageOfAll(items);
  }

  @Get(':id/standings')
  @ApiOperation({ summary: 'The standings (public: through the freeze), with per-criterion averages and qualifiers' })
  @ApiOkResponse({ type: StandingsViewDto })
  standings(@Param('id', uuid) id: string, @CurrentPrincipal() who?: Principal): Promise<StandingsView> {
    return this.championships.standings(id, who?.role === 'organiser');
  }

  @Get(':id/standings/export')
  @ApiOperation({ summary: 'The standings as a download: JSON, or CSV with ?format=csv' })
  @ApiJsonOrCsv(StandingsViewDto, 'rank,team,total,judges,<criterion keys…>,first places,qualified')
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

  @Get(':id/progress')
  @OrganiserOnly()
  @ApiOperation({ summary: "The jury's progress: juror × team for the stage being scored (scored, due, conflict)" })
  @ApiOkResponse({ type: ChampionshipProgress })
  progress(@Param('id', uuid) id: string): Promise<ChampionshipProgress> {
    return this.championships.progress(id);
  }

  @Get(':id/diagnostics')
  @OrganiserOnly()
  @ApiOperation({ summary: "Each juror's mean, spread, deviation from the rest of the jury and agreement, by name" })
  @ApiOkResponse({ type: pageOf(JurorReportDto) })
  async diagnostics(@Param('id', uuid) id: string): Promise<Page<JurorReport>> {
    const items = await this.championships.diagnostics(id);
    return pageOfAll(items);
  }

  @Post(':id/finalise')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOkResponse({ type: ChampionshipViewDto })
  @ApiOperation({
    summary:
      "Lock the scores and decide the qualifiers; 409 SCORESHEETS_MISSING lists jurors' unscored teams unless force",
  })
  finalise(
    @Param('id', uuid) id: string,
    @Body() dto: FinaliseDto,
    @CurrentPrincipal() who: Principal,
  ): Promise<ChampionshipView> {
    return this.championships.finalise(id, dto, who);
  }

  @Get(':id/organiser-audit')
  @OrganiserOnly()
  @ApiOperation({ summary: "Organisers' overrides of this championship's checks (a forced finalise and what it left)" })
  @ApiOkResponse({ type: ChampionshipAuditDto })
  organiserAudit(@Param('id', uuid) id: string): Promise<ChampionshipAuditDto> {
    return this.championships.organiserAudit(id);
  }

  @Post(':id/freeze')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({ summary: 'Freeze the public board (?version= required)' })
  @ApiOkResponse({ type: ChampionshipViewDto })
  freeze(@Param('id', uuid) id: string, @VersionQuery() version: number): Promise<ChampionshipView> {
    return this.championships.freeze(id, version);
  }

  @Post(':id/reveal')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reveal the next row of the frozen board, from the bottom (?version= required)' })
  @ApiOkResponse({ type: ChampionshipViewDto })
  reveal(@Param('id', uuid) id: string, @VersionQuery() version: number): Promise<ChampionshipView> {
    return this.championships.revealNext(id, version);
  }

  @Post(':id/unfreeze')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unfreeze the public board (?version= required)' })
  @ApiOkResponse({ type: ChampionshipViewDto })
  unfreeze(@Param('id', uuid) id: string, @VersionQuery() version: number): Promise<ChampionshipView> {
    return this.championships.unfreeze(id, version);
  }
}
