import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** A list answered whole (no paging): all its items, and their count as the total. */
export function pageOfAll<T>(items: T[]): Page<T> {
  return { items, total: items.length };
}

/** Drops unset filters: TypeORM refuses `undefined` in a where clause rather than silently matching everything. */
export function filters<T extends object>(where: T): Partial<T> {
  return Object.fromEntries(Object.entries(where).filter(([, v]) => v !== undefined)) as Partial<T>;
}
