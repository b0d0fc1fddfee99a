import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import type { Page } from '../common/pagination.dto.js';
import { MacroRegion, RegionUnit } from './region.entity.js';

export interface LocalisedName {
  kk: string;
  ru: string;
  en: string;
}

export interface RegionView {
  code: string;
  names: LocalisedName;
  oblasts: { code: string; names: LocalisedName }[];
  cities: { code: string; names: LocalisedName }[];
}

const names = (row: { nameKk: string; nameRu: string; nameEn: string }): LocalisedName => ({
  kk: row.nameKk,
  ru: row.nameRu,
  en: row.nameEn,
});

@Injectable()
export class RegionsService {
  constructor(@InjectRepository(MacroRegion) private readonly regions: Repository<MacroRegion>) {}

  async list(): Promise<Page<RegionView>> {
    const rows = await this.regions.find({ relations: { units: true }, order: { position: 'ASC' } });
    return { items: rows.map((region) => this.view(region)), total: rows.length };
  }

  async get(code: string): Promise<RegionView> {
    const region = await this.regions.findOne({ where: { code }, relations: { units: true } });
    if (!region) throw DomainError.notFound('macro-region', code);
    return this.view(region);
  }

  /** Checks that an oblast/city code belongs to a macro-region; both fields are named in the message. */
  async assertUnitInRegion(em: EntityManager, regionCode: string, unitCode: string): Promise<void> {
    const region = await em.findOneBy(MacroRegion, { code: regionCode });
    if (!region) {
      const known = (await em.find(MacroRegion, { order: { position: 'ASC' } })).map((r) => r.code);
      throw DomainError.invalid(`regionCode must be one of ${known.join(', ')}, got "${regionCode}"`);
    }
    const unit = await em.findOneBy(RegionUnit, { code: unitCode });
    if (!unit) throw DomainError.invalid(`oblastCode "${unitCode}" is not a known oblast or city code`);
    if (unit.macroRegionCode !== regionCode) {
      throw DomainError.invalid(
        `oblastCode "${unitCode}" belongs to macro-region "${unit.macroRegionCode}", not to regionCode "${regionCode}"`,
      );
    }
  }

  async assertRegion(em: EntityManager, regionCode: string): Promise<void> {
    if (!(await em.existsBy(MacroRegion, { code: regionCode }))) {
      const known = (await em.find(MacroRegion, { order: { position: 'ASC' } })).map((r) => r.code);
      throw DomainError.invalid(`regionCode must be one of ${known.join(', ')}, got "${regionCode}"`);
    }
  }

  private view(region: MacroRegion): RegionView {
    const units = [...region.units].sort((a, b) => a.nameEn.localeCompare(b.nameEn));
    return {
      code: region.code,
      names: names(region),
      oblasts: units.filter((u) => u.kind === 'oblast').map((u) => ({ code: u.code, names: names(u) })),
      cities: units.filter((u) => u.kind === 'city').map((u) => ({ code: u.code, names: names(u) })),
    };
  }
}
