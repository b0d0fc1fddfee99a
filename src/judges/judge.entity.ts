import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { MacroRegion } from '../regions/region.entity.js';
import { Team } from '../teams/team.entity.js';

@Entity('judges')
export class Judge {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @ManyToOne(() => MacroRegion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region: MacroRegion;

  @Column({ type: 'text' })
  institution: string;

  /** Adjudication rating used by panel allocation: stronger judges chair the rooms that matter. */
  @Column({ type: 'real', default: 5 })
  strength: number;

  /** Public half of the access code: finds the judge (rarely two: prefixes may repeat) without the secret half. */
  @Index('IDX_judges_access_prefix')
  @Column({ name: 'access_prefix', type: 'text' })
  accessPrefix: string;

  /** argon2id of the secret half of the access code. */
  @Column({ name: 'access_secret_hash', type: 'text' })
  accessSecretHash: string;

  /** SHA-256 of the private link's 256-bit token (high entropy, so a fast hash is enough). */
  @Column({ name: 'link_token_hash', type: 'text', unique: true })
  linkTokenHash: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type ConflictReason = 'declared';

/** A declared judge–team conflict; same-institution conflicts are derived, not stored. */
@Entity('judge_team_conflicts')
export class JudgeTeamConflict {
  @PrimaryColumn({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Judge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'judge_id' })
  judge: Judge;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team: Team;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Two judges who must not sit on one panel (a couple, a coach and their student…); stored once, a < b. */
@Entity('judge_judge_conflicts')
export class JudgeJudgeConflict {
  @PrimaryColumn({ name: 'judge_a', type: 'uuid' })
  judgeA: string;

  @PrimaryColumn({ name: 'judge_b', type: 'uuid' })
  judgeB: string;

  @ManyToOne(() => Judge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'judge_a' })
  first: Judge;

  @ManyToOne(() => Judge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'judge_b' })
  second: Judge;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
