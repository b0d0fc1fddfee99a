import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsOptional, ValidateNested } from 'class-validator';

/** One age band, both ends included; ordering, overlap and range are checked by `ageBandProblems`. */
export class AgeBandDto {
  @ApiProperty({ example: 14 })
  @IsInt()
  from: number;

  @ApiProperty({ example: 17 })
  @IsInt()
  to: number;
}

/** `ageBands` in a cup's or a championship's body (creating it, or changing a cup's bands later). */
export const AgeBandsField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: [AgeBandDto],
      description:
        'age groups, ascending and not overlapping, within 14–35; the programme default is 14–17 / 18–24 / 25–29',
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(12),
    ValidateNested({ each: true }),
    Type(() => AgeBandDto),
  );

/** `ageReferenceDate`: the date ages are taken on. */
export const AgeReferenceDateField = () =>
  applyDecorators(
    ApiPropertyOptional({ example: '2026-03-01', description: 'date on which ages are taken; default today' }),
    IsOptional(),
    IsISO8601({ strict: true, strictSeparator: true }),
  );
