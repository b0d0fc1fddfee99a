import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';
import { ImportQuery, ImportReport, readCsvBody } from '../common/csv-import.js';
import type { Page } from '../common/pagination.dto.js';
import { CreateTeamDto, TeamQuery, TeamView, UpdateTeamDto } from './team.dto.js';
import { TeamImportService, type TeamImportResult } from './team-import.service.js';
import { TeamsService } from './teams.service.js';

/** Registering teams is the desk's (and admin's) job. */
@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(
    private readonly teams: TeamsService,
    private readonly importer: TeamImportService,
  ) {}

  @Post()
  @OrganiserOnly('desk')
  create(@Body() dto: CreateTeamDto): Promise<TeamView> {
    return this.teams.create(dto);
  }

  @Post('import')
  @OrganiserOnly('desk')
  @ApiOperation({ summary: 'Import teams from CSV (columns in the README): all rows or none; ?dryRun=true reports per row' })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'name;oblastCode;institution;rural;member1Name;member1BirthDate\nЖас Қыран;Абайская область;Семей колледжі;да;Әлия Серікқызы;17.05.2006',
    },
  })
  @ApiOkResponse({ type: ImportReport })
  async import(
    @Req() req: Request,
    @Query() query: ImportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TeamImportResult> {
    const dryRun = query.dryRun === 'true';
    const result = await this.importer.import(await readCsvBody(req), dryRun);
    // A dry run creates nothing: 200, not 201.
    if (dryRun) res.status(200);
    return result;
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
  @OrganiserOnly('desk')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTeamDto): Promise<TeamView> {
    return this.teams.update(id, dto);
  }

  @Delete(':id')
  @OrganiserOnly('desk')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.teams.remove(id);
  }
}
