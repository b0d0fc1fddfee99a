import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/pagination.dto.js';
import { AGE_GROUP_PATTERN, type AgeGroup } from '../teams/age-group.js';
import { AgeBandDto, AgeBandsField, AgeReferenceDateField } from '../teams/age-band.dto.js';

export class CriterionNamesDto {
  @ApiProperty({ example: 'Талдаудың тереңдігі' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  kk: string;

  @ApiProperty({ example: 'Глубина анализа' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  ru: string;

  @ApiProperty({ example: 'Depth of analysis' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  en: string;
}

export class CriterionDto {
  @ApiProperty({ example: 'analysis' })
  @IsString()
  @Matches(/^[a-z][a-zA-Z0-9_-]{0,39}$/, {
    message: 'key must be 1–40 letters, digits, - or _, starting with a lowercase letter',
  })
  key: string;

  @ApiProperty({ example: 'Depth of analysis' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 25, description: 'relative weight (> 0)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(1000)
  weight: number;

  @ApiProperty({ example: 10 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(1000)
  maxScore: number;

  @ApiPropertyOptional({
    type: () => CriterionNamesDto,
    description:
      "the name in Kazakh, Russian and English, for juries' tablets and boards; default: `name` for all three",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CriterionNamesDto)
  names?: CriterionNamesDto;
}

export class QuotaSettingsDto {
  @ApiPropertyOptional({ description: 'at least this many rural teams among the qualifiers (when that many entered)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(256)
  minRural?: number;

  @ApiPropertyOptional({ description: 'at least one qualifier from every oblast with an entrant' })
  @IsOptional()
  @IsBoolean()
  everyOblast?: boolean;
}

export class ScoringOptionsDto {
  @ApiPropertyOptional({
    enum: ['z-scores', 'ranks'],
    default: 'z-scores',
    description: 'how qualifying rooms with their own juries are compared: per-juror z-scores, or per-juror ranks',
  })
  @IsOptional()
  @IsIn(['z-scores', 'ranks'])
  roomNormalisation?: 'z-scores' | 'ranks';

  @ApiPropertyOptional({ type: QuotaSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuotaSettingsDto)
  quotas?: QuotaSettingsDto;

  @ApiPropertyOptional({ default: false, description: 'drop highest and lowest judge totals when ≥ 5 judges' })
  @IsOptional()
  @IsBoolean()
  dropHighLow?: boolean;

  @ApiPropertyOptional({ default: false, description: 'z-score normalisation per judge' })
  @IsOptional()
  @IsBoolean()
  normaliseJudges?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'criteria keys that break ties, in order (default: by weight)' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  tieBreakCriteria?: string[];
}

export class CreateCaseChampionshipDto {
  @ApiProperty({ example: 'Жастар мәселесі жастар көзімен — Оңтүстік' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: 'south' })
  @IsString()
  @IsNotEmpty()
  regionCode: string;

  @ApiPropertyOptional({ example: '14-17', description: 'only teams of this group may enter; one of ageBands' })
  @IsOptional()
  @Matches(AGE_GROUP_PATTERN, { message: 'ageGroup must look like 14-17' })
  ageGroup?: AgeGroup;

  @AgeBandsField()
  ageBands?: AgeBandDto[];

  @AgeReferenceDateField()
  ageReferenceDate?: string;

  @ApiProperty({ example: 4, description: 'how many teams earn a place (жолдама) in the regional debate tournament' })
  @IsInt()
  @Min(1)
  @Max(256)
  qualifierSlots: number;

  @ApiPropertyOptional({ type: [CriterionDto], description: 'default rubric when omitted' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria?: CriterionDto[];

  @ApiPropertyOptional({ type: ScoringOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScoringOptionsDto)
  options?: ScoringOptionsDto;
}

export class UpdateScoringOptionsDto extends ScoringOptionsDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class CaseEntryDto {
  @ApiProperty()
  @IsUUID()
  teamId: string;
}

export class CaseJuryDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  judgeIds: string[];
}

export class ScoresheetDto {
  @ApiProperty({ example: { relevance: 8, analysis: 7.5, feasibility: 9, innovation: 6, presentation: 8 } })
  @IsObject()
  scores: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({ description: 'the version of your sheet you are replacing; a stale one is a 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CaseChampionshipQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  regionCode?: string;

  @ApiPropertyOptional({ enum: ['draft', 'scoring', 'finalised'] })
  @IsOptional()
  @IsIn(['draft', 'scoring', 'finalised'])
  status?: 'draft' | 'scoring' | 'finalised';
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['csv', 'json'], default: 'json' })
  @IsOptional()
  @IsIn(['csv', 'json'])
  format?: 'csv' | 'json';
}
