import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { JudgeWorkDto } from './judge-work.dto.js';
import { JudgeWorkService } from './judge-work.service.js';

@ApiTags('judges')
@Controller('me')
export class JudgeWorkController {
  constructor(private readonly work: JudgeWorkService) {}

  @Get('work')
  @Roles('judge')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "The judge's debates on released rounds and case championships to score, for the tablet app",
  })
  @ApiOkResponse({ type: JudgeWorkDto })
  get(@CurrentPrincipal() judge: Principal): Promise<JudgeWorkDto> {
    return this.work.forJudge(judge.id);
  }
}
