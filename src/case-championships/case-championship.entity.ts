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
import { Judge } from '../judges/judge.entity.js';
import { MacroRegion } from '../regions/region.entity.js';
import type { AgeGroup } from '../teams/age-group.js';
import { Team } from '../teams/team.entity.js';

export type ChampionshipStatus = 'draft' | 'scoring' | 'finalised';

export interface RubricCriterion {
  key: string;
  name: string;
  weight: number;
  maxScore: number;
}

export interface ScoringOptions {
  /** Drop each team's highest and lowest judge total when at least five judges scored it. */
  dropHighLow: boolean;
  /** Rescale each judge's totals (z-score over their own sheets) to correct harsh and lenient juries. */
  normaliseJudges: boolean;
  /** Criteria keys whose averages break ties, in order. */
  tieBreakCriteria: string[];
}

/** The public leaderboard's reveal state: frozen boards show only the bottom `revealed` rows. */
export interface RevealState {
  frozen: boolean;
  frozenAt: string | null;
  revealed: number;
}

@Entity('case_championships')
export class CaseChampionship {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @ManyToOne(() => MacroRegion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region: MacroRegion;

  @Column({ name: 'age_group', type: 'text', nullable: true })
  ageGroup: AgeGroup | null;

  @Column({ name: 'qualifier_slots', type: 'int' })
  qualifierSlots: number;

  @Column({ type: 'jsonb' })
  criteria: RubricCriterion[];

  @Column({ type: 'jsonb' })
  options: ScoringOptions;

  @Column({ type: 'text', default: 'draft' })
  status: ChampionshipStatus;

  @Column({ type: 'jsonb' })
  reveal: RevealState;

  /** Team ids in qualifying order, recorded at finalisation. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  qualifiers: string[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'finalised_at', type: 'timestamptz', nullable: true })
  finalisedAt: Date | null;
}

@Entity('case_entries')
export class CaseEntry {
  @PrimaryColumn({ name: 'championship_id', type: 'uuid' })
  championshipId: string;

  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => CaseChampionship, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'championship_id' })
  championship: CaseChampionship;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team: Team;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('case_jurors')
export class CaseJuror {
  @PrimaryColumn({ name: 'championship_id', type: 'uuid' })
  championshipId: string;

  @PrimaryColumn({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @ManyToOne(() => CaseChampionship, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'championship_id' })
  championship: CaseChampionship;

  @ManyToOne(() => Judge, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'judge_id' })
  judge: Judge;
}

/** One juror's sheet for one team; a re-submission replaces it (version + 1) and leaves an audit row. */
@Entity('case_scoresheets')
@Index('UQ_case_scoresheets_sheet', ['championshipId', 'teamId', 'judgeId'], { unique: true })
export class CaseScoresheet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'championship_id', type: 'uuid' })
  championshipId: string;

  @ManyToOne(() => CaseChampionship, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'championship_id' })
  championship: CaseChampionship;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team: Team;

  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @ManyToOne(() => Judge, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'judge_id' })
  judge: Judge;

  @Column({ type: 'jsonb' })
  scores: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;
}

@Entity('case_scoresheet_audit')
@Index('IDX_case_scoresheet_audit_championship', ['championshipId', 'at'])
export class CaseScoresheetAudit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'championship_id', type: 'uuid' })
  championshipId: string;

  @ManyToOne(() => CaseChampionship, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'championship_id' })
  championship: CaseChampionship;

  @Column({ name: 'scoresheet_id', type: 'uuid' })
  scoresheetId: string;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  /** Who made the change: the juror themselves, or an organiser correcting. */
  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb', nullable: true })
  before: { scores: Record<string, number>; comment: string | null } | null;

  @Column({ type: 'jsonb' })
  after: { scores: Record<string, number>; comment: string | null };

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
