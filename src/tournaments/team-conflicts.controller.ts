import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CreateTeamConflictDto, TeamConflictPage, TeamConflictView } from './team-conflict.dto.js';
import { TeamConflictsService } from './team-conflicts.service.js';

const uuid = new ParseUUIDPipe();

@ApiTags('tournaments')
@Controller('tournaments/:id/team-conflicts')
@OrganiserOnly('tab')
export class TeamConflictsController {
  constructor(private readonly conflicts: TeamConflictsService) {}

  @Get()
  @ApiOperation({ summary: 'Declared team–team conflicts: pairs the preliminary draw keeps apart' })
  @ApiOkResponse({ type: TeamConflictPage })
  list(@Param('id', uuid) id: string): Promise<TeamConflictPage> {
    return this.conflicts.list(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Declare that two entered teams must not meet (the draw prices it like a shared institution)',
  })
  @ApiCreatedResponse({ type: TeamConflictView })
  add(
    @Param('id', uuid) id: string,
    @Body() dto: CreateTeamConflictDto,
    @CurrentPrincipal() who: Principal,
  ): Promise<TeamConflictView> {
    return this.conflicts.add(id, dto, who);
  }

  @Delete(':conflictId')
  @ApiOperation({ summary: 'Withdraw a declared team–team conflict (drafts already drawn keep their pairings)' })
  @ApiOkResponse({ type: TeamConflictView })
  remove(
    @Param('id', uuid) id: string,
    @Param('conflictId', uuid) conflictId: string,
    @CurrentPrincipal() who: Principal,
  ): Promise<TeamConflictView> {
    return this.conflicts.remove(id, conflictId, who);
  }
}
