import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Tournament } from './tournament.entity.js';

export type AvailabilityKind = 'team' | 'judge';

/**
 * Check-in for one round, by the round's number (the round need not be drawn yet). No row of a kind for a round
 * means check-in is not in use for it: every active team or judge is available.
 */
@Entity('round_availability')
export class RoundAvailability {
  @PrimaryColumn({ name: 'tournament_id', type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => Tournament, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id' })
  tournament: Tournament;

  @PrimaryColumn({ name: 'round_seq', type: 'int' })
  roundSeq: number;

  @PrimaryColumn({ type: 'text' })
  kind: AvailabilityKind;

  @PrimaryColumn({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ type: 'boolean' })
  available: boolean;

  @UpdateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
