import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Tournament } from './tournament.entity.js';

/** A named room of a tournament's venue; the draw gives the highest-priority venues to the top brackets. */
@Entity('venues')
@Index('UQ_venues_tournament_name', ['tournamentId', 'name'], { unique: true })
export class Venue {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tournament_id', type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => Tournament, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id' })
  tournament: Tournament;

  @Column({ type: 'text' })
  name: string;

  /** Higher goes to more important debates. */
  @Column({ type: 'int' })
  priority: number;

  /** An inactive venue keeps the debates it hosted but is left out of later draws. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @VersionColumn()
  version: number;
}
