import { ApiProperty } from '@nestjs/swagger';
import { LocalisedTextDto } from '../formats/format.dto.js';
import type { RegionUnitView, RegionView } from './regions.service.js';

export class RegionUnitViewDto implements RegionUnitView {
  @ApiProperty({ example: 'abai' }) code!: string;
  @ApiProperty({ type: LocalisedTextDto }) names!: LocalisedTextDto;
  @ApiProperty({ example: 'KZ-10', description: 'ISO 3166-2' }) isoCode!: string;
  @ApiProperty({ example: '100000000', description: 'KATO classifier code' }) katoCode!: string;
  @ApiProperty({ type: [String], description: 'other names it is searched by' }) aliases!: string[];
}

export class RegionViewDto implements RegionView {
  @ApiProperty({ example: 'east' }) code!: string;
  @ApiProperty({ type: LocalisedTextDto }) names!: LocalisedTextDto;
  @ApiProperty({ type: [RegionUnitViewDto] }) oblasts!: RegionUnitViewDto[];
  @ApiProperty({ type: [RegionUnitViewDto], description: 'cities of republican significance' })
  cities!: RegionUnitViewDto[];
}
