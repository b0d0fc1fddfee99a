import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { PrivacySettingsDto, PrivacySettingsView } from './privacy.dto.js';
import { PrivacyService } from './privacy.service.js';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings/privacy')
@Roles('organiser')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get()
  @ApiOperation({ summary: 'How names appear on public routes: full names or initials' })
  @ApiOkResponse({ type: PrivacySettingsView })
  async get(): Promise<PrivacySettingsView> {
    return { publicNames: await this.privacy.publicNames() };
  }

  @Put()
  @ApiOperation({ summary: 'Choose full names or initials on public routes (server-wide)' })
  @ApiOkResponse({ type: PrivacySettingsView })
  async set(@Body() dto: PrivacySettingsDto): Promise<PrivacySettingsView> {
    return { publicNames: await this.privacy.setPublicNames(dto.publicNames) };
  }
}
