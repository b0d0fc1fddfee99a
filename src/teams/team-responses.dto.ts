// Response DTOs of the team routes; each `implements` its view, so an undocumented new field fails the typecheck.
import { ApiProperty } from '@nestjs/swagger';
import { ImportReport } from '../common/csv-import.js';
import { AGE_GROUPS } from './age-group.js';
import type { TeamImportResult } from './team-import.service.js';
import type { TeamView } from './team.dto.js';

export class TeamMemberViewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ required: false, description: 'organisers only' }) fullName!: string;
  @ApiProperty({ required: false, description: 'organisers only' }) birthDate!: string;
  @ApiProperty({ description: 'speaking order in the team, from 1' }) position!: number;
}

/** A team as organisers see it; the audience gets members as `{ id, position }` only (minors). */
export class TeamViewDto implements TeamView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'south' }) regionCode!: string;
  @ApiProperty({ example: 'turkistan' }) oblastCode!: string;
  @ApiProperty() institution!: string;
  @ApiProperty() rural!: boolean;
  @ApiProperty({ enum: AGE_GROUPS }) ageGroup!: TeamView['ageGroup'];
  @ApiProperty({ description: 'the date ages are taken on' }) eventDate!: string;
  @ApiProperty({
    type: [TeamMemberViewDto],
    description: 'public callers: `{ id, position }` only, no names or birth dates',
  })
  members!: TeamMemberViewDto[];
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
}

export class TeamImportResultDto extends ImportReport implements TeamImportResult {
  @ApiProperty({ type: [TeamViewDto], description: 'a real run: the teams created' }) items!: TeamViewDto[];
}
