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
import { Team } from '../teams/team.entity.js';

/** The AMANAT Cup of one season: regional tournaments feed `slotsPerRegion` teams each into a national one. */
@Entity('cups')
export class Cup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  season: string;

  @Column({ name: 'slots_per_region', type: 'int' })
  slotsPerRegion: number;

  @Column({ name: 'national_tournament_id', type: 'uuid', nullable: true })
  nationalTournamentId: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type TournamentLevel = 'regional' | 'national';
export type TournamentStatus = 'setup' | 'prelims' | 'elims' | 'finished';

@Entity('tournaments')
export class Tournament {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  level: TournamentLevel;

  @Column({ name: 'cup_id', type: 'uuid', nullable: true })
  cupId: string | null;

  @ManyToOne(() => Cup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cup_id' })
  cup: Cup | null;

  @Column({ name: 'region_code', type: 'text', nullable: true })
  regionCode: string | null;

  @ManyToOne(() => MacroRegion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region: MacroRegion | null;

  /** Preset key; the preset itself is copied into `formatSpec` so a later preset edit never rewrites history. */
  @Column({ type: 'text' })
  format: string;

  @Column({ name: 'format_spec', type: 'jsonb' })
  formatSpec: Record<string, unknown>;

  @Column({ name: 'prelim_rounds', type: 'int' })
  prelimRounds: number;

  @Column({ name: 'break_size', type: 'int' })
  breakSize: number;

  @Column({ type: 'text', default: 'setup' })
  status: TournamentStatus;

  /** The elimination bracket as the engine returns it (null before the break). */
  @Column({ type: 'jsonb', nullable: true })
  bracket: unknown;

  /** How the break was made: seeds, ties at the cut-off and the rule that settled them. */
  @Column({ name: 'break_report', type: 'jsonb', nullable: true })
  breakReport: unknown;

  @Column({ name: 'champion_team_id', type: 'uuid', nullable: true })
  championTeamId: string | null;

  /** Team ids in finishing order once the final is confirmed (champion, runner-up, semifinalists…). */
  @Column({ name: 'final_places', type: 'jsonb', nullable: true })
  finalPlaces: string[] | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('tournament_teams')
export class TournamentTeam {
  @PrimaryColumn({ name: 'tournament_id', type: 'uuid' })
  tournamentId: string;

  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Tournament, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id' })
  tournament: Tournament;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team: Team;

  /** Order of entry (a case championship's ranking, a national seed…); round 1 may pair by it. */
  @Column({ type: 'int' })
  position: number;

  /** Where the team came from: 'registered', 'case:<championshipId>', 'region:<tournamentId>'. */
  @Column({ type: 'text' })
  source: string;

  /** For national entries: the place the team earned in its region (1 = champion). */
  @Column({ name: 'regional_place', type: 'int', nullable: true })
  regionalPlace: number | null;

  @Column({ type: 'boolean', default: false })
  withdrawn: boolean;
}

@Entity('tournament_adjudicators')
export class TournamentAdjudicator {
  @PrimaryColumn({ name: 'tournament_id', type: 'uuid' })
  tournamentId: string;

  @PrimaryColumn({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @ManyToOne(() => Tournament, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id' })
  tournament: Tournament;

  @ManyToOne(() => Judge, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'judge_id' })
  judge: Judge;
}

export type RoundKind = 'prelim' | 'elim';
export type RoundStatus = 'draft' | 'released' | 'closed';

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

  @Column({ type: 'text', nullable: true })
  motion: string | null;

  /** The draw's random seed, stored so the draw can be reproduced exactly. */
  @Column({ type: 'text' })
  seed: string;

  /** Results hidden from the public until revealed (the last rounds before the break). */
  @Column({ type: 'boolean', default: false })
  silent: boolean;

  /** Constraints the draw could not meet, with the reason. */
  @Column({ name: 'broken_constraints', type: 'jsonb', default: () => `'[]'` })
  brokenConstraints: unknown[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type DebateStatus = 'pending' | 'confirmed';

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

  @Column({ type: 'text', default: 'pending' })
  status: DebateStatus;

  /** The elimination bracket match this debate plays, if any. */
  @Column({ name: 'bracket_match_id', type: 'text', nullable: true })
  bracketMatchId: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  explanation: unknown[];

  /** The panel decision (engine output) once confirmed. */
  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  /** True when the panel split and the organiser must confirm. */
  @Column({ name: 'needs_confirmation', type: 'boolean', default: false })
  needsConfirmation: boolean;

  @VersionColumn()
  version: number;
}

@Entity('debate_teams')
@Index('UQ_debate_teams_side', ['debateId', 'side'], { unique: true })
export class DebateTeam {
  @PrimaryColumn({ name: 'debate_id', type: 'uuid' })
  debateId: string;

  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Debate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'debate_id' })
  debate: Debate;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team: Team;

  @Column({ type: 'text' })
  side: string;
}

export type PanelRole = 'chair' | 'wing';

@Entity('debate_adjudicators')
export class DebateAdjudicator {
  @PrimaryColumn({ name: 'debate_id', type: 'uuid' })
  debateId: string;

  @PrimaryColumn({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @ManyToOne(() => Debate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'debate_id' })
  debate: Debate;

  @ManyToOne(() => Judge, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'judge_id' })
  judge: Judge;

  @Column({ type: 'text' })
  role: PanelRole;
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

  /** As submitted: teams with speeches in speaking order. */
  @Column({ type: 'jsonb' })
  sheet: Record<string, unknown>;

  /** `judge:<id>` or `organiser:<id>` (a correction). */
  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy: string;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;
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
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
