import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../common/pagination.dto.js';

export class CreateJudgeDto {
  @ApiProperty({ example: 'Нұрлан Әбдіков' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ example: 'north' })
  @IsString()
  @IsNotEmpty()
  regionCode: string;

  @ApiProperty({ example: 'Pavlodar State University' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  institution: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10, default: 5, description: 'adjudication rating for allocation' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10)
  strength?: number;
}

export class UpdateJudgeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  regionCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  institution?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10)
  strength?: number;

  @ApiProperty({ description: 'the version you read; a stale one is a 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class JudgeConflictDto {
  @ApiProperty()
  @IsUUID()
  teamId: string;

  @ApiPropertyOptional({ description: 'why, e.g. "coached this team"' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  note?: string;
}

export class JudgeJudgeConflictDto {
  @ApiProperty({ description: 'the other judge' })
  @IsUUID()
  judgeId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  note?: string;
}

export class JudgeQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  regionCode?: string;
}

export interface JudgeView {
  id: string;
  fullName: string;
  regionCode: string;
  institution: string;
  strength: number;
  conflicts: { teamId: string; note: string | null }[];
  judgeConflicts: string[];
  version: number;
}

export interface CreatedJudgeView extends JudgeView {
  /** Shown once; only hashes are stored. */
  accessCode: string;
  link: string;
}

export interface TeamConflict {
  judgeId: string;
  teamId: string;
  reason: 'declared' | 'same-institution' | 'mentor';
}
