import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Page } from '../common/pagination.dto.js';
import type { PublicTeamMemberView } from '../privacy/privacy.dto.js';
import { CreateTeamDto, TeamQuery, TeamView, UpdateTeamDto } from './team.dto.js';
import { TeamsService } from './teams.service.js';

type PublicTeamView = Omit<TeamView, 'members'> & { members: PublicTeamMemberView[] };

/** Teams are mostly minors: the audience sees no member's name or birth date here; organisers see all. */
function shown(team: TeamView, who: Principal | undefined): TeamView | PublicTeamView {
  if (who?.role === 'organiser') return team;
  return { ...team, members: team.members.map((m) => ({ id: m.id, position: m.position })) };
}

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @Roles('organiser')
  @ApiBearerAuth()
  create(@Body() dto: CreateTeamDto): Promise<TeamView> {
    return this.teams.create(dto);
  }

  @Get()
  async list(@Query() query: TeamQuery, @CurrentPrincipal() who?: Principal): Promise<Page<TeamView | PublicTeamView>> {
    const page = await this.teams.list(query);
    return { ...page, items: page.items.map((team) => shown(team, who)) };
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() who?: Principal): Promise<TeamView | PublicTeamView> {
    return shown(await this.teams.get(id), who);
  }

  @Patch(':id')
  @Roles('organiser')
  @ApiBearerAuth()
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTeamDto): Promise<TeamView> {
    return this.teams.update(id, dto);
  }

  @Delete(':id')
  @Roles('organiser')
  @ApiBearerAuth()
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.teams.remove(id);
  }
}
