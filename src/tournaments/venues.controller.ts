import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganiserOnly } from '../auth/organiser-only.decorator.js';
import { CreateVenueDto, UpdateVenueDto, VenuePage, VenueRemovedView, VenueView } from './venues.dto.js';
import { VenuesService } from './venues.service.js';

const uuid = new ParseUUIDPipe();

@ApiTags('tournaments')
@Controller('tournaments')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Get(':id/venues')
  @ApiOperation({ summary: "The tournament's venues, highest priority first" })
  @ApiOkResponse({ type: VenuePage })
  list(@Param('id', uuid) id: string): Promise<VenuePage> {
    return this.venues.list(id);
  }

  @Post(':id/venues')
  @OrganiserOnly('tab')
  @ApiOperation({ summary: 'Add a named venue with a priority (higher = given to the top brackets)' })
  @ApiCreatedResponse({ type: VenueView })
  create(@Param('id', uuid) id: string, @Body() dto: CreateVenueDto): Promise<VenueView> {
    return this.venues.create(id, dto);
  }

  @Patch(':id/venues/:venueId')
  @OrganiserOnly('tab')
  @ApiOperation({ summary: 'Rename a venue, change its priority, or (de)activate it for later draws' })
  @ApiOkResponse({ type: VenueView })
  update(
    @Param('id', uuid) id: string,
    @Param('venueId', uuid) venueId: string,
    @Body() dto: UpdateVenueDto,
  ): Promise<VenueView> {
    return this.venues.update(id, venueId, dto);
  }

  @Delete(':id/venues/:venueId')
  @OrganiserOnly('tab')
  @ApiOperation({ summary: 'Delete a venue no debate used (else 409 VENUE_IN_USE)' })
  @ApiOkResponse({ type: VenueRemovedView })
  remove(@Param('id', uuid) id: string, @Param('venueId', uuid) venueId: string): Promise<VenueRemovedView> {
    return this.venues.remove(id, venueId);
  }
}
