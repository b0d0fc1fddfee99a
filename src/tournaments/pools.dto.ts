import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class CheckInDto {
  @ApiPropertyOptional({ type: [String], description: 'entered teams to mark' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  teamIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'adjudicators of the pool to mark' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  judgeIds?: string[];

  @ApiPropertyOptional({ default: true, description: 'true checks them in, false checks them out' })
  @IsOptional()
  @IsBoolean()
  available?: boolean;
}

export class RemovedView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'always true: the entry is gone' }) removed: boolean;
}

export class PoolAdjudicatorView {
  @ApiProperty() judgeId: string;
  @ApiProperty() name: string;
  @ApiProperty() institution: string;
  @ApiProperty() strength: number;
  @ApiProperty({ description: 'false: deactivated, kept for history, never allocated again' }) active: boolean;
  @ApiProperty({ description: 'panels this judge sat on in this tournament (drafts included)' }) panels: number;
}

export class PoolAdjudicatorPage {
  @ApiProperty({ type: [PoolAdjudicatorView] }) items: PoolAdjudicatorView[];
  @ApiProperty() total: number;
}

export class AvailabilityItemView {
  @ApiProperty({ enum: ['team', 'judge'] }) kind: 'team' | 'judge';
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'false: a deactivated judge (or withdrawn team), never drawn' }) active: boolean;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'the desk’s mark for this round; null when not marked',
  })
  checkedIn: boolean | null;
  @ApiProperty({ description: 'whether the draw (teams) or the allocation (judges) of this round uses them' })
  available: boolean;
}

export class AvailabilityView {
  @ApiProperty() roundSeq: number;
  @ApiProperty({
    description:
      'true once a team is checked in for this round: then only teams checked in are drawn; until then every active team is, except those checked out',
  })
  teamCheckInInUse: boolean;
  @ApiProperty({
    description:
      'true once a judge is checked in for this round: then only judges checked in are allocated; until then every active judge is, except those checked out',
  })
  judgeCheckInInUse: boolean;
  @ApiProperty({ type: [AvailabilityItemView], description: 'teams first (entry order), then judges (by name)' })
  items: AvailabilityItemView[];
  @ApiProperty() total: number;
}
