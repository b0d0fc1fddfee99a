import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

export class PlanRoomsDto {
  @ApiProperty({ example: 10, description: 'the most teams a room takes; rooms come out as even as possible' })
  @IsInt()
  @Min(2)
  @Max(100)
  roomSize: number;

  @ApiProperty({ example: 3, description: 'jurors per room (the programme uses 3–5)' })
  @IsInt()
  @Min(1)
  @Max(9)
  panelSize: number;

  @ApiPropertyOptional({ description: 'makes the plan reproducible; default: a fresh one' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  seed?: string;

  @ApiPropertyOptional({ example: '2026-12-05T05:00:00Z', description: 'first presentation in every room' })
  @IsOptional()
  @IsISO8601({ strict: true })
  firstSlotAt?: string;

  @ApiPropertyOptional({ default: 15, description: 'minutes per team (presentation and questions)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  slotMinutes?: number;
}

export class MoveInRoomsDto {
  @ApiPropertyOptional({ description: 'the team to move (give teamId or judgeId)' })
  @ValidateIf((o: MoveInRoomsDto) => o.judgeId === undefined)
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ description: 'the juror to move (give teamId or judgeId)' })
  @ValidateIf((o: MoveInRoomsDto) => o.teamId === undefined)
  @IsUUID()
  judgeId?: string;

  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  @Max(10000)
  toRoom: number;
}

export class AdvanceDto {
  @ApiProperty({ enum: ['top', 'perRoom'], description: 'top K overall, or the top N of each room plus wildcards' })
  @IsIn(['top', 'perRoom'])
  rule: 'top' | 'perRoom';

  @ApiPropertyOptional({ description: 'rule top: how many go to the final' })
  @ValidateIf((o: AdvanceDto) => o.rule === 'top')
  @IsInt()
  @Min(1)
  @Max(1000)
  count?: number;

  @ApiPropertyOptional({ description: 'rule perRoom: the best of each room who go on' })
  @ValidateIf((o: AdvanceDto) => o.rule === 'perRoom')
  @IsInt()
  @Min(1)
  @Max(100)
  perRoom?: number;

  @ApiPropertyOptional({ default: 0, description: 'rule perRoom: the best of the rest across rooms' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  wildcards?: number;

  @ApiPropertyOptional({ type: [String], description: 'the final jury; default: the whole jury pool' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  finalJudgeIds?: string[];
}

export class RoomTeamView {
  @ApiProperty() teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty() oblastCode: string;
  @ApiProperty({ description: '0-based order of presentation' }) slot: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'ISO time of the presentation, when the schedule has times',
  })
  startsAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'rank inside the room; shown once the stage is closed' })
  roomRank: number | null;
  @ApiProperty({ type: Number, nullable: true }) total: number | null;
}

export class RoomJurorView {
  @ApiProperty() judgeId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() strength: number;
}

export class RoomView {
  @ApiProperty() number: number;
  @ApiProperty({ type: [RoomTeamView] }) teams: RoomTeamView[];
  @ApiProperty({ type: [RoomJurorView], description: 'organisers only; empty on the public schedule' })
  jurors: RoomJurorView[];
}

export class RoomConflictView {
  @ApiProperty() room: number;
  @ApiProperty() judgeId: string;
  @ApiProperty() judgeName: string;
  @ApiProperty() teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ enum: ['declared', 'same-institution', 'mentor'] }) reason: string;
}

export class RoomShortfallView {
  @ApiProperty() room: number;
  @ApiProperty() missing: number;
  @ApiProperty() reason: string;
}

export class RoomDiagnosticsView {
  @ApiProperty() room: number;
  @ApiProperty() sheets: number;
  @ApiProperty() meanTotal: number;
  @ApiProperty() standardDeviation: number;
  @ApiProperty({ description: 'room mean minus the mean of every sheet: a harsh room is clearly negative' })
  deviationFromAll: number;
}

export class FinalistView {
  @ApiProperty() teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ enum: ['overall', 'roomTop', 'wildcard'] }) placedBy: string;
}

export class RoomsView {
  @ApiProperty() championshipId: string;
  @ApiProperty({ enum: ['single', 'qualifying', 'final'] }) stage: string;
  @ApiProperty({ description: 'the qualifying stage is closed: room results are public' }) resultsPublic: boolean;
  @ApiProperty({ type: [RoomView] }) rooms: RoomView[];
  @ApiProperty({ type: [RoomConflictView], description: 'organisers: jurors seated with a team they may not score' })
  conflicts: RoomConflictView[];
  @ApiProperty({ type: [RoomShortfallView] }) shortfalls: RoomShortfallView[];
  @ApiProperty({ type: [RoomDiagnosticsView], description: "organisers: each room's level and spread" })
  diagnostics: RoomDiagnosticsView[];
  @ApiProperty({ type: [FinalistView] }) finalists: FinalistView[];
}
