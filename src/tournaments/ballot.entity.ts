import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { BallotTeam } from '../engine/formats/ballot.js';
import { Judge } from '../judges/judge.entity.js';
import { Debate } from './debate.entity.js';

/** A ballot as submitted: teams with speeches in speaking order. */
export interface BallotSheet {
  teams: BallotTeam[];
}

/**
 * A judge's ballot. Corrections add a new version and retire the old one (`current = false`); nothing is
 * overwritten. One current ballot per judge per debate, by a partial unique index.
 */
@Entity('ballots')
@Index('UQ_ballots_current', ['debateId', 'judgeId'], { unique: true, where: '"current"' })
export class Ballot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'debate_id', type: 'uuid' })
  debateId: string;

  @ManyToOne(() => Debate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'debate_id' })
  debate: Debate;

  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @ManyToOne(() => Judge, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'judge_id' })
  judge: Judge;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'boolean', default: true })
  current: boolean;

  @Column({ type: 'jsonb' })
  sheet: BallotSheet;

  /** `judge:<id>` or `organiser:<id>` (a correction). */
  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy: string;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;
}
