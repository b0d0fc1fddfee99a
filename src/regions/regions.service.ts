import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { type Page, pageOfAll } from '../common/pagination.dto.js';
import { MacroRegion, RegionUnit } from './region.entity.js';

export interface LocalisedName {
  kk: string;
  ru: string;
  en: string;
}

export interface RegionUnitView {
  code: string;
  names: LocalisedName;
  /** ISO 3166-2, e.g. KZ-10. */
  isoCode: string;
  /** KATO classifier code, e.g. 100000000. */
  katoCode: string;
  /** Other names it is searched by (adjective forms of the 2022 oblasts, bare city names). */
  aliases: string[];
}

export interface RegionView {
  code: string;
  names: LocalisedName;
  oblasts: RegionUnitView[];
  cities: RegionUnitView[];
}

const fold = (text: string) => text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/** Every name a unit answers to: code, ISO and KATO codes, kk/ru/en names and aliases, case-folded. */
const searchable = (u: RegionUnit) =>
  [u.code, u.isoCode, u.katoCode, u.nameKk, u.nameRu, u.nameEn, ...u.aliases].map(fold);

const names = (row: { nameKk: string; nameRu: string; nameEn: string }): LocalisedName => ({
  kk: row.nameKk,
  ru: row.nameRu,
  en: row.nameEn,
});

@Injectable()
export class RegionsService {
  constructor(@InjectRepository(MacroRegion) private readonly regions: Repository<MacroRegion>) {}

  /** With `search`, only units whose name, alias or code contains it (case-insensitive), in their macro-regions. */
  async list(search?: string): Promise<Page<RegionView>> {
    const rows = await this.regions.find({ relations: { units: true }, order: { position: 'ASC' } });
    if (search === undefined || search.trim() === '') return pageOfAll(rows.map((region) => this.view(region)));
    const wanted = fold(search);
    const items = rows
      .map((region) => ({
        ...region,
        units: region.units.filter((u) => searchable(u).some((name) => name.includes(wanted))),
      }))
      .filter((region) => region.units.length > 0)
      .map((region) => this.view(region));
    return pageOfAll(items);
  }

  /** The unit a person typed: its code, ISO or KATO code, or any of its names or aliases, exactly (case-folded). */
  async resolveUnit(em: EntityManager, typed: string): Promise<RegionUnit | undefined> {
    const wanted = fold(typed);
    return (await em.find(RegionUnit)).find((u) => searchable(u).includes(wanted));
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
    const unit = (u: RegionUnit): RegionUnitView => ({
      code: u.code,
      names: names(u),
      isoCode: u.isoCode,
      katoCode: u.katoCode,
      aliases: u.aliases,
    });
    return {
      code: region.code,
      names: names(region),
      oblasts: units.filter((u) => u.kind === 'oblast').map(unit),
      cities: units.filter((u) => u.kind === 'city').map(unit),
    };
  }
}
