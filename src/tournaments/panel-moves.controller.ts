import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';
import {
  PanelChangeView,
  PanelMoveDto,
  PanelRulesUpdateDto,
  PanelRulesView,
  RoundPanelsView,
} from './panel-moves.dto.js';
import { PanelMovesService } from './panel-moves.service.js';
import { DryRunQuery } from './tournament.dto.js';

const uuid = new ParseUUIDPipe();

@ApiTags('tournaments')
@Controller('tournaments')
export class PanelMovesController {
  constructor(private readonly panels: PanelMovesService) {}

  @Get(':id/rounds/:seq/panels')
  @OrganiserOnly()
  @ApiOperation({ summary: "A round's panels with the conflicts each breaks, and the judges on no panel" })
  @ApiOkResponse({ type: RoundPanelsView })
  list(@Param('id', uuid) id: string, @Param('seq', ParseIntPipe) seq: number): Promise<RoundPanelsView> {
    return this.panels.panels(id, seq);
  }

  @Post(':id/rounds/:seq/panels/moves')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'On a draft round: move, swap, chair or remove a judge; conflicts the change breaks are listed, not refused; ?dryRun=true answers the same and changes nothing (the console shows conflicts while a judge is dragged)',
  })
  @ApiOkResponse({ type: PanelChangeView })
  move(
    @Param('id', uuid) id: string,
    @Param('seq', ParseIntPipe) seq: number,
    @Body() dto: PanelMoveDto,
    @Query() query: DryRunQuery,
  ): Promise<PanelChangeView> {
    return this.panels.change(id, seq, dto, query.dryRun === 'true');
  }

  @Put(':id/panel-rules')
  @OrganiserOnly('tab')
  @ApiOperation({ summary: 'Panel sizes for the rounds drawn from now on: largest size, even panels, or a fixed size' })
  @ApiOkResponse({ type: PanelRulesView })
  panelRules(@Param('id', uuid) id: string, @Body() dto: PanelRulesUpdateDto): Promise<PanelRulesView> {
    return this.panels.setPanelRules(id, dto);
  }
}
