import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Cup } from './cup.entity.js';

/** Who a league's regional tournaments send to its national round: the best of each macro-region, or of each oblast and city. */
export type QualificationUnit = 'region' | 'oblast';

/**
 * A league of a cup (the language of debate: kk, ru, en, or any named league). Each league runs its own regional and
 * national tournaments, draws, tabs, break and qualifiers; a team plays in one league of a cup.
 */
@Entity('leagues')
@Index('UQ_leagues_cup_key', ['cupId', 'key'], { unique: true })
export class League {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cup_id', type: 'uuid' })
  cupId: string;

  @ManyToOne(() => Cup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cup_id' })
  cup: Cup;

  /** Short code used in URLs and filters: `kk`, `ru`, `en`, or the organiser's own. */
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  name: string;

  /** Language of debate when the league is a language league. */
  @Column({ type: 'text', nullable: true })
  language: 'kk' | 'ru' | 'en' | null;

  @Column({ name: 'qualification_unit', type: 'text', default: 'region' })
  qualificationUnit: QualificationUnit;

  /** Places each unit (macro-region, or oblast/city) sends to the league's national round. */
  @Column({ name: 'places_per_unit', type: 'int' })
  placesPerUnit: number;

  @Column({ name: 'national_tournament_id', type: 'uuid', nullable: true })
  nationalTournamentId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
