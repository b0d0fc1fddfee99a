import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BallotSheet } from './ballot.entity.js';
import type { DebateDecision } from './debate.entity.js';

/** A later elimination debate a corrected result resets (its room, and the debate drawn for it if any). */
export interface BracketReset {
  matchId: string;
  debateId: string | null;
}

/** What an audited change looked like before or after: the fields the action touches. */
export interface AuditState {
  ballot?: BallotSheet | null;
  result?: DebateDecision | null;
  resets?: BracketReset[];
  replacement?: string | null;
  ironSpeakerIds?: string[];
  motion?: { motion: string | null; infoSlide: string | null };
  /** A declared team–team conflict's pair. */
  teams?: [string, string];
}

/** Organisers' changes to results: who, when, what before and after. */
@Entity('tournament_audit')
@Index('IDX_tournament_audit_tournament', ['tournamentId', 'at'])
export class TournamentAudit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tournament_id', type: 'uuid' })
  tournamentId: string;

  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: AuditState | null;

  @Column({ type: 'jsonb', nullable: true })
  after: AuditState | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
