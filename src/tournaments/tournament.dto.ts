import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import type { DebateDecision, DebateStatus } from './debate.entity.js';
import type { BracketReset } from './tournament-audit.entity.js';
import { AgeBandDto, AgeBandsField, AgeReferenceDateField } from '../teams/age-band.dto.js';
import { BracketResetDto, DebateDecisionDto } from './tournament-responses.dto.js';
import { TEAM_TIE_BREAKS, type TeamTieBreak } from '../engine/formats/format-preset.js';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class CreateCupDto {
  @ApiProperty({ example: 'AMANAT Cup' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  season: string;

  @ApiProperty({ example: 2, description: 'teams each region sends to the national round' })
  @IsInt()
  @Min(1)
  @Max(16)
  slotsPerRegion: number;

  @AgeBandsField()
  ageBands?: AgeBandDto[];

  @AgeReferenceDateField()
  ageReferenceDate?: string;
}

export class SlotRangeDto {
  @ApiProperty({ example: 60 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  min: number;

  @ApiProperty({ example: 80 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  max: number;

  @ApiProperty({ example: 0.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(100)
  step: number;
}

export class SlotNameDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) kk: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) ru: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) en: string;
}

export class TabRulesOverrideDto {
  @ApiPropertyOptional({ enum: TEAM_TIE_BREAKS, isArray: true, description: 'team tab precedence, highest first' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsIn(TEAM_TIE_BREAKS, { each: true })
  teamTieBreaks?: TeamTieBreak[];

  @ApiPropertyOptional({ enum: ['total', 'average'] })
  @IsOptional()
  @IsIn(['total', 'average'])
  speakerRankBy?: 'total' | 'average';

  @ApiPropertyOptional({ description: 'with average: fewest substantive speeches to be ranked' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  minSpeeches?: number;
}

/** A copy of the preset with the league's own ranges, steps, slot names and tab rules. */
export class FormatOverridesDto {
  @ApiPropertyOptional({ example: 'АПФ — Қазақ лигасы' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: [SlotRangeDto], description: "one per slot of the preset's side, in order" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => SlotRangeDto)
  speechSlots?: SlotRangeDto[];

  @ApiPropertyOptional({ description: 'slot names per side code, one per slot: { gov: [{ kk, ru, en }, …], … }' })
  @IsOptional()
  @IsObject()
  slotNames?: Record<string, SlotNameDto[]>;

  @ApiPropertyOptional({ type: TabRulesOverrideDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TabRulesOverrideDto)
  tab?: TabRulesOverrideDto;
}

export class PairingRulesDto {
  @ApiPropertyOptional({
    enum: ['pull-up-top', 'intermediate-bubble'],
    default: 'pull-up-top',
    description: 'an odd bracket pulls up the top team of the next, or swaps across an intermediate bubble',
  })
  @IsOptional()
  @IsIn(['pull-up-top', 'intermediate-bubble'])
  oddBracket?: 'pull-up-top' | 'intermediate-bubble';

  @ApiPropertyOptional({
    enum: ['fold', 'slide'],
    default: 'fold',
    description: 'fold: 1 v n (WSDC 3.8); slide: 1 v n/2+1',
  })
  @IsOptional()
  @IsIn(['fold', 'slide'])
  method?: 'fold' | 'slide';

  @ApiPropertyOptional({ default: true, description: 'keep teams of one institution apart where the brackets allow' })
  @IsOptional()
  @IsBoolean()
  avoidInstitution?: boolean;
}

export class BpRulesDto {
  @ApiPropertyOptional({ default: 4, description: "exponent on the entropy cost of positions (Tabbycat's default 4)" })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(16)
  entropyExponent?: number;
}

export class PanelRulesDto {
  @ApiPropertyOptional({ default: 5, description: 'largest panel when spare judges make panels by importance' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  maxPanelSize?: number;

  @ApiPropertyOptional({
    default: false,
    description: 'seat a last judge as a fourth panellist rather than leave them out',
  })
  @IsOptional()
  @IsBoolean()
  evenPanels?: boolean;
}

export class CreateTournamentDto {
  @ApiProperty({ example: 'AMANAT Cup — Оңтүстік' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ['regional', 'national'] })
  @IsIn(['regional', 'national'])
  level: 'regional' | 'national';

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  cupId?: string;

  @ApiPropertyOptional({ description: 'a league of the cup (its own draw, tabs, break and national round)' })
  @IsOptional()
  @IsUUID()
  leagueId?: string;

  @ApiPropertyOptional({ description: 'required for a regional tournament' })
  @ValidateIf((dto: CreateTournamentDto) => dto.level === 'regional' || dto.regionCode !== undefined)
  @IsString()
  @IsNotEmpty()
  regionCode?: string;

  @ApiProperty({ example: 'wsdc', description: 'a format preset key (wsdc, bp, …)' })
  @IsString()
  @IsNotEmpty()
  format: string;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(0)
  @Max(12)
  prelimRounds: number;

  @ApiProperty({ example: 4, description: 'teams breaking to the elimination bracket (need not be a power of two)' })
  @IsInt()
  @Min(2)
  @Max(256)
  breakSize: number;

  @ApiPropertyOptional({ type: FormatOverridesDto, description: "the preset copied with this tournament's changes" })
  @IsOptional()
  @ValidateNested()
  @Type(() => FormatOverridesDto)
  formatOverrides?: FormatOverridesDto;

  @ApiPropertyOptional({
    enum: ['win', 'absent'],
    default: 'absent',
    description: 'a bye: a win without speaker scores, or no result',
  })
  @IsOptional()
  @IsIn(['win', 'absent'])
  byeCounts?: 'win' | 'absent';

  @ApiPropertyOptional({
    default: false,
    description: 'WSDC practice: margins averaged over every ballot, dissent included',
  })
  @IsOptional()
  @IsBoolean()
  marginsIncludeDissent?: boolean;

  @ApiPropertyOptional({ type: PairingRulesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PairingRulesDto)
  pairing?: PairingRulesDto;

  @ApiPropertyOptional({ type: BpRulesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BpRulesDto)
  bp?: BpRulesDto;

  @ApiPropertyOptional({ type: PanelRulesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PanelRulesDto)
  panels?: PanelRulesDto;
}

export class IronSpeakersDto {
  @ApiProperty({ description: 'the team, one speaker short in this debate' })
  @IsUUID()
  teamId: string;

  @ApiProperty({ type: [String], description: 'members allowed a second speech (empty clears the mark)' })
  @IsArray()
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  speakerIds: string[];
}

export class CreateLeagueDto {
  @ApiProperty({ example: 'kk', description: 'short code for URLs and filters' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,19}$/, {
    message: 'key must be 1–20 lowercase letters, digits or -, starting with a letter',
  })
  key: string;

  @ApiProperty({ example: 'Қазақ лигасы' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: ['kk', 'ru', 'en'], description: 'the language of debate of a language league' })
  @IsOptional()
  @IsIn(['kk', 'ru', 'en'])
  language?: 'kk' | 'ru' | 'en';

  @ApiPropertyOptional({
    enum: ['region', 'oblast'],
    default: 'region',
    description: 'who qualifies: the best of each macro-region, or of each oblast and city',
  })
  @IsOptional()
  @IsIn(['region', 'oblast'])
  qualificationUnit?: 'region' | 'oblast';

  @ApiPropertyOptional({ description: "places per unit; default: the cup's slotsPerRegion" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(16)
  placesPerUnit?: number;
}

export class CupQuery {
  @ApiPropertyOptional({ description: "one league's key: only that league" })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,19}$/, { message: 'league must be a league key' })
  league?: string;

  @ApiPropertyOptional({
    enum: ['csv', 'json'],
    default: 'json',
    description: 'csv: each region’s qualifiers and reserves',
  })
  @IsOptional()
  @IsIn(['csv', 'json'])
  format?: 'csv' | 'json';
}

export class TournamentQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  cupId?: string;

  @ApiPropertyOptional({ description: "only this league's tournaments" })
  @IsOptional()
  @IsUUID()
  leagueId?: string;
}

export class AddTournamentTeamDto {
  @ApiPropertyOptional()
  @ValidateIf((dto: AddTournamentTeamDto) => dto.fromCaseChampionshipId === undefined)
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ description: 'import the qualifiers of a finalised case championship' })
  @IsOptional()
  @IsUUID()
  fromCaseChampionshipId?: string;
}

export class AdjudicatorsDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  judgeIds: string[];
}

export class CreateRoundDto {
  @ApiPropertyOptional({ example: 'This house would lower the voting age to 16' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  motion?: string;

  @ApiPropertyOptional({ description: 'text shown before the motion; both stay hidden until the motion is released' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  infoSlide?: string;

  @ApiPropertyOptional({ description: "keep this round's results hidden from the public until revealed" })
  @IsOptional()
  @IsBoolean()
  silent?: boolean;

  @ApiPropertyOptional({ description: 'draw seed (default: random, stored with the round)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  seed?: string;
}

export class SpeechDto {
  @ApiProperty({ description: 'team member id' })
  @IsUUID()
  speakerId: string;

  @ApiProperty({ example: 74 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  score: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  reply?: boolean;
}

export class BallotTeamDto {
  @ApiProperty()
  @IsUUID()
  teamId: string;

  @ApiProperty({ type: [SpeechDto], description: 'in speaking order, the reply flagged' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SpeechDto)
  speeches: SpeechDto[];
}

export class BallotDto {
  @ApiProperty({ type: [BallotTeamDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => BallotTeamDto)
  teams: BallotTeamDto[];

  @ApiPropertyOptional({ description: 'the version of your ballot you are replacing; a stale one is a 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CorrectBallotDto extends BallotDto {
  @ApiProperty({ description: 'whose ballot is corrected' })
  @IsUUID()
  judgeId: string;
}

export class WithdrawDto {
  @ApiProperty()
  @IsUUID()
  teamId: string;
}

export class VersionQuery {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class DryRunQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

/** What a judge gets back for a ballot. */
export class BallotReceipt {
  @ApiProperty()
  ballotId: string;

  @ApiProperty()
  debateId: string;

  @ApiProperty()
  judgeId: string;

  @ApiProperty({ description: "this judge's ballot version (send it back to replace the ballot)" })
  version: number;

  @ApiProperty({ enum: ['pending', 'confirmed'] })
  debateStatus: DebateStatus;

  @ApiProperty({ description: 'the panel split evenly: the organiser confirms the result' })
  needsConfirmation: boolean;
}

/** A correction's effect, previewed (dryRun) or applied. */
export class CorrectionPreview {
  @ApiProperty()
  debateId: string;

  @ApiProperty()
  dryRun: boolean;

  @ApiProperty({
    type: () => DebateDecisionDto,
    nullable: true,
    description: 'the stored result before the correction',
  })
  before: DebateDecision | null;

  @ApiProperty({ type: () => DebateDecisionDto, description: 'the result with the corrected ballot' })
  after: DebateDecision;

  @ApiProperty()
  winnerChanged: boolean;

  @ApiProperty({
    type: () => [BracketResetDto],
    description: 'later elimination debates whose entrants or result the correction resets',
  })
  resets: BracketReset[];
}
