import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ChangePasswordDto, JudgeLoginDto, LoginResult, OrganiserLoginDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { OrganiserOnly } from './organiser-only.decorator.js';
import { CurrentPrincipal, type Principal } from './principal.js';
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
  @ApiOperation({ summary: 'Organiser sign-in: a bearer token with the account’s role' })
  @ApiOkResponse({ type: LoginResult })
  login(@Body() dto: OrganiserLoginDto): Promise<LoginResult> {
    return this.auth.loginOrganiser(dto);
  }

  @Post('judge')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Judge sign-in with the access code, or with the private link token — also how a tablet renews an expired token',
  })
  @ApiOkResponse({ type: LoginResult })
  judge(@Body() dto: JudgeLoginDto): Promise<LoginResult> {
    return this.auth.loginJudge(dto);
  }

  @Post('password')
  @HttpCode(200)
  @OrganiserOnly()
  @ApiOperation({ summary: "Change your own password; the account's other tokens stop working, a new one is returned" })
  @ApiOkResponse({ type: LoginResult })
  changePassword(@CurrentPrincipal() who: Principal, @Body() dto: ChangePasswordDto): Promise<LoginResult> {
    return this.auth.changePassword(who, dto);
  }
}
