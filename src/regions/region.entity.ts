import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';

/** One of the programme's five macro-regions; seeded data, so an organiser could regroup oblasts later. */
@Entity('macro_regions')
export class MacroRegion {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'int' })
  position: number;

  @OneToMany(() => RegionUnit, (unit) => unit.macroRegion)
  units: RegionUnit[];
}

export type RegionUnitKind = 'oblast' | 'city';

/** An oblast or a city of republican significance. */
@Entity('region_units')
export class RegionUnit {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'macro_region_code', type: 'text' })
  macroRegionCode: string;

  @ManyToOne(() => MacroRegion, (region) => region.units, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'macro_region_code' })
  macroRegion: MacroRegion;

  @Column({ type: 'text' })
  kind: RegionUnitKind;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  /** ISO 3166-2 subdivision code, e.g. KZ-10 (numeric since 2022). */
  @Column({ name: 'iso_code', type: 'text', unique: true })
  isoCode: string;

  /** KATO (the national classifier of administrative-territorial objects), e.g. 100000000. */
  @Column({ name: 'kato_code', type: 'text', unique: true })
  katoCode: string;

  /** Other names people search by: the adjective forms of the 2022 oblasts, cities without «қаласы»/«город». */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];
}
