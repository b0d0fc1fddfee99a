import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { DebateResult } from '../engine/formats/ballot.js';
import type { SpeakerDispute } from '../engine/formats/panel-decision.js';
import { Round } from './round.entity.js';
import { Venue } from './venue.entity.js';

export type DebateStatus = 'pending' | 'confirmed';

/** A debate's stored result: the engine's result plus how the panel reached it. */
export interface DebateDecision extends DebateResult {
  winnerTeamId: string | null;
  split: boolean;
  unanimous: boolean;
  /** The panel was level and the chair decided: the organiser confirms such a result. */
  evenSplit: boolean;
  counted: string[];
  minority: string[];
  forfeitedBy?: string;
  /** Slots where the counted ballots named different speakers, and how each was settled (majority or chair). */
  speakerDisputes?: SpeakerDispute[];
}

@Entity('debates')
@Index('IDX_debates_round', ['roundId'])
export class Debate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @ManyToOne(() => Round, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round: Round;

  @Column({ name: 'tournament_id', type: 'uuid' })
  tournamentId: string;

  @Column({ type: 'int' })
  room: number;

  /** The named venue the draw gave this debate (null when the tournament has none). */
  @Column({ name: 'venue_id', type: 'uuid', nullable: true })
  venueId: string | null;

  @ManyToOne(() => Venue, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id' })
  venue: Venue | null;

  @Column({ type: 'text', default: 'pending' })
  status: DebateStatus;

  /** The elimination bracket match this debate plays, if any. */
  @Column({ name: 'bracket_match_id', type: 'text', nullable: true })
  bracketMatchId: string | null;

  /** Why the draw made this debate, line by line. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  explanation: string[];

  /** The panel decision once confirmed. */
  @Column({ type: 'jsonb', nullable: true })
  result: DebateDecision | null;

  /** True when the panel split and the organiser must confirm. */
  @Column({ name: 'needs_confirmation', type: 'boolean', default: false })
  needsConfirmation: boolean;

  @VersionColumn()
  version: number;
}
