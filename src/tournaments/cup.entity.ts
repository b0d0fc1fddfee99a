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

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
