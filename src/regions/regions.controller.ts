import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { pageOf } from '../common/api-docs.js';
import { RegionViewDto } from './region-responses.dto.js';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Page } from '../common/pagination.dto.js';
import { RegionsService, RegionView } from './regions.service.js';

export class RegionQuery {
  @ApiPropertyOptional({
    description: 'part of an oblast or city name (kk/ru/en or alias, e.g. «Абайская»), or its code/ISO/KATO',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOperation({
    summary: 'Macro-regions with their oblasts and cities (ISO 3166-2 and KATO codes); ?search= filters units',
  })
  @ApiOkResponse({ type: pageOf(RegionViewDto) })
  list(@Query() query: RegionQuery): Promise<Page<RegionView>> {
    return this.regions.list(query.search);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One macro-region with its oblasts and cities' })
  @ApiOkResponse({ type: RegionViewDto })
  get(@Param('code') code: string): Promise<RegionView> {
    return this.regions.get(code);
  }
}
