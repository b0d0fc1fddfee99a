import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { IdempotentInTransaction } from '../common/idempotency.interceptor.js';
import { JudgeDebatesDto } from '../judge-work/judge-work.dto.js';
import { BallotsService } from './ballots.service.js';
import {
  BallotDto,
  BallotReceipt,
  CorrectBallotDto,
  CorrectionPreview,
  DryRunQuery,
  IronSpeakersDto,
} from './tournament.dto.js';
import { TournamentQueries } from './tournament-queries.service.js';
import { ConfirmationDto, DebateDetailDto, IronSpeakersViewDto } from './tournament-responses.dto.js';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';

const uuid = new ParseUUIDPipe();

@ApiTags('debates')
@Controller('debates')
export class DebatesController {
  constructor(
    private readonly ballots: BallotsService,
    private readonly queries: TournamentQueries,
  ) {}

  @Get('mine')
  @Roles('judge')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The judge's debates on released rounds: the same cards as GET /api/me/work's debates" })
  @ApiOkResponse({ type: JudgeDebatesDto })
  mine(@CurrentPrincipal() judge: Principal): Promise<JudgeDebatesDto> {
    return this.queries.judgeDebates(judge);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One debate: sides, panel, result (drafts for organisers only)' })
  @ApiOkResponse({ type: DebateDetailDto })
  get(@Param('id', uuid) id: string, @CurrentPrincipal() who?: Principal) {
    return this.queries.debate(id, who?.role === 'organiser');
  }

  @Post(':id/ballots')
  @Roles('judge')
  @ApiBearerAuth()
  @IdempotentInTransaction()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'client UUID; a retry with it returns the first result',
  })
  @ApiOperation({ summary: "Submit (or replace) this judge's ballot; the panel's decision follows when all are in" })
  @ApiCreatedResponse({ type: BallotReceipt })
  submit(
    @Param('id', uuid) id: string,
    @Body() dto: BallotDto,
    @CurrentPrincipal() judge: Principal,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<BallotReceipt> {
    return this.ballots.submit(id, judge, dto, key);
  }

  @Post(':id/confirm')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({ summary: "Confirm a debate's result (a split panel waits for the organiser)" })
  @ApiOkResponse({ type: ConfirmationDto })
  confirm(@Param('id', uuid) id: string, @CurrentPrincipal() who: Principal) {
    return this.ballots.confirm(id, who);
  }

  @Post(':id/iron')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({ summary: 'Let members of a team one speaker short give a second speech in this debate' })
  @ApiOkResponse({ type: IronSpeakersViewDto })
  iron(@Param('id', uuid) id: string, @Body() dto: IronSpeakersDto, @CurrentPrincipal() who: Principal) {
    return this.ballots.markIron(id, who, dto);
  }

  @Post(':id/corrections')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Correct one ballot: ?dryRun=true lists the later debates it would reset; a real run applies it',
  })
  @ApiOkResponse({ type: CorrectionPreview })
  correct(
    @Param('id', uuid) id: string,
    @Body() dto: CorrectBallotDto,
    @Query() query: DryRunQuery,
    @CurrentPrincipal() who: Principal,
  ): Promise<CorrectionPreview> {
    return this.ballots.correct(id, who, dto, query.dryRun === 'true');
  }
}
