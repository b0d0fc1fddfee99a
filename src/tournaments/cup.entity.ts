import type { AgeBand } from '../engine/age-groups/age-groups.js';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** The AMANAT Cup of one season: regional tournaments feed `slotsPerRegion` teams each into a national one. */
@Entity('cups')
export class Cup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  season: string;

  @Column({ name: 'slots_per_region', type: 'int' })
  slotsPerRegion: number;

  @Column({ name: 'national_tournament_id', type: 'uuid', nullable: true })
  nationalTournamentId: string | null;

  /** The cup's age groups (default 14–17 / 18–24 / 25–29); a team's group follows its oldest member. */
  @Column({ name: 'age_bands', type: 'jsonb' })
  ageBands: AgeBand[];

  /** Ages are taken on this date for every tournament of the cup (default: the day the cup was created). */
  @Column({ name: 'age_reference_date', type: 'date' })
  ageReferenceDate: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
