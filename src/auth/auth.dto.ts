import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

export class OrganiserLoginDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class JudgeLoginDto {
  @ApiPropertyOptional({ description: 'the short code shown once when the judge was created, e.g. K7QF-29XM-4RTP' })
  @ValidateIf((dto: JudgeLoginDto) => dto.token === undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  accessCode?: string;

  @ApiPropertyOptional({ description: 'the token of the private link /judge/<token>' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  token?: string;
}

export interface LoginResult {
  accessToken: string;
  role: 'organiser' | 'judge';
  judgeId?: string;
}
