import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { pageOf } from '../common/api-docs.js';
import { TeamImportResultDto, TeamViewDto } from './team-responses.dto.js';
import type { Request, Response } from 'express';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';
import { ImportQuery, ImportReport, readCsvBody } from '../common/csv-import.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import type { Page } from '../common/pagination.dto.js';
import type { PublicTeamMemberView } from '../privacy/privacy.dto.js';
import { CreateTeamDto, TeamQuery, TeamView, UpdateTeamDto } from './team.dto.js';
import { TeamImportService, type TeamImportResult } from './team-import.service.js';
import { TeamsService } from './teams.service.js';

type PublicTeamView = Omit<TeamView, 'members'> & { members: PublicTeamMemberView[] };

/** Teams are mostly minors: the audience sees no member's name or birth date here; organisers see all. */
function shown(team: TeamView, who: Principal | undefined): TeamView | PublicTeamView {
  if (who?.role === 'organiser') return team;
  return { ...team, members: team.members.map((m) => ({ id: m.id, position: m.position })) };
}

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
  @ApiOperation({ summary: 'Register a team; its age group follows from the oldest member on the event date' })
  @ApiCreatedResponse({ type: TeamViewDto })
  create(@Body() dto: CreateTeamDto): Promise<TeamView> {
    return this.teams.create(dto);
  }

  @Post('import')
  @OrganiserOnly('desk')
  @ApiOperation({
    summary: 'Import teams from CSV (columns in the README): all rows or none; ?dryRun=true reports per row',
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example:
        'name;oblastCode;institution;rural;member1Name;member1BirthDate\nЖас Қыран;Абайская область;Семей колледжі;да;Әлия Серікқызы;17.05.2006',
    },
  })
  @ApiOkResponse({ type: ImportReport, description: 'a dry run: the report, nothing written' })
  @ApiCreatedResponse({ type: TeamImportResultDto, description: 'every row imported' })
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
  @ApiOperation({ summary: 'Teams by region, oblast, age group or name (public: no member names or birth dates)' })
  @ApiOkResponse({ type: pageOf(TeamViewDto) })
  async list(@Query() query: TeamQuery, @CurrentPrincipal() who?: Principal): Promise<Page<TeamView | PublicTeamView>> {
    const page = await this.teams.list(query);
    return { ...page, items: page.items.map((team) => shown(team, who)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One team (public: members as { id, position } only)' })
  @ApiOkResponse({ type: TeamViewDto })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() who?: Principal,
  ): Promise<TeamView | PublicTeamView> {
    return shown(await this.teams.get(id), who);
  }

  @Patch(':id')
  @OrganiserOnly('desk')
  @ApiOperation({ summary: 'Change a team (version required)' })
  @ApiOkResponse({ type: TeamViewDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTeamDto): Promise<TeamView> {
    return this.teams.update(id, dto);
  }

  @Delete(':id')
  @OrganiserOnly('desk')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a team that has not played' })
  @ApiNoContentResponse({ description: 'deleted' })
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.teams.remove(id);
  }
}
