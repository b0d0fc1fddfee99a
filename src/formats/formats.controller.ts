import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../common/domain-error.js';
import { pageOfAll } from '../common/pagination.dto.js';
import { DEFAULT_TEAM_TIE_BREAKS } from '../engine/standings/team-tab.js';
import { FORMAT_PRESETS } from '../engine/formats/presets.js';
import { FormatPage, FormatView, type TabRulesDto } from './format.dto.js';

/** A preset without tab rules of its own ranks as the team tab does by default. */
const DEFAULT_TAB: TabRulesDto = {
  teamTieBreaks: [...DEFAULT_TEAM_TIE_BREAKS],
  speakerRankBy: 'total',
  minSpeeches: 0,
};

/** The shipped debate formats, as data a client builds its ballot form from. Public: nothing here is secret. */
@ApiTags('formats')
@Controller('formats')
export class FormatsController {
  @Get()
  @ApiOperation({ summary: 'The debate formats with their sides, speech slots, score ranges, steps and tab rules' })
  @ApiOkResponse({ type: FormatPage })
  list(): FormatPage {
    const items = Object.values(FORMAT_PRESETS).map((preset) => FormatView.from(preset, DEFAULT_TAB));
    return pageOfAll(items);
  }

  @Get(':key')
  @ApiOperation({ summary: 'One debate format' })
  @ApiOkResponse({ type: FormatView })
  get(@Param('key') key: string): FormatView {
    if (!Object.hasOwn(FORMAT_PRESETS, key)) throw DomainError.notFound('format', key);
    return FormatView.from(FORMAT_PRESETS[key], DEFAULT_TAB);
  }
}
