import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class SetMotionDto {
  @ApiProperty({
    example: 'Бұл палата 16 жастан сайлауға құқық берер еді',
    description: "plain text, in the league's language",
  })
  @IsString()
  @MaxLength(1000)
  @Matches(/\S/, { message: 'motion must not be blank' })
  motion: string;

  @ApiPropertyOptional({
    description: 'text shown before the motion (context the debaters need); an empty string removes it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  infoSlide?: string;

  @ApiPropertyOptional({
    description: 'change a motion that is already released (it may have been read out); audited',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class RoundMotionDto {
  @ApiProperty() roundSeq!: number;
  @ApiProperty({ type: String, nullable: true, example: 'Round 2', description: 'Round N, or the bracket round' })
  roundName!: string | null;
  @ApiProperty({ enum: ['prelim', 'elim'] }) roundKind!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: not set yet (organisers only see such rows)' })
  motion!: string | null;
  @ApiProperty({ type: String, nullable: true }) infoSlide!: string | null;
  @ApiProperty({ description: 'the public sees released motions only' }) released!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) releasedAt!: string | null;
}

export class MotionListDto {
  @ApiProperty({ type: [RoundMotionDto], description: 'by round, first round first' }) items!: RoundMotionDto[];
  @ApiProperty() total!: number;
}
