import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '../common/pagination.dto.js';
import {
  CreatedJudgeView,
  CreateJudgeDto,
  JudgeConflictDto,
  JudgeJudgeConflictDto,
  JudgeQuery,
  JudgeView,
  UpdateJudgeDto,
} from './judge.dto.js';
import { JudgesService } from './judges.service.js';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';

/** Judges' names and institutions are for organisers; the audience sees them only on a released draw. */
@ApiTags('judges')
@Controller('judges')
@OrganiserOnly()
export class JudgesController {
  constructor(private readonly judges: JudgesService) {}

  @Post()
  create(@Body() dto: CreateJudgeDto): Promise<CreatedJudgeView> {
    return this.judges.create(dto);
  }

  @Get()
  list(@Query() query: JudgeQuery): Promise<Page<JudgeView>> {
    return this.judges.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<JudgeView> {
    return this.judges.get(id);
  }

  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateJudgeDto): Promise<JudgeView> {
    return this.judges.update(id, dto);
  }

  @Post(':id/judge-conflicts')
  addJudgeConflict(@Param('id', ParseUUIDPipe) id: string, @Body() dto: JudgeJudgeConflictDto): Promise<JudgeView> {
    return this.judges.addJudgeConflict(id, dto);
  }

  @Post(':id/conflicts')
  addConflict(@Param('id', ParseUUIDPipe) id: string, @Body() dto: JudgeConflictDto): Promise<JudgeView> {
    return this.judges.addConflict(id, dto);
  }
}
