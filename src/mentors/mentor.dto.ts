import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../common/pagination.dto.js';

export class CreateMentorDto {
  @ApiProperty({ example: 'Гүлнар Әбенова' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ example: 'south' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  regionCode: string;

  @ApiPropertyOptional({ description: 'the judge record of a mentor who also sits on juries' })
  @IsOptional()
  @IsUUID()
  judgeId?: string;
}

export class MentorTeamDto {
  @ApiProperty()
  @IsUUID()
  teamId: string;
}

export class MentorQuery extends PageQuery {
  @ApiPropertyOptional({ description: "part of the mentor's name, any case" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  regionCode?: string;
}

export class MentoredTeamView {
  @ApiProperty() teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() oblastCode: string;
}

export class MentorView {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ type: String, nullable: true }) judgeId: string | null;
  @ApiProperty({ type: [MentoredTeamView], description: 'every team the mentor mentors, across championships' })
  teams: MentoredTeamView[];
}

export class MentorPage {
  @ApiProperty({ type: [MentorView] }) items: MentorView[];
  @ApiProperty() total: number;
}
