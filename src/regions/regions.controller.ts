import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '../common/pagination.dto.js';
import { RegionsService, RegionView } from './regions.service.js';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  list(): Promise<Page<RegionView>> {
    return this.regions.list();
  }

  @Get(':code')
  get(@Param('code') code: string): Promise<RegionView> {
    return this.regions.get(code);
  }
}
