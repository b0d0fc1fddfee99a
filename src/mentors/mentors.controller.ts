import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';
import { CreateMentorDto, MentorPage, MentorQuery, MentorTeamDto, MentorView } from './mentor.dto.js';
import { MentorsService } from './mentors.service.js';

const uuid = new ParseUUIDPipe();

/** Mentors are adults of the programme's pool; registered at the desk (or by the tab). */
@ApiTags('mentors')
@Controller('mentors')
@OrganiserOnly('desk', 'tab')
export class MentorsController {
  constructor(private readonly mentors: MentorsService) {}

  @Post()
  @ApiOperation({ summary: 'Register a mentor (link the judge record when the mentor also judges)' })
  @ApiCreatedResponse({ type: MentorView })
  create(@Body() dto: CreateMentorDto): Promise<MentorView> {
    return this.mentors.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Mentors, searchable by name, each with the teams they mentor' })
  @ApiOkResponse({ type: MentorPage })
  list(@Query() query: MentorQuery): Promise<MentorPage> {
    return this.mentors.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One mentor and every team they mentor' })
  @ApiOkResponse({ type: MentorView })
  get(@Param('id', uuid) id: string): Promise<MentorView> {
    return this.mentors.get(id);
  }

  @Post(':id/teams')
  @ApiOperation({ summary: "Record this mentor as the team's mentor" })
  @ApiCreatedResponse({ type: MentorView })
  assign(@Param('id', uuid) id: string, @Body() dto: MentorTeamDto): Promise<MentorView> {
    return this.mentors.assign(id, dto.teamId);
  }

  @Delete(':id/teams/:teamId')
  @ApiOperation({ summary: 'Remove the team from this mentor' })
  @ApiOkResponse({ type: MentorView })
  unassign(@Param('id', uuid) id: string, @Param('teamId', uuid) teamId: string): Promise<MentorView> {
    return this.mentors.unassign(id, teamId);
  }
}
