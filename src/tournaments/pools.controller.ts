import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';
import { AvailabilityView, CheckInDto, PoolAdjudicatorPage, PoolAdjudicatorView, RemovedView } from './pools.dto.js';
import { PoolsService } from './pools.service.js';

const uuid = new ParseUUIDPipe();

/** Pools that change on the day: removal while unused, deactivation after, and check-in per round. */
@ApiTags('tournaments')
@Controller('tournaments')
export class PoolsController {
  constructor(private readonly pools: PoolsService) {}

  @Get(':id/adjudicators')
  @OrganiserOnly()
  @ApiOperation({ summary: "The tournament's adjudicator pool with names, active state and panels sat" })
  @ApiOkResponse({ type: PoolAdjudicatorPage })
  adjudicators(@Param('id', uuid) id: string): Promise<PoolAdjudicatorPage> {
    return this.pools.adjudicators(id);
  }

  @Delete(':id/adjudicators/:judgeId')
  @OrganiserOnly('tab')
  @ApiOperation({
    summary: 'Remove a judge from the pool while they never sat on a panel (else 409 ADJUDICATOR_IN_USE)',
  })
  @ApiOkResponse({ type: RemovedView })
  removeAdjudicator(@Param('id', uuid) id: string, @Param('judgeId', uuid) judgeId: string): Promise<RemovedView> {
    return this.pools.removeAdjudicator(id, judgeId);
  }

  @Post(':id/adjudicators/:judgeId/deactivate')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a judge: history kept, never allocated again until activated' })
  @ApiOkResponse({ type: PoolAdjudicatorView })
  deactivate(@Param('id', uuid) id: string, @Param('judgeId', uuid) judgeId: string): Promise<PoolAdjudicatorView> {
    return this.pools.setAdjudicatorActive(id, judgeId, false);
  }

  @Post(':id/adjudicators/:judgeId/activate')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate a deactivated judge again' })
  @ApiOkResponse({ type: PoolAdjudicatorView })
  activate(@Param('id', uuid) id: string, @Param('judgeId', uuid) judgeId: string): Promise<PoolAdjudicatorView> {
    return this.pools.setAdjudicatorActive(id, judgeId, true);
  }

  @Delete(':id/teams/:teamId')
  @OrganiserOnly('tab')
  @ApiOperation({ summary: 'Remove a team from the entry list while it was never drawn (else 409 ENTRY_IN_USE)' })
  @ApiOkResponse({ type: RemovedView })
  removeTeam(@Param('id', uuid) id: string, @Param('teamId', uuid) teamId: string): Promise<RemovedView> {
    return this.pools.removeTeam(id, teamId);
  }

  @Post(':id/rounds/:seq/check-ins')
  @OrganiserOnly('tab', 'desk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check teams and judges in (or out, available: false) for a round not yet released' })
  @ApiOkResponse({ type: AvailabilityView })
  checkIn(
    @Param('id', uuid) id: string,
    @Param('seq', ParseIntPipe) seq: number,
    @Body() dto: CheckInDto,
  ): Promise<AvailabilityView> {
    return this.pools.checkIn(id, seq, dto);
  }

  @Get(':id/rounds/:seq/availability')
  @OrganiserOnly()
  @ApiOperation({
    summary: "The round's check-in list: every team and judge, their mark and whether the round uses them",
  })
  @ApiOkResponse({ type: AvailabilityView })
  availability(@Param('id', uuid) id: string, @Param('seq', ParseIntPipe) seq: number): Promise<AvailabilityView> {
    return this.pools.availability(id, seq);
  }
}
