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

/**
 * `single`: one jury scores every team. With qualifying rooms the championship runs `qualifying` (each room's jury
 * scores its own teams) and then `final` (the final jury scores the finalists).
 */
export type ChampionshipStage = 'single' | 'qualifying' | 'final';

/** Which stage a scoresheet belongs to: `main` for single-stage championships. */
export type SheetStage = 'main' | 'qualifying' | 'final';

export type AdvancementRuleSetting =
  { kind: 'top'; count: number } | { kind: 'perRoom'; perRoom: number; wildcards: number };

/** How the qualifying rooms were set up (kept so a re-plan and the schedule use the same numbers). */
export interface RoomSettings {
  roomSize: number;
  panelSize: number;
  seed: string;
  /** ISO time of the first presentation in every room; null when the organiser gives no times. */
  firstSlotAt: string | null;
  slotMinutes: number;
}

export interface QuotaSettings {
  /** At least this many rural teams among the qualifiers, when that many entered. */
  minRural?: number;
  /** At least one team of every oblast with an entrant among the qualifiers. */
  everyOblast?: boolean;
}

export type Placement = 'overall' | 'roomTop' | 'wildcard' | 'quota:rural' | 'quota:oblast';

export interface RubricCriterion {
  key: string;
  name: string;
  weight: number;
  maxScore: number;
  /** The organiser's kk/ru/en names, when given (the default rubric's come from the engine). */
  names?: { kk: string; ru: string; en: string };
}

export interface ScoringOptions {
  /** Drop each team's highest and lowest judge total when at least five judges scored it. */
  dropHighLow: boolean;
  /** Rescale each judge's totals (z-score over their own sheets) to correct harsh and lenient juries. */
  normaliseJudges: boolean;
  /** Criteria keys whose averages break ties, in order. */
  tieBreakCriteria: string[];
  /** Across qualifying rooms: per-juror z-scores (default) or per-juror ranks. */
  roomNormalisation?: 'z-scores' | 'ranks';
  /** Applied when the qualifiers are decided. */
  quotas?: QuotaSettings;
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

  /** The rule that placed each qualifier (overall, or a quota), in the order of `qualifiers`. */
  @Column({ name: 'qualifier_placements', type: 'jsonb', default: () => `'[]'` })
  qualifierPlacements: { teamId: string; placedBy: Placement }[];

  @Column({ type: 'text', default: 'single' })
  stage: ChampionshipStage;

  @Column({ name: 'room_settings', type: 'jsonb', nullable: true })
  roomSettings: RoomSettings | null;

  /** Set when the qualifying stage closes: who goes to the final, and why. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  finalists: { teamId: string; placedBy: Placement }[];

  @Column({ name: 'advancement', type: 'jsonb', nullable: true })
  advancement: AdvancementRuleSetting | null;

  /** Jurors of the final; empty = the whole jury pool. */
  @Column({ name: 'final_jury', type: 'jsonb', default: () => `'[]'` })
  finalJury: string[];

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
@Index('UQ_case_scoresheets_sheet', ['championshipId', 'stage', 'teamId', 'judgeId'], { unique: true })
export class CaseScoresheet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', default: 'main' })
  stage: SheetStage;

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
