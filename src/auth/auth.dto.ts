import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ORGANISER_ROLES, type OrganiserRole } from './organiser-only.decorator.js';

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

export class LoginResult {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ enum: ['organiser', 'judge'] })
  role: 'organiser' | 'judge';

  @ApiPropertyOptional({ enum: ORGANISER_ROLES, description: "an organiser's account role" })
  organiserRole?: OrganiserRole;

  @ApiPropertyOptional()
  judgeId?: string;

  @ApiProperty({ description: 'seconds until the token expires; a judge tablet renews with its link token' })
  expiresIn: number;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 8, maxLength: 200 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  newPassword: string;
}

export class CreateOrganiserDto {
  @ApiProperty({ example: 'desk-aigerim', description: 'letters, digits, ".", "_" or "-"; 2–50 characters' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{2,50}$/, { message: 'username must be 2–50 letters, digits, ".", "_" or "-"' })
  username: string;

  @ApiProperty({ enum: ORGANISER_ROLES })
  @IsIn(ORGANISER_ROLES)
  role: OrganiserRole;

  @ApiPropertyOptional({ minLength: 8, description: 'omit to have one generated and returned once' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;
}

export class OrganiserView {
  @ApiProperty()
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty({ enum: ORGANISER_ROLES })
  role: OrganiserRole;

  @ApiProperty()
  active: boolean;

  @ApiProperty()
  createdAt: string;
}

export class CreatedOrganiserView extends OrganiserView {
  @ApiPropertyOptional({ description: 'the generated password, shown once (absent when you chose one)' })
  password?: string;
}

export class OrganiserPage {
  @ApiProperty({ type: [OrganiserView] })
  items: OrganiserView[];

  @ApiProperty()
  total: number;
}
