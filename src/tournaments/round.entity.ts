import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { Tournament } from './tournament.entity.js';

export type RoundKind = 'prelim' | 'elim';
export type RoundStatus = 'draft' | 'released' | 'closed';

/** A constraint the draw or the panel allocation could not meet, and why. */
export interface BrokenConstraint {
  constraint: string;
  why: string;
  teamIds?: string[];
  debateId?: string;
}

@Entity('rounds')
@Index('UQ_rounds_tournament_seq', ['tournamentId', 'seq'], { unique: true })
export class Round {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tournament_id', type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => Tournament, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id' })
  tournament: Tournament;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'text' })
  kind: RoundKind;

  /** Bracket round name for elimination rounds ('Semifinals', 'Final'…). */
  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text', default: 'draft' })
  status: RoundStatus;

  /** Read out when the motion is released; hidden from everyone but organisers until then. */
  @Column({ type: 'text', nullable: true })
  motion: string | null;

  /** Text shown before the motion (context the debaters need), released with it. */
  @Column({ name: 'info_slide', type: 'text', nullable: true })
  infoSlide: string | null;

  /** Set when the motion is released (draws are out before motions): null = the motion is not public yet. */
  @Column({ name: 'motion_released_at', type: 'timestamptz', nullable: true })
  motionReleasedAt: Date | null;

  /** The draw's random seed, stored so the draw can be reproduced exactly. */
  @Column({ type: 'text' })
  seed: string;

  /** Results hidden from the public until revealed (the last rounds before the break). */
  @Column({ type: 'boolean', default: false })
  silent: boolean;

  @Column({ name: 'broken_constraints', type: 'jsonb', default: () => `'[]'` })
  brokenConstraints: BrokenConstraint[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
