import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { JudgeLoginDto, LoginResult, OrganiserLoginDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { Public } from './roles.decorator.js';

@ApiTags('auth')
@Controller('auth')
@Public()
@UseGuards(ThrottlerGuard)
@ApiTooManyRequestsResponse({ description: 'too many sign-in attempts; wait a minute' })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  login(@Body() dto: OrganiserLoginDto): Promise<LoginResult> {
    return this.auth.loginOrganiser(dto);
  }

  @Post('judge')
  @HttpCode(200)
  judge(@Body() dto: JudgeLoginDto): Promise<LoginResult> {
    return this.auth.loginJudge(dto);
  }
}
