import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';
import { ExportQuery } from '../case-championships/case-championship.dto.js';
import { AgeBandDto, AgeBandsField, AgeReferenceDateField } from '../teams/age-band.dto.js';
import { AGE_GROUP_PATTERN } from '../teams/age-group.js';

/** A tab's query: CSV or JSON, and optionally only the teams of one age group. */
export class TabQuery extends ExportQuery {
  @ApiPropertyOptional({ example: '14-17', description: "only teams of this age group (one of the cup's bands)" })
  @IsOptional()
  @Matches(AGE_GROUP_PATTERN, { message: 'ageGroup must look like 14-17' })
  ageGroup?: string;
}

export class TeamAgeGroupRow {
  @ApiProperty() teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty() regionCode: string;

  @ApiProperty({ type: String, nullable: true, example: '18-24', description: 'null: see `note`' })
  ageGroup: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['birth-date-unknown', 'outside-bands', 'no-members'],
    description: 'why a team has no group',
  })
  note: 'birth-date-unknown' | 'outside-bands' | 'no-members' | null;
}

/** Organisers only: every entered team's age group, never a birth date or an age. */
export class TeamAgeGroupList {
  @ApiProperty({ type: [TeamAgeGroupRow] }) items: TeamAgeGroupRow[];
  @ApiProperty() total: number;
  @ApiProperty({ type: [AgeBandDto] }) ageBands: AgeBandDto[];
  @ApiProperty({ example: '2026-03-01', description: 'the date ages are taken on' }) referenceDate: string;
}

/** A cup's age groups changed: new bands, a new reference date, or both; `version` as read. */
export class UpdateCupAgeGroupsDto {
  @AgeBandsField()
  ageBands?: AgeBandDto[];

  @AgeReferenceDateField()
  ageReferenceDate?: string;

  @ApiProperty({ description: "the cup's version you read; a stale one is a 409" })
  @IsInt()
  @Min(1)
  version: number;
}

export class CupAgeGroupsView {
  @ApiProperty() cupId: string;
  @ApiProperty({ type: [AgeBandDto] }) ageBands: AgeBandDto[];
  @ApiProperty({ example: '2026-03-01' }) ageReferenceDate: string;
  @ApiProperty() version: number;
}
