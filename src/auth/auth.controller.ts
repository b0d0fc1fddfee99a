import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { JudgeLoginDto, LoginResult, OrganiserLoginDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { Public } from './roles.decorator.js';

@ApiTags('auth')
@Controller('auth')
@Public()
@UseInterceptors(LoginThrottle)
@ApiTooManyRequestsResponse({ description: 'too many failed sign-ins for this account or address; see Retry-After' })
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
