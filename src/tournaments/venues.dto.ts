import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CreateVenueDto {
  @ApiProperty({ example: 'Актовый зал' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ default: 0, description: 'higher = better: the top brackets get the highest priorities' })
  @IsOptional()
  @IsInt()
  @Min(-1000)
  @Max(1000)
  priority?: number;
}

export class UpdateVenueDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(-1000)
  @Max(1000)
  priority?: number;

  @ApiPropertyOptional({ description: 'false: kept on the debates it hosted, left out of later draws' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class VenueView {
  @ApiProperty() id: string;
  @ApiProperty() tournamentId: string;
  @ApiProperty() name: string;
  @ApiProperty() priority: number;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
}

export class VenuePage {
  @ApiProperty({ type: [VenueView], description: 'highest priority first, then by name' }) items: VenueView[];
  @ApiProperty() total: number;
}

export class VenueRemovedView {
  @ApiProperty() id: string;
  @ApiProperty() removed: boolean;
}
