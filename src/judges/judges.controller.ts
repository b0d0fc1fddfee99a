import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { pageOf } from '../common/api-docs.js';
import { CreatedJudgeViewDto, JudgeImportResultDto, JudgeViewDto } from './judge-responses.dto.js';
import type { Request, Response } from 'express';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { toCsv } from '../common/csv.js';
import { ImportQuery, ImportReport, readCsvBody } from '../common/csv-import.js';
import type { Page } from '../common/pagination.dto.js';
import { JudgeImportService, type JudgeImportResult } from './judge-import.service.js';
import {
  CreatedJudgeView,
  CreateJudgeDto,
  CredentialAuditView,
  CredentialReasonDto,
  JudgeConflictDto,
  JudgeCredentialsView,
  JudgeJudgeConflictDto,
  JudgeLinksDto,
  JudgeQuery,
  JudgeView,
  UpdateJudgeDto,
} from './judge.dto.js';
import { JudgesService } from './judges.service.js';

/**
 * Judges' names and institutions are for organisers; the audience sees them only on a released draw.
 * Registration is the desk's (and admin's); re-issuing and revoking credentials also the tab's, on the day.
 */
@ApiTags('judges')
@Controller('judges')
@OrganiserOnly()
export class JudgesController {
  constructor(
    private readonly judges: JudgesService,
    private readonly importer: JudgeImportService,
  ) {}

  @Post()
  @OrganiserOnly('desk')
  @ApiOperation({ summary: 'Register a judge: the access code and private link are returned once' })
  @ApiCreatedResponse({ type: CreatedJudgeViewDto })
  create(@Body() dto: CreateJudgeDto): Promise<CreatedJudgeView> {
    return this.judges.create(dto);
  }

  @Post('import')
  @OrganiserOnly('desk')
  @ApiOperation({
    summary:
      'Import judges from CSV (fullName, regionCode, institution, strength): all rows or none; ?dryRun=true reports',
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'fullName;regionCode;institution;strength\nНұрлан Әбдіков;north;ПГУ;7' },
  })
  @ApiOkResponse({ type: ImportReport, description: 'a dry run: the report, nothing written' })
  @ApiCreatedResponse({ type: JudgeImportResultDto, description: 'every row imported, with codes and links once' })
  async import(
    @Req() req: Request,
    @Query() query: ImportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<JudgeImportResult> {
    const dryRun = query.dryRun === 'true';
    const result = await this.importer.import(await readCsvBody(req), dryRun);
    // A dry run creates nothing: 200, not 201.
    if (dryRun) res.status(200);
    return result;
  }

  @Post('links.csv')
  @OrganiserOnly('desk', 'tab')
  @HttpCode(200)
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'fullName,regionCode,institution,accessCode,link (UTF-8 with a BOM)',
    schema: { type: 'string', example: 'fullName,regionCode,institution,accessCode,link' },
  })
  @ApiOperation({
    summary:
      'RE-ISSUES the access codes and links of the given judges (old ones stop working; audited) and returns them as a CSV to print',
  })
  async links(
    @Body() dto: JudgeLinksDto,
    @CurrentPrincipal() who: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const issued = await this.judges.reissue(dto.judgeIds, who, dto.reason ?? 'links sheet');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="judge-links.csv"');
    res.setHeader('Cache-Control', 'no-store');
    return toCsv(
      ['fullName', 'regionCode', 'institution', 'accessCode', 'link'],
      issued.map((j) => [j.fullName, j.regionCode, j.institution, j.accessCode, j.link]),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Judges, by region' })
  @ApiOkResponse({ type: pageOf(JudgeViewDto) })
  list(@Query() query: JudgeQuery): Promise<Page<JudgeView>> {
    return this.judges.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One judge with conflicts' })
  @ApiOkResponse({ type: JudgeViewDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<JudgeView> {
    return this.judges.get(id);
  }

  @Patch(':id')
  @OrganiserOnly('desk')
  @ApiOperation({ summary: 'Change a judge (version required)' })
  @ApiOkResponse({ type: JudgeViewDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateJudgeDto): Promise<JudgeView> {
    return this.judges.update(id, dto);
  }

  @Post(':id/judge-conflicts')
  @OrganiserOnly('desk')
  @ApiOperation({ summary: 'Keep two judges off one panel' })
  @ApiCreatedResponse({ type: JudgeViewDto })
  addJudgeConflict(@Param('id', ParseUUIDPipe) id: string, @Body() dto: JudgeJudgeConflictDto): Promise<JudgeView> {
    return this.judges.addJudgeConflict(id, dto);
  }

  @Post(':id/conflicts')
  @OrganiserOnly('desk')
  @ApiOperation({ summary: 'Declare a conflict between the judge and a team' })
  @ApiCreatedResponse({ type: JudgeViewDto })
  addConflict(@Param('id', ParseUUIDPipe) id: string, @Body() dto: JudgeConflictDto): Promise<JudgeView> {
    return this.judges.addConflict(id, dto);
  }

  @Post(':id/credentials')
  @OrganiserOnly('desk', 'tab')
  @ApiOperation({
    summary: "Re-issue a judge's access code and link: the old ones and their tokens stop working at once",
  })
  @ApiCreatedResponse({ type: JudgeCredentialsView })
  async reissue(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CredentialReasonDto,
    @CurrentPrincipal() who: Principal,
  ): Promise<JudgeCredentialsView> {
    const [issued] = await this.judges.reissue([id], who, dto.reason ?? null);
    return issued;
  }

  @Post(':id/revoke')
  @OrganiserOnly('desk', 'tab')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a judge: sign-in and every token refused at once, until credentials are re-issued' })
  @ApiOkResponse({ type: JudgeViewDto })
  revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CredentialReasonDto,
    @CurrentPrincipal() who: Principal,
  ): Promise<JudgeView> {
    return this.judges.revoke(id, who, dto.reason ?? null);
  }

  @Get(':id/credentials/audit')
  @ApiOperation({ summary: "Who re-issued or revoked this judge's credentials, and when" })
  @ApiOkResponse({ type: pageOf(CredentialAuditView) })
  credentialAudit(@Param('id', ParseUUIDPipe) id: string): Promise<Page<CredentialAuditView>> {
    return this.judges.credentialAudit(id);
  }
}
