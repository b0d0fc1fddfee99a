import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
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
  /** Revoked by the organisers: no sign-in until credentials are re-issued. */
  revoked: boolean;
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

export class CredentialReasonDto {
  @ApiPropertyOptional({ description: 'why, for the audit: "lost the code", "tablet stolen", …' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reason?: string;
}

export class JudgeLinksDto extends CredentialReasonDto {
  @ApiProperty({ description: 'the judges to print: their codes and links are RE-ISSUED (the old ones stop working)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  judgeIds: string[];
}

export class JudgeCredentialsView {
  @ApiProperty()
  judgeId: string;

  @ApiProperty()
  fullName: string;

  @ApiProperty()
  regionCode: string;

  @ApiProperty()
  institution: string;

  @ApiProperty({ description: 'shown once; only hashes are stored' })
  accessCode: string;

  @ApiProperty({ description: 'the private link /judge/<token>, shown once' })
  link: string;
}

export class CredentialAuditView {
  @ApiProperty({ enum: ['reissued', 'revoked'] })
  action: 'reissued' | 'revoked';

  @ApiProperty()
  organiserId: string;

  @ApiProperty({ type: String, nullable: true, description: "the organiser's username (null: account gone)" })
  organiserName: string | null;

  @ApiProperty({ nullable: true, type: String })
  reason: string | null;

  @ApiProperty()
  at: string;
}
