// Response DTOs of the tournament, round, debate and cup routes: the OpenAPI schemas of the read models in
// tournament-views.ts. Each class `implements` its view, so a field added to a view and not documented here fails
// the typecheck.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SpeakerTabRow } from '../engine/standings/speaker-tab.js';
import type { TeamTabRow } from '../engine/standings/team-tab.js';
import { TEAM_TIE_BREAKS, type TeamTieBreak } from '../engine/formats/format-preset.js';
import { AgeBandDto } from '../teams/age-band.dto.js';
import { FormatResultDto, LocalisedTextDto, SpeechSlotDto, TabRulesDto } from '../formats/format.dto.js';
import type {
  BracketView,
  CupNationalRow,
  CupRegionRow,
  CupView,
  DebateView,
  LeagueView,
  RoundView,
  TournamentView,
} from './tournament-views.js';

const TOURNAMENT_STATUSES = ['setup', 'prelims', 'elims', 'finished'];

export class TeamNameDto {
  @ApiProperty() teamId!: string;
  @ApiProperty() teamName!: string;
}

export class FormatLabelsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/LocalisedTextDto' },
    description: 'side code → its name',
  })
  sides!: Record<string, LocalisedTextDto>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/LocalisedTextDto' } },
    description: 'side code → one name per speech slot, in speaking order',
  })
  slots!: Record<string, LocalisedTextDto[]>;
}

/** The format as a tournament uses it (the preset with the league's changes). */
export class FormatSpecDto {
  @ApiProperty({ example: 'wsdc' }) key!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ type: FormatLabelsDto }) labels?: FormatLabelsDto;
  @ApiPropertyOptional({ type: TabRulesDto, description: 'absent: the default team tab rules' }) tab?: TabRulesDto;
  @ApiPropertyOptional() ironSpeeches?: boolean;
  @ApiProperty({ type: [String], example: ['gov', 'opp'] }) sides!: string[];
  @ApiProperty() speakersPerSide!: number;
  @ApiProperty({ type: [SpeechSlotDto] }) speechSlots!: SpeechSlotDto[];
  @ApiProperty({ type: FormatResultDto }) result!: FormatResultDto;
}

export class PairingRulesViewDto {
  @ApiPropertyOptional({ enum: ['pull-up-top', 'intermediate-bubble'] }) oddBracket?: string;
  @ApiPropertyOptional({ enum: ['fold', 'slide'] }) method?: string;
  @ApiPropertyOptional() avoidInstitution?: boolean;
}

export class TournamentRulesDto {
  @ApiProperty({ enum: ['win', 'absent'] }) byeCounts!: 'win' | 'absent';
  @ApiProperty() marginsIncludeDissent!: boolean;
  @ApiPropertyOptional({ type: PairingRulesViewDto }) pairing?: PairingRulesViewDto;
  @ApiPropertyOptional({ type: 'object', properties: { entropyExponent: { type: 'number' } } })
  bp?: { entropyExponent?: number };
  @ApiPropertyOptional({
    type: 'object',
    properties: { maxPanelSize: { type: 'number' }, evenPanels: { type: 'boolean' } },
  })
  panels?: { maxPanelSize?: number; evenPanels?: boolean };
}

export class TournamentTeamEntryDto {
  @ApiProperty() teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ example: 'region:south', description: 'how the team entered: direct, a championship, a region' })
  source!: string;
  @ApiProperty() withdrawn!: boolean;
}

export class TournamentViewDto implements TournamentView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['regional', 'national'] }) level!: TournamentView['level'];
  @ApiProperty({ type: String, nullable: true }) cupId!: string | null;
  @ApiProperty({ type: String, nullable: true }) leagueId!: string | null;
  @ApiProperty({ type: String, nullable: true }) regionCode!: string | null;
  @ApiProperty({ example: 'wsdc' }) format!: string;
  @ApiProperty({ type: FormatSpecDto }) formatSpec!: TournamentView['formatSpec'];
  @ApiProperty({ type: TabRulesDto, description: "what the tabs rank by, in order (the tab's header)" })
  tabRules!: TournamentView['tabRules'];
  @ApiProperty({ type: TournamentRulesDto }) rules!: TournamentView['rules'];
  @ApiProperty() prelimRounds!: number;
  @ApiProperty() breakSize!: number;
  @ApiProperty({ enum: TOURNAMENT_STATUSES }) status!: TournamentView['status'];
  @ApiProperty({ type: [TournamentTeamEntryDto] }) teams!: TournamentTeamEntryDto[];
  @ApiProperty({ type: [String], description: "judge ids of the adjudicator pool (names: the organiser's judge list)" })
  adjudicators!: string[];
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description:
      'how the break was made: { breakSize, seeds, cutoffTie } by the tab, or { seeding, swaps, constraintsBroken } by the national seeding',
  })
  breakReport!: TournamentView['breakReport'];
  @ApiProperty({ type: String, nullable: true }) championTeamId!: string | null;
  @ApiProperty({ type: String, nullable: true }) championTeamName!: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'team ids, champion first, once the final is decided' })
  finalPlaces!: string[] | null;
  @ApiProperty({ type: [TeamNameDto], nullable: true, description: '`finalPlaces` with the teams’ names' })
  finalPlaceTeams!: TeamNameDto[] | null;
  @ApiProperty() version!: number;
}

export class DebateSideDto {
  @ApiProperty({ example: 'gov' }) side!: string;
  @ApiProperty() teamId!: string;
  @ApiProperty() teamName!: string;
}

export class PanelSeatDto {
  @ApiProperty() judgeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['chair', 'wing'] }) role!: 'chair' | 'wing';
}

export class ResultSpeechDto {
  @ApiProperty() speakerId!: string;
  @ApiProperty() score!: number;
  @ApiProperty() reply!: boolean;
  @ApiPropertyOptional({ description: 'a second speech by a member of a team one short: not in the speaker tab' })
  iron?: boolean;
}

export class TeamResultDto {
  @ApiProperty() teamId!: string;
  @ApiProperty() side!: string;
  @ApiProperty() total!: number;
  @ApiProperty() points!: number;
  @ApiProperty({ description: '1 = first (the winner in win-loss formats)' }) rank!: number;
  @ApiPropertyOptional() won?: boolean;
  @ApiProperty() margin!: number;
  @ApiProperty({ type: [ResultSpeechDto] }) speeches!: ResultSpeechDto[];
  @ApiPropertyOptional({ description: 'ballots that placed the team first (panel decisions)' }) ballots?: number;
  @ApiPropertyOptional({ enum: ['bye', 'forfeit'] }) noScore?: 'bye' | 'forfeit';
}

export class SpeakerNamedDto {
  @ApiProperty() judgeId!: string;
  @ApiProperty() speakerId!: string;
}

export class SpeakerDisputeDto {
  @ApiProperty() teamId!: string;
  @ApiProperty({ description: "index into the team's speeches (speaking order, replies last)" }) slot!: number;
  @ApiProperty() speakerId!: string;
  @ApiProperty({ enum: ['majority', 'chair'] }) decidedBy!: 'majority' | 'chair';
  @ApiProperty({ type: [SpeakerNamedDto] }) named!: SpeakerNamedDto[];
}

/** A panel's decision on a debate. */
export class DebateDecisionDto {
  @ApiProperty({ type: [TeamResultDto] }) teams!: TeamResultDto[];
  @ApiProperty({ type: String, nullable: true }) winnerTeamId!: string | null;
  @ApiProperty() split!: boolean;
  @ApiProperty() unanimous!: boolean;
  @ApiProperty({ description: 'a level panel, decided by the chair: the organiser confirms' }) evenSplit!: boolean;
  @ApiProperty({ type: [String], description: 'judge ids whose ballots counted' }) counted!: string[];
  @ApiProperty({ type: [String], description: 'judge ids in the minority' }) minority!: string[];
  @ApiPropertyOptional() forfeitedBy?: string;
  @ApiPropertyOptional({ type: [SpeakerDisputeDto] }) speakerDisputes?: SpeakerDisputeDto[];
}

export class DebateViewDto implements DebateView {
  @ApiProperty() id!: string;
  @ApiProperty() room!: number;
  @ApiProperty({ type: String, nullable: true, description: 'the named venue the draw gave the debate' })
  venueId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "the venue's name (null without venues)" })
  venue!: string | null;
  @ApiProperty({ enum: ['pending', 'confirmed'] }) status!: DebateView['status'];
  @ApiProperty() needsConfirmation!: boolean;
  @ApiProperty({ type: String, nullable: true }) bracketMatchId!: string | null;
  @ApiProperty({ type: [DebateSideDto] }) teams!: DebateSideDto[];
  @ApiProperty({ type: [PanelSeatDto], description: 'chair first' }) panel!: PanelSeatDto[];
  @ApiProperty({ type: [String], description: 'why the draw made this pairing' }) explanation!: string[];
  @ApiPropertyOptional({ type: DebateDecisionDto, description: 'absent until decided, and on a hidden silent round' })
  result?: DebateView['result'];
}

export class BrokenConstraintDto {
  @ApiProperty() constraint!: string;
  @ApiProperty() why!: string;
  @ApiPropertyOptional({ type: [String] }) teamIds?: string[];
  @ApiPropertyOptional() debateId?: string;
}

export class RoundViewDto implements RoundView {
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: ['prelim', 'elim'] }) kind!: RoundView['kind'];
  @ApiProperty({ type: String, nullable: true, description: 'elimination rounds: Final, Semifinals…' })
  name!: string | null;
  @ApiProperty({ enum: ['draft', 'released', 'closed'] }) status!: RoundView['status'];
  @ApiProperty({ type: String, nullable: true, description: 'null for the public until the motion is released' })
  motion!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'shown before the motion; hidden with it' })
  infoSlide!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) motionReleasedAt!: string | null;
  @ApiProperty() seed!: string;
  @ApiProperty({ description: 'results stay off the public tab until revealed' }) silent!: boolean;
  @ApiProperty({ type: [BrokenConstraintDto] }) brokenConstraints!: BrokenConstraintDto[];
  @ApiProperty({ type: [DebateViewDto] }) debates!: DebateViewDto[];
}

/** One debate with its round, as `GET /api/debates/:id` answers. */
export class DebateDetailDto extends DebateViewDto {
  @ApiProperty() roundSeq!: number;
  @ApiProperty() tournamentId!: string;
  @ApiProperty({ type: String, nullable: true }) motion!: string | null;
}

export class BracketMatchDto {
  @ApiProperty({ description: 'the bracket match' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the debate drawn for it, once drawn' })
  debateId!: string | null;
  @ApiProperty({ type: [Number], nullable: true, description: 'per room position: the seed (null: a bye)' })
  seeds!: (number | null)[];
  @ApiProperty({ type: [String], nullable: true, description: 'per room position: the team (null: a bye or waiting)' })
  teamIds!: (string | null)[];
  @ApiProperty({ type: [String], nullable: true, description: 'per room position: the team’s name' })
  teamNames!: (string | null)[];
  @ApiProperty({ type: String, nullable: true }) winnerTeamId!: string | null;
  @ApiProperty({ type: String, nullable: true }) winnerTeamName!: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'BP rooms: team ids, best first' })
  ranking!: string[] | null;
  @ApiProperty({ description: 'a first-round match with an empty slot: its team goes on without debating' })
  bye!: boolean;
}

export class BracketRoundDto {
  @ApiProperty({ example: 'Final' }) name!: string;
  @ApiProperty({ type: [BracketMatchDto] }) debates!: BracketMatchDto[];
}

export class BracketViewDto implements BracketView {
  @ApiProperty({ type: [BracketRoundDto] }) rounds!: BracketRoundDto[];
  @ApiProperty({ type: String, nullable: true, description: "the champion's team id" }) champion!: string | null;
  @ApiProperty({ type: String, nullable: true }) championName!: string | null;
}

export class TeamRowDto implements TeamTabRow {
  @ApiProperty({ description: 'rows equal on every tie-break share a rank (1, 2, 2, 4)' }) rank!: number;
  @ApiProperty() teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() points!: number;
  @ApiProperty() wins!: number;
  @ApiProperty({ description: "judges' ballots that placed the team first" }) ballots!: number;
  @ApiProperty() speakerTotal!: number;
  @ApiProperty({ type: Number, nullable: true }) speakerAverage!: number | null;
  @ApiProperty() byes!: number;
  @ApiProperty() forfeits!: number;
  @ApiProperty() drawStrength!: number;
  @ApiProperty() margin!: number;
  @ApiProperty() debates!: number;
  @ApiProperty({
    enum: TEAM_TIE_BREAKS,
    nullable: true,
    description: 'the tie-break that separates this row from the one above',
  })
  decidedBy!: TeamTieBreak | null;
}

export class SpeakerRowDto implements SpeakerTabRow {
  @ApiProperty({ type: Number, nullable: true, description: 'null below the minimum number of speeches' })
  rank!: number | null;
  @ApiProperty() speakerId!: string;
  @ApiProperty({ description: 'full name, or initials on the public tab when the organiser chooses so' })
  name!: string;
  @ApiProperty() teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: Number, nullable: true }) average!: number | null;
  @ApiProperty() replyTotal!: number;
  @ApiProperty({ type: Number, nullable: true }) replyAverage!: number | null;
  @ApiProperty() speeches!: number;
  @ApiProperty() replies!: number;
}

export class TournamentAuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() tournamentId!: string;
  @ApiProperty({ example: 'organiser:9b1d…', description: '`organiser:<id>` or `judge:<id>`' }) actor!: string;
  @ApiProperty({ type: String, nullable: true, description: "the organiser's username or the judge's name" })
  actorName!: string | null;
  @ApiProperty({ example: 'correct-ballot' }) action!: string;
  @ApiProperty({ description: 'the debate or team the action concerns' }) subjectId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the team’s name, when the subject is a team' })
  subjectName!: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) before!: unknown;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) after!: unknown;
  @ApiProperty() at!: string;
}

export class BracketResetDto {
  @ApiProperty({ description: 'the bracket match reset' }) matchId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the debate drawn for it, if any' }) debateId!:
    string | null;
}

export class WithdrawalDto {
  @ApiProperty() teamId!: string;
  @ApiProperty({ enum: [true] }) withdrawn!: true;
  @ApiProperty({ type: String, nullable: true, description: "national round: the region's next finisher, in" })
  replacement!: string | null;
}

export class ConfirmationDto {
  @ApiProperty() debateId!: string;
  @ApiProperty({ type: DebateDecisionDto }) result!: DebateDecisionDto;
}

export class IronSpeakersViewDto {
  @ApiProperty() debateId!: string;
  @ApiProperty() teamId!: string;
  @ApiProperty({ type: [String] }) ironSpeakerIds!: string[];
}

export class CupRegionRowDto implements CupRegionRow {
  @ApiProperty({ example: 'south' }) code!: string;
  @ApiProperty({ type: String, nullable: true }) tournamentId!: string | null;
  @ApiProperty({ enum: [...TOURNAMENT_STATUSES, 'not-created'] }) status!: string;
  @ApiProperty({ type: [String], description: 'team ids going on to the national round, in finishing order' })
  qualifiers!: string[];
  @ApiProperty({ type: [TeamNameDto], description: '`qualifiers` with the teams’ names' })
  qualifierTeams!: TeamNameDto[];
  @ApiProperty({
    type: [TeamNameDto],
    description:
      "next in line after the qualifiers (one per region, or per oblast and city): who takes a withdrawn qualifier's place in the national round",
  })
  reserves!: TeamNameDto[];
}

export class CupNationalRowDto implements CupNationalRow {
  @ApiProperty({ type: String, nullable: true }) tournamentId!: string | null;
  @ApiProperty({ enum: [...TOURNAMENT_STATUSES, 'not-created'] }) status!: string;
  @ApiPropertyOptional({ description: "the champion's team id" }) champion?: string;
  @ApiPropertyOptional() championName?: string;
}

export class LeagueViewDto implements LeagueView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'kk' }) key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['kk', 'ru', 'en'], nullable: true }) language!: LeagueView['language'];
  @ApiProperty({ enum: ['region', 'oblast'] }) qualificationUnit!: LeagueView['qualificationUnit'];
  @ApiProperty() placesPerUnit!: number;
  @ApiProperty({ type: [CupRegionRowDto] }) regions!: CupRegionRowDto[];
  @ApiProperty({ type: CupNationalRowDto }) national!: CupNationalRowDto;
}

export class CupViewDto implements CupView {
  @ApiProperty() id!: string;
  @ApiProperty({ type: [AgeBandDto], description: "the cup's age groups, both ends included" })
  ageBands!: AgeBandDto[];
  @ApiProperty({ description: 'the date ages are taken on', format: 'date' }) ageReferenceDate!: string;
  @ApiProperty() name!: string;
  @ApiProperty() season!: string;
  @ApiProperty() slotsPerRegion!: number;
  @ApiProperty({ type: [CupRegionRowDto], description: 'tournaments of no league' }) regions!: CupRegionRowDto[];
  @ApiProperty({ type: CupNationalRowDto }) national!: CupNationalRowDto;
  @ApiProperty({ type: [LeagueViewDto] }) leagues!: LeagueViewDto[];
  @ApiProperty() version!: number;
}
