import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  async get(): Promise<PrivacySettingsView> {
    return { publicNames: await this.privacy.publicNames() };
  }

  @Put()
  async set(@Body() dto: PrivacySettingsDto): Promise<PrivacySettingsView> {
    return { publicNames: await this.privacy.setPublicNames(dto.publicNames) };
  }
}
