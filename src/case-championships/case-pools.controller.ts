import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';
import { CasePoolMemberView, CasePoolRemovedView } from './case-pools.dto.js';
import { CasePoolsService } from './case-pools.service.js';

const uuid = new ParseUUIDPipe();

/** The jury and the entries on the day: removal while unused, deactivation after (history kept). */
@ApiTags('case-championships')
@Controller('case-championships')
@OrganiserOnly('tab')
export class CasePoolsController {
  constructor(private readonly pools: CasePoolsService) {}

  @Delete(':id/jury/:judgeId')
  @ApiOperation({ summary: 'Remove a juror who has no scoresheet (else 409 JUROR_IN_USE)' })
  @ApiOkResponse({ type: CasePoolRemovedView })
  removeJuror(@Param('id', uuid) id: string, @Param('judgeId', uuid) judgeId: string): Promise<CasePoolRemovedView> {
    return this.pools.removeJuror(id, judgeId);
  }

  @Post(':id/jury/:judgeId/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a juror: sheets kept, no more scoring, off their room' })
  @ApiOkResponse({ type: CasePoolMemberView })
  deactivateJuror(@Param('id', uuid) id: string, @Param('judgeId', uuid) judgeId: string) {
    return this.pools.setJurorActive(id, judgeId, false);
  }

  @Post(':id/jury/:judgeId/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate a deactivated juror again' })
  @ApiOkResponse({ type: CasePoolMemberView })
  activateJuror(@Param('id', uuid) id: string, @Param('judgeId', uuid) judgeId: string) {
    return this.pools.setJurorActive(id, judgeId, true);
  }

  @Delete(':id/entries/:teamId')
  @ApiOperation({ summary: 'Remove a team no sheet scores yet (else 409 ENTRY_IN_USE)' })
  @ApiOkResponse({ type: CasePoolRemovedView })
  removeEntry(@Param('id', uuid) id: string, @Param('teamId', uuid) teamId: string): Promise<CasePoolRemovedView> {
    return this.pools.removeEntry(id, teamId);
  }

  @Post(':id/entries/:teamId/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a team: sheets kept, left out of rooms, scoring and the standings' })
  @ApiOkResponse({ type: CasePoolMemberView })
  deactivateEntry(@Param('id', uuid) id: string, @Param('teamId', uuid) teamId: string) {
    return this.pools.setEntryActive(id, teamId, false);
  }

  @Post(':id/entries/:teamId/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate a deactivated team again' })
  @ApiOkResponse({ type: CasePoolMemberView })
  activateEntry(@Param('id', uuid) id: string, @Param('teamId', uuid) teamId: string) {
    return this.pools.setEntryActive(id, teamId, true);
  }
}
