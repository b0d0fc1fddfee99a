import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import type { BreakResult } from '../engine/elimination/break.js';
import type { NationalSeeding } from '../engine/elimination/national-seeding.js';
import type { Bracket } from '../engine/elimination/single-elimination.js';
import type { BpOptions } from '../engine/draw/bp-draw.js';
import type { PairingOptions } from '../engine/draw/power-pairing.js';
import type { FormatPreset } from '../engine/formats/format-preset.js';
import type { PanelOptions } from '../engine/panels/panel-allocation.js';
import { MacroRegion } from '../regions/region.entity.js';
import { Cup } from './cup.entity.js';
import { League } from './league.entity.js';

export type TournamentLevel = 'regional' | 'national';

/** Tab settings beyond the format's own: how byes count, and whether margins include dissenting ballots. */
export interface TournamentRules {
  /** `win`: a bye is a win without speaker scores; `absent`: the round simply does not count for the team. */
  byeCounts: 'win' | 'absent';
  /** WSDC practice: margins are the mean over every ballot, dissenting ones included. */
  marginsIncludeDissent: boolean;
  /** Two-team draws (the engine's defaults when absent: pull up top, fold, institutions apart). */
  pairing?: Partial<PairingOptions>;
  /** BP draws (default entropy exponent 4). */
  bp?: Partial<BpOptions>;
  /** Panels (default: by importance up to 5, odd sizes; `panelSize` fixes every panel at that size). */
  panels?: Partial<Pick<PanelOptions, 'maxPanelSize' | 'evenPanels'>> & { panelSize?: number };
}

export const DEFAULT_TOURNAMENT_RULES: TournamentRules = { byeCounts: 'absent', marginsIncludeDissent: false };
export type TournamentStatus = 'setup' | 'prelims' | 'elims' | 'finished';

/** How the break was made: by the tab (seeds, the tie at the cut-off), or by the AMANAT Cup national seeding. */
export type BreakReport =
  | { breakSize: number; seeds: string[]; cutoffTie: BreakResult['cutoffTie'] }
  | { seeding: string; swaps: NationalSeeding['swaps']; constraintsBroken: NationalSeeding['constraintsBroken'] };

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

  /** The cup's league this tournament belongs to; null = the cup's default (no leagues). */
  @Column({ name: 'league_id', type: 'uuid', nullable: true })
  leagueId: string | null;

  @ManyToOne(() => League, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'league_id' })
  league: League | null;

  @Column({ name: 'region_code', type: 'text', nullable: true })
  regionCode: string | null;

  @ManyToOne(() => MacroRegion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region: MacroRegion | null;

  /** Preset key; the preset itself is copied into `formatSpec` so a later preset edit never rewrites history. */
  @Column({ type: 'text' })
  format: string;

  @Column({ name: 'format_spec', type: 'jsonb' })
  formatSpec: FormatPreset;

  @Column({ type: 'jsonb', default: () => `'{"byeCounts": "absent", "marginsIncludeDissent": false}'` })
  rules: TournamentRules;

  @Column({ name: 'prelim_rounds', type: 'int' })
  prelimRounds: number;

  @Column({ name: 'break_size', type: 'int' })
  breakSize: number;

  @Column({ type: 'text', default: 'setup' })
  status: TournamentStatus;

  /** The elimination bracket as the engine returns it (null before the break). */
  @Column({ type: 'jsonb', nullable: true })
  bracket: Bracket | null;

  @Column({ name: 'break_report', type: 'jsonb', nullable: true })
  breakReport: BreakReport | null;

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
