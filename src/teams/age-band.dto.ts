import { ApiProperty } from '@nestjs/swagger';
import { IsInt } from 'class-validator';

/** One age band, both ends included; ordering, overlap and range are checked by `ageBandProblems`. */
export class AgeBandDto {
  @ApiProperty({ example: 14 })
  @IsInt()
  from: number;

  @ApiProperty({ example: 17 })
  @IsInt()
  to: number;
}
