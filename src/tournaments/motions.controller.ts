import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { PageQuery } from '../common/pagination.dto.js';
import { MotionListDto, RoundMotionDto, SetMotionDto } from './motion.dto.js';
import { MotionsService } from './motions.service.js';

const uuid = new ParseUUIDPipe();

@ApiTags('tournaments')
@Controller('tournaments')
export class MotionsController {
  constructor(private readonly motions: MotionsService) {}

  @Put(':id/rounds/:seq/motion')
  @OrganiserOnly('tab')
  @ApiOperation({
    summary:
      "Set or edit a round's motion and info slide (a draft, or a released draw whose motion is not out; after that only with force, audited)",
  })
  @ApiOkResponse({ type: RoundMotionDto })
  set(
    @Param('id', uuid) id: string,
    @Param('seq', ParseIntPipe) seq: number,
    @Body() dto: SetMotionDto,
    @CurrentPrincipal() who: Principal,
  ): Promise<RoundMotionDto> {
    return this.motions.set(id, seq, dto, who);
  }

  @Post(':id/rounds/:seq/motion/release')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({
    summary: "Release a round's motion (after its draw): public routes, /live and judges' tablets show it",
  })
  @ApiOkResponse({ type: RoundMotionDto })
  release(@Param('id', uuid) id: string, @Param('seq', ParseIntPipe) seq: number): Promise<RoundMotionDto> {
    return this.motions.release(id, seq);
  }

  @Get(':id/motions')
  @ApiOperation({ summary: 'Released motions by round; organisers see every round with a released flag' })
  @ApiOkResponse({ type: MotionListDto })
  list(
    @Param('id', uuid) id: string,
    @Query() page: PageQuery,
    @CurrentPrincipal() who?: Principal,
  ): Promise<MotionListDto> {
    return this.motions.list(id, who?.role === 'organiser', page);
  }
}
