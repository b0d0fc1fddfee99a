import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/pagination.dto.js';
import { AGE_GROUP_PATTERN, type AgeGroup } from './age-group.js';

export class TeamMemberDto {
  @ApiProperty({ example: 'Әлия Серікқызы' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ example: '2006-05-17', description: 'ISO date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true, strictSeparator: true })
  birthDate: string;
}

export class CreateTeamDto {
  @ApiProperty({ example: 'Жас Қыран' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'south' })
  @IsString()
  @IsNotEmpty()
  regionCode: string;

  @ApiProperty({ example: 'shymkent', description: 'an oblast or city of that macro-region' })
  @IsString()
  @IsNotEmpty()
  oblastCode: string;

  @ApiProperty({ example: 'Shymkent University' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  institution: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  rural?: boolean;

  @ApiPropertyOptional({ description: 'date on which ages are taken (ISO); default today' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  eventDate?: string;

  @ApiProperty({ type: [TeamMemberDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TeamMemberDto)
  members: TeamMemberDto[];
}

export class UpdateTeamDto extends PartialType(CreateTeamDto) {
  @ApiProperty({ description: 'the version you read; a stale one is a 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class TeamQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  regionCode?: string;

  @ApiPropertyOptional({ example: '14-17', description: 'a group of the default bands (14-17, 18-24, 25-29)' })
  @IsOptional()
  @Matches(AGE_GROUP_PATTERN, { message: 'ageGroup must look like 14-17' })
  ageGroup?: AgeGroup;

  @ApiPropertyOptional({ description: 'oblast or city: code, ISO/KATO code, or a kk/ru/en name or alias' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  oblastCode?: string;

  @ApiPropertyOptional({ description: 'part of the team name, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export interface TeamView {
  id: string;
  name: string;
  regionCode: string;
  oblastCode: string;
  institution: string;
  rural: boolean;
  /** Under the default bands; null when the oldest member is past them (30–35). */
  ageGroup: AgeGroup | null;
  eventDate: string;
  members: { id: string; fullName: string; birthDate: string; position: number }[];
  version: number;
  createdAt: string;
}
