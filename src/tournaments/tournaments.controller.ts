import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { toCsv } from '../common/csv.js';
import { type Page, pageOfAll } from '../common/pagination.dto.js';
import { ApiJsonOrCsv, pageOf } from '../common/api-docs.js';
import { ExportQuery } from '../case-championships/case-championship.dto.js';
import { TabQuery, TeamAgeGroupList } from './age-groups.dto.js';
import { PrivacyService } from '../privacy/privacy.service.js';
import { RoundBallotsPage } from './round-ballots.dto.js';
import { RoundsService } from './rounds.service.js';
import {
  AddTournamentTeamDto,
  AdjudicatorsDto,
  CreateRoundDto,
  CreateTournamentDto,
  TournamentQuery,
  WithdrawDto,
} from './tournament.dto.js';
import { TournamentQueries } from './tournament-queries.service.js';
import {
  BracketViewDto,
  RoundViewDto,
  SpeakerRowDto,
  TeamRowDto,
  TournamentAuditEntryDto,
  TournamentViewDto,
  WithdrawalDto,
} from './tournament-responses.dto.js';
import type { BracketView, RoundView, SpeakerRow, TeamRow, TournamentView } from './tournament-views.js';
import { TournamentsService } from './tournaments.service.js';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';

const uuid = new ParseUUIDPipe();
const isOrganiser = (who?: Principal) => who?.role === 'organiser';

function csv(res: Response, name: string, header: string[], rows: unknown[][]): string {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
  return toCsv(header, rows);
}

@ApiTags('tournaments')
@Controller('tournaments')
export class TournamentsController {
  constructor(
    private readonly tournaments: TournamentsService,
    private readonly rounds: RoundsService,
    private readonly queries: TournamentQueries,
    private readonly privacy: PrivacyService,
  ) {}

  @Post()
  @OrganiserOnly('tab')
  @ApiOperation({
    summary: 'Create a debate tournament (regional or national) in a format, with its draw and tab rules',
  })
  @ApiCreatedResponse({ type: TournamentViewDto })
  create(@Body() dto: CreateTournamentDto): Promise<TournamentView> {
    return this.tournaments.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Tournaments, newest first; ?cupId=&leagueId= keep one cup or league' })
  @ApiOkResponse({ type: pageOf(TournamentViewDto) })
  async list(@Query() query: TournamentQuery): Promise<{ items: TournamentView[]; total: number }> {
    const items = await this.queries.tournaments(query);
    return pageOfAll(items);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One tournament: teams, format, rules, status, champion and final places' })
  @ApiOkResponse({ type: TournamentViewDto })
  get(@Param('id', uuid) id: string): Promise<TournamentView> {
    return this.queries.tournament(id);
  }

  @Post(':id/teams')
  @OrganiserOnly('tab')
  @ApiOperation({ summary: "Enter a team, or import a case championship's qualifiers" })
  @ApiCreatedResponse({ type: TournamentViewDto })
  addTeams(@Param('id', uuid) id: string, @Body() dto: AddTournamentTeamDto): Promise<TournamentView> {
    return this.tournaments.addTeams(id, dto);
  }

  @Post(':id/adjudicators')
  @OrganiserOnly('tab')
  @ApiOperation({ summary: "Add judges to the tournament's adjudicator pool" })
  @ApiCreatedResponse({ type: TournamentViewDto })
  addAdjudicators(@Param('id', uuid) id: string, @Body() dto: AdjudicatorsDto): Promise<TournamentView> {
    return this.tournaments.addAdjudicators(id, dto);
  }

  @Post(':id/withdrawals')
  @OrganiserOnly('tab')
  @ApiOperation({
    summary: "A team withdraws: open debates forfeited; in a national round the region's next finisher takes its place",
  })
  @ApiCreatedResponse({ type: WithdrawalDto })
  withdraw(@Param('id', uuid) id: string, @Body() dto: WithdrawDto, @CurrentPrincipal() who: Principal) {
    return this.tournaments.withdraw(id, dto, who);
  }

  @Post(':id/rounds')
  @OrganiserOnly('tab')
  @ApiOperation({ summary: 'Draw the next round as a draft: power-paired prelims, or the bracket after the break' })
  @ApiCreatedResponse({ type: RoundViewDto })
  generateRound(@Param('id', uuid) id: string, @Body() dto: CreateRoundDto): Promise<RoundView> {
    return this.rounds.generate(id, dto);
  }

  @Get(':id/rounds')
  @ApiOperation({ summary: 'The rounds with their debates (drafts for organisers only)' })
  @ApiOkResponse({ type: pageOf(RoundViewDto) })
  async listRounds(
    @Param('id', uuid) id: string,
    @CurrentPrincipal() who?: Principal,
  ): Promise<{ items: RoundView[]; total: number }> {
    const items = await this.queries.rounds(id, isOrganiser(who));
    return pageOfAll(items);
  }

  @Get(':id/rounds/:seq')
  @ApiOperation({ summary: 'One round: debates, sides, panels, the draw’s explanation and results' })
  @ApiOkResponse({ type: RoundViewDto })
  getRound(
    @Param('id', uuid) id: string,
    @Param('seq', ParseIntPipe) seq: number,
    @CurrentPrincipal() who?: Principal,
  ): Promise<RoundView> {
    return this.queries.round(id, seq, isOrganiser(who));
  }

  @Get(':id/rounds/:seq/ballots')
  @OrganiserOnly()
  @ApiOperation({ summary: "The round's ballot board: each panellist's ballot in or missing, its totals and winner" })
  @ApiOkResponse({ type: RoundBallotsPage })
  roundBallots(@Param('id', uuid) id: string, @Param('seq', ParseIntPipe) seq: number): Promise<RoundBallotsPage> {
    return this.queries.roundBallots(id, seq);
  }

  @Post(':id/rounds/:seq/release')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release a draft round: public, and open for ballots' })
  @ApiOkResponse({ type: RoundViewDto })
  release(@Param('id', uuid) id: string, @Param('seq', ParseIntPipe) seq: number): Promise<RoundView> {
    return this.rounds.release(id, seq);
  }

  @Post(':id/rounds/:seq/regenerate')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({ summary: 'Draw a round again while no ballot is in' })
  @ApiOkResponse({ type: RoundViewDto })
  regenerate(
    @Param('id', uuid) id: string,
    @Param('seq', ParseIntPipe) seq: number,
    @Body() dto: CreateRoundDto,
  ): Promise<RoundView> {
    return this.rounds.regenerate(id, seq, dto);
  }

  @Post(':id/rounds/:seq/reveal')
  @OrganiserOnly('tab')
  @HttpCode(200)
  @ApiOperation({ summary: "Reveal a silent round's results on the public tab" })
  @ApiOkResponse({ type: RoundViewDto })
  reveal(@Param('id', uuid) id: string, @Param('seq', ParseIntPipe) seq: number): Promise<RoundView> {
    return this.rounds.reveal(id, seq);
  }

  @Get(':id/standings')
  @ApiOperation({ summary: "The team tab in the format's precedence (public: up to the first silent round)" })
  @ApiJsonOrCsv(pageOf(TeamRowDto), 'rank,team,region,points,wins,speakerTotal,drawStrength,margin')
  async standings(
    @Param('id', uuid) id: string,
    @Query() query: TabQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentPrincipal() who?: Principal,
  ): Promise<Page<TeamRow> | string> {
    const rows = await this.queries.standings(id, isOrganiser(who), query.ageGroup);
    if (query.format !== 'csv') return pageOfAll(rows);
    const header = ['rank', 'team', 'region', 'points', 'wins', 'speakerTotal', 'drawStrength', 'margin'];
    return csv(
      res,
      `team-tab-${id}`,
      header,
      rows.map((r) => [r.rank, r.teamName, r.regionCode, r.points, r.wins, r.speakerTotal, r.drawStrength, r.margin]),
    );
  }

  @Get(':id/speakers')
  @ApiOperation({ summary: 'The speaker tab (initials on the public tab when the organiser chooses so)' })
  @ApiJsonOrCsv(pageOf(SpeakerRowDto), 'rank,speaker,teamId,total,average,replyTotal')
  async speakers(
    @Param('id', uuid) id: string,
    @Query() query: TabQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentPrincipal() who?: Principal,
  ): Promise<Page<SpeakerRow> | string> {
    const name = await this.privacy.namer(isOrganiser(who));
    const rows = (await this.queries.speakers(id, isOrganiser(who), query.ageGroup)).map((r) => ({
      ...r,
      name: name(r.name),
    }));
    if (query.format !== 'csv') return pageOfAll(rows);
    const header = ['rank', 'speaker', 'teamId', 'total', 'average', 'replyTotal'];
    return csv(
      res,
      `speaker-tab-${id}`,
      header,
      rows.map((r) => [r.rank, r.name, r.teamId, r.total, r.average, r.replyTotal]),
    );
  }

  @Get(':id/bracket')
  @ApiOperation({ summary: 'The elimination bracket: seeds, teams and their names per position, winners, champion' })
  @ApiJsonOrCsv(BracketViewDto, 'round,match,seedA,teamA,seedB,teamB,…,winner,ranking')
  async bracket(
    @Param('id', uuid) id: string,
    @Query() query: ExportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BracketView | string> {
    const bracket = await this.queries.bracket(id);
    if (query.format !== 'csv') return bracket;
    // One seed/team pair per room position: A–B for two-team formats, A–D for BP rooms.
    const positions = Math.max(2, ...bracket.rounds.flatMap((r) => r.debates.map((d) => d.teamIds.length)));
    const letters = Array.from({ length: positions }, (_, i) => String.fromCharCode(65 + i));
    const header = ['round', 'match', ...letters.flatMap((x) => [`seed${x}`, `team${x}`]), 'winner', 'ranking'];
    const rows = bracket.rounds.flatMap((r) =>
      r.debates.map((d) => [
        r.name,
        d.id,
        ...letters.flatMap((_, i) => [d.seeds[i], d.teamIds[i]]),
        d.winnerTeamId,
        d.ranking?.join(' > ') ?? '',
      ]),
    );
    return csv(res, `bracket-${id}`, header, rows);
  }

  @Get(':id/age-groups')
  @OrganiserOnly()
  @ApiOperation({ summary: "Each entered team's age group under the cup's bands (organisers; no birth dates)" })
  @ApiOkResponse({ type: TeamAgeGroupList })
  ageGroups(@Param('id', uuid) id: string): Promise<TeamAgeGroupList> {
    return this.queries.ageGroups(id);
  }

  @Get(':id/audit')
  @OrganiserOnly()
  @ApiOperation({
    summary: "Organisers' changes to results (corrections, confirmations, withdrawals), with who made them",
  })
  @ApiOkResponse({ type: pageOf(TournamentAuditEntryDto) })
  async audit(@Param('id', uuid) id: string) {
    const items = await this.queries.audit(id);
    return pageOfAll(items);
  }
}
