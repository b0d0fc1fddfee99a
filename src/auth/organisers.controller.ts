import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreatedOrganiserView, CreateOrganiserDto, OrganiserPage, OrganiserView } from './auth.dto.js';
import { OrganiserOnly } from './organiser-only.decorator.js';
import { OrganisersService } from './organisers.service.js';
import { CurrentPrincipal, type Principal } from './principal.js';

@ApiTags('organisers')
@Controller('organisers')
@OrganiserOnly('admin')
export class OrganisersController {
  constructor(private readonly organisers: OrganisersService) {}

  @Post()
  @ApiOperation({ summary: 'Create an organiser account (admin, tab or desk); a generated password is returned once' })
  @ApiCreatedResponse({ type: CreatedOrganiserView })
  create(@Body() dto: CreateOrganiserDto): Promise<CreatedOrganiserView> {
    return this.organisers.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List organiser accounts' })
  @ApiOkResponse({ type: OrganiserPage })
  list(): Promise<OrganiserPage> {
    return this.organisers.list();
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate an account: no sign-in, its tokens refused at once' })
  @ApiOkResponse({ type: OrganiserView })
  deactivate(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() who: Principal): Promise<OrganiserView> {
    return this.organisers.deactivate(id, who);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate an account (it signs in again; tokens from before stay void)' })
  @ApiOkResponse({ type: OrganiserView })
  activate(@Param('id', ParseUUIDPipe) id: string): Promise<OrganiserView> {
    return this.organisers.activate(id);
  }
}
