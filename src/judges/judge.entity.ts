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

  /** Carried in the judge's tokens as `gen`; re-issuing the credentials bumps it, voiding every older token. */
  @Column({ name: 'credential_generation', type: 'int', default: 1 })
  credentialGeneration: number;

  /** Set when the organisers revoke the judge: no sign-in and no token accepted until credentials are re-issued. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

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

export type CredentialAction = 'reissued' | 'revoked';

/** Who re-issued or revoked a judge's credentials, and when (never the secrets themselves). */
@Entity('judge_credential_audit')
@Index('IDX_judge_credential_audit_judge', ['judgeId', 'at'])
export class JudgeCredentialAudit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @ManyToOne(() => Judge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'judge_id' })
  judge: Judge;

  @Column({ type: 'text' })
  action: CredentialAction;

  /** The organiser's id. */
  @Column({ name: 'organiser_id', type: 'uuid' })
  organiserId: string;

  /** Why: "lost code", "links sheet for printing", … */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
