import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { pageOfAll } from '../common/pagination.dto.js';
import { JudgeChampionshipsDto } from '../judge-work/judge-work.dto.js';
import { JurorChampionships } from './juror-championships.js';

/** Listed before CaseChampionshipsController in the module: its `:id` routes would otherwise take "mine" for an id. */
@ApiTags('case-championships')
@Controller('case-championships')
export class MyChampionshipsController {
  constructor(private readonly championships: JurorChampionships) {}

  @Get('mine')
  @Roles('judge')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "The judge's championships with the teams to score, own sheets and conflicts (as in GET /api/me/work)",
  })
  @ApiOkResponse({ type: JudgeChampionshipsDto })
  async mine(@CurrentPrincipal() judge: Principal): Promise<JudgeChampionshipsDto> {
    const items = await this.championships.forJudge(judge.id);
    return pageOfAll(items);
  }
}
