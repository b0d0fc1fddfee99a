// Response DTOs of the case championship routes (the rooms' are in case-room.dto.ts). Each class `implements` its
// view, so a field added to a view and not documented here fails the typecheck.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedTextDto } from '../formats/format.dto.js';
import type { Placement } from './case-championship.entity.js';
import type { ChampionshipView, JurorReport, StandingRow, StandingsView } from './case-scoring.js';
import type { CaseAuditEntry, ScoresheetView } from './case-championships.service.js';

const PLACEMENTS = ['overall', 'roomTop', 'wildcard', 'quota:rural', 'quota:oblast'];
const STATUSES = ['draft', 'scoring', 'finalised'];
const CONFLICTS = ['declared', 'same-institution', 'mentor'];

export class CriterionViewDto {
  @ApiProperty({ example: 'analysis' }) key!: string;
  @ApiProperty({ example: 'Depth of analysis' }) name!: string;
  @ApiProperty({ type: LocalisedTextDto, description: 'the name in Kazakh, Russian and English' })
  names!: LocalisedTextDto;
  @ApiProperty() weight!: number;
  @ApiProperty() maxScore!: number;
}

export class CriterionNameDto {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: LocalisedTextDto }) names!: LocalisedTextDto;
}

export class RoomSettingsDto {
  @ApiProperty() roomSize!: number;
  @ApiProperty() panelSize!: number;
  @ApiProperty() seed!: string;
  @ApiProperty({ type: String, nullable: true, description: 'ISO time of the first presentation in every room' })
  firstSlotAt!: string | null;
  @ApiProperty() slotMinutes!: number;
}

export class PlacedTeamDto {
  @ApiProperty() teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ enum: PLACEMENTS, description: 'the rule that placed it' }) placedBy!: Placement;
}

export class QuotaSettingsDto {
  @ApiPropertyOptional() minRural?: number;
  @ApiPropertyOptional() everyOblast?: boolean;
}

export class ScoringOptionsDto {
  @ApiProperty() dropHighLow!: boolean;
  @ApiProperty() normaliseJudges!: boolean;
  @ApiProperty({ type: [String] }) tieBreakCriteria!: string[];
  @ApiPropertyOptional({ enum: ['z-scores', 'ranks'] }) roomNormalisation?: 'z-scores' | 'ranks';
  @ApiPropertyOptional({ type: QuotaSettingsDto }) quotas?: QuotaSettingsDto;
}

export class RevealStateDto {
  @ApiProperty() frozen!: boolean;
  @ApiProperty({ type: String, nullable: true }) frozenAt!: string | null;
  @ApiProperty({ description: 'rows shown from the bottom of the frozen board' }) revealed!: number;
}

export class CaseTeamNameDto {
  @ApiProperty() teamId!: string;
  @ApiProperty() teamName!: string;
}

export class ChampionshipViewDto implements ChampionshipView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['single', 'qualifying', 'final'] }) stage!: ChampionshipView['stage'];
  @ApiProperty({ type: RoomSettingsDto, nullable: true }) roomSettings!: ChampionshipView['roomSettings'];
  @ApiProperty({ type: [PlacedTeamDto] }) finalists!: PlacedTeamDto[];
  @ApiProperty({ type: [PlacedTeamDto], description: 'the qualifiers and the rule that placed each' })
  qualifierPlacements!: PlacedTeamDto[];
  @ApiProperty({ example: 'south' }) regionCode!: string;
  @ApiProperty({ type: String, nullable: true }) ageGroup!: string | null;
  @ApiProperty() qualifierSlots!: number;
  @ApiProperty({ type: [CriterionViewDto] }) criteria!: CriterionViewDto[];
  @ApiProperty({ type: ScoringOptionsDto }) options!: ChampionshipView['options'];
  @ApiProperty({ enum: STATUSES }) status!: ChampionshipView['status'];
  @ApiProperty({ type: RevealStateDto }) reveal!: RevealStateDto;
  @ApiProperty({ type: [CaseTeamNameDto] }) entries!: { teamId: string; teamName: string }[];
  @ApiProperty({ type: [String], description: 'judge ids of the jury' }) jury!: string[];
  @ApiProperty({ type: [String], description: 'team ids, best first (empty on a frozen public board)' })
  qualifiers!: string[];
  @ApiProperty({ type: [CaseTeamNameDto], description: '`qualifiers` with the teams’ names' })
  qualifierTeams!: { teamId: string; teamName: string }[];
  @ApiProperty() version!: number;
}

export class StandingRowDto implements StandingRow {
  @ApiProperty({ type: Number, nullable: true }) rank!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'null on a hidden row of a frozen board' })
  teamId!: string | null;
  @ApiProperty({ type: String, nullable: true }) teamName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) total!: number | null;
  @ApiProperty({ type: Number, nullable: true }) judgesCounted!: number | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: { type: 'number' } })
  perCriterion!: Record<string, number> | null;
  @ApiProperty({ type: Number, nullable: true }) firstPlaces!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) qualified!: boolean | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'what separated this row from the one above' })
  decidedBy?: string | null;
  @ApiPropertyOptional({ enum: PLACEMENTS }) placedBy?: StandingRow['placedBy'];
  @ApiPropertyOptional() room?: number;
  @ApiPropertyOptional() roomRank?: number;
  @ApiPropertyOptional({ description: 'a row the frozen public board does not show yet' }) hidden?: boolean;
}

export class CutoffTieDto {
  @ApiProperty() slots!: number;
  @ApiProperty({ type: [String] }) teamIds!: string[];
  @ApiProperty({ type: [String] }) qualifiedTeamIds!: string[];
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty() unresolvedSlots!: number;
}

export class StandingsViewDto implements StandingsView {
  @ApiProperty() championshipId!: string;
  @ApiProperty({ enum: STATUSES }) status!: StandingsView['status'];
  @ApiProperty() frozen!: boolean;
  @ApiProperty() revealed!: number;
  @ApiProperty() qualifierSlots!: number;
  @ApiProperty({ type: [CriterionNameDto] }) criteria!: CriterionNameDto[];
  @ApiProperty({ type: [StandingRowDto] }) rows!: StandingRowDto[];
  @ApiProperty({ type: CutoffTieDto, nullable: true }) cutoffTie!: StandingsView['cutoffTie'];
}

export class ScoresheetViewDto implements ScoresheetView {
  @ApiProperty() id!: string;
  @ApiProperty() championshipId!: string;
  @ApiProperty() teamId!: string;
  @ApiProperty() judgeId!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'criterion key → score' })
  scores!: Record<string, number>;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() submittedAt!: string;
}

/** A sheet on the organiser's list, with the team's and the juror's names. */
export class ScoresheetEntryDto extends ScoresheetViewDto {
  @ApiProperty() teamName!: string;
  @ApiProperty() judgeName!: string;
}

export class CaseAuditEntryDto implements CaseAuditEntry {
  @ApiProperty() scoresheetId!: string;
  @ApiProperty() teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty() judgeId!: string;
  @ApiProperty() judgeName!: string;
  @ApiProperty({ example: 'judge:9b1d…' }) actor!: string;
  @ApiProperty({ type: String, nullable: true, description: "the judge's name or the organiser's username" })
  actorName!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() at!: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: '{ scores, comment }' })
  before!: CaseAuditEntry['before'];
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: '{ scores, comment }' })
  after!: CaseAuditEntry['after'];
}

export class JurorReportDto implements JurorReport {
  @ApiProperty() judgeId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() sheets!: number;
  @ApiProperty({ description: "mean of the juror's 0–100 totals" }) meanTotal!: number;
  @ApiProperty() standardDeviation!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'negative = harsh, positive = lenient' })
  meanDeviation!: number | null;
  @ApiProperty() sharedTeams!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Spearman agreement with the rest of the jury' })
  agreement!: number | null;
}

export class AssignmentTeamDto {
  @ApiProperty() teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiPropertyOptional({ description: 'qualifying rooms: 0-based order of presentation' }) slot?: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'qualifying rooms: when the team presents' })
  startsAt?: string | null;
  @ApiProperty({ enum: CONFLICTS, nullable: true, description: 'set: this judge may not score the team' })
  conflict!: string | null;
  @ApiProperty({ type: ScoresheetViewDto, nullable: true }) scoresheet!: ScoresheetViewDto | null;
}

export class AssignmentsDto {
  @ApiProperty() championshipId!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ enum: ['single', 'qualifying', 'final'] }) stage!: string;
  @ApiProperty({ type: Number, nullable: true }) room!: number | null;
  @ApiProperty({ type: [CriterionViewDto] }) criteria!: CriterionViewDto[];
  @ApiProperty({ type: [AssignmentTeamDto], description: 'a room keeps its order of presentation' })
  teams!: AssignmentTeamDto[];
}
