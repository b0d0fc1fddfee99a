import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export class FinaliseDto {
  @ApiPropertyOptional({
    description: 'finalise although a juror has not scored every team assigned to them (audited); default false',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({ description: 'why, kept in the audit of a forced finalise' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class UnscoredTeamDto {
  @ApiProperty() teamId!: string;
  @ApiProperty() teamName!: string;
}

export class UnscoredByJurorDto {
  @ApiProperty() judgeId!: string;
  @ApiProperty() judgeName!: string;
  @ApiProperty({ type: [UnscoredTeamDto], description: 'teams assigned to the juror with no sheet from them' })
  teams!: UnscoredTeamDto[];
}

export class ChampionshipAuditEntryDto {
  @ApiProperty({ example: 'finalise-forced' }) action!: string;
  @ApiProperty({ example: 'organiser:6f1c…', description: '`organiser:<id>`' }) actor!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: [UnscoredByJurorDto], description: 'what the forced finalise left unscored' })
  unscored!: UnscoredByJurorDto[];
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ChampionshipAuditDto {
  @ApiProperty({ type: [ChampionshipAuditEntryDto], description: 'oldest first' }) items!: ChampionshipAuditEntryDto[];
  @ApiProperty() total!: number;
}
