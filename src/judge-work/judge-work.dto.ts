import { ApiProperty } from '@nestjs/swagger';
import { LocalisedTextDto } from '../formats/format.dto.js';

export class SpeakerDto {
  @ApiProperty({ description: 'team member id: the speakerId a ballot names' }) id!: string;
  @ApiProperty() name!: string;
}

export class WorkTeamDto {
  @ApiProperty() teamId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'gov', description: 'the side code of the format (gov|opp, OG|OO|CG|CO, aff|neg)' })
  side!: string;
  @ApiProperty({ type: [SpeakerDto], description: 'the roster in speaking order' }) speakers!: SpeakerDto[];
}

export class WorkDebateDto {
  @ApiProperty() debateId!: string;
  @ApiProperty() tournamentId!: string;
  @ApiProperty() tournamentName!: string;
  @ApiProperty({ example: 'wsdc', description: 'key of GET /api/formats/:key' }) format!: string;
  @ApiProperty() roundSeq!: number;
  @ApiProperty({ enum: ['prelim', 'elim'] }) roundKind!: string;
  @ApiProperty({ nullable: true, type: String, description: 'elimination rounds: Final, Semifinals…' }) roundName!:
    string | null;
  @ApiProperty({ enum: ['released', 'closed'] }) roundStatus!: string;
  @ApiProperty() room!: number;
  @ApiProperty({ nullable: true, type: String, description: 'null until the tab releases the motion' })
  motion!: string | null;
  @ApiProperty({ enum: ['chair', 'wing'] }) role!: string;
  @ApiProperty({ enum: ['pending', 'confirmed'] }) status!: string;
  @ApiProperty({ description: 'the organiser must confirm a split panel' }) needsConfirmation!: boolean;
  @ApiProperty({ description: 'this judge has a current ballot in' }) ballotIn!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: "version of this judge's current ballot" }) ballotVersion!:
    number | null;
  @ApiProperty({ type: [WorkTeamDto], description: "in the format's side order" }) teams!: WorkTeamDto[];
}

export class JudgeDebatesDto {
  @ApiProperty({ type: [WorkDebateDto], description: 'debates on released (or closed) rounds, newest round first' })
  items!: WorkDebateDto[];
  @ApiProperty() total!: number;
}

export class WorkCriterionDto {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: LocalisedTextDto,
    description: "the default rubric's names; a custom criterion repeats its name",
  })
  names!: LocalisedTextDto;
  @ApiProperty() weight!: number;
  @ApiProperty() maxScore!: number;
}

export class WorkSheetDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) scores!: Record<string, number>;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty() version!: number;
}

export class WorkCaseTeamDto {
  @ApiProperty() teamId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    nullable: true,
    enum: ['declared', 'same-institution', 'mentor'],
    description: 'set: this judge may not score the team',
  })
  conflict!: 'declared' | 'same-institution' | 'mentor' | null;
  @ApiProperty({ type: String, nullable: true, description: 'qualifying rooms: when the team presents' })
  startsAt!: string | null;
  @ApiProperty({ nullable: true, type: WorkSheetDto }) scoresheet!: WorkSheetDto | null;
}

export class WorkChampionshipDto {
  @ApiProperty() championshipId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['draft', 'scoring', 'finalised'] }) status!: string;
  @ApiProperty({ enum: ['single', 'qualifying', 'final'] }) stage!: string;
  @ApiProperty({ type: Number, nullable: true, description: "qualifying stage: the juror's room" }) room!:
    number | null;
  @ApiProperty({ type: [WorkCriterionDto] }) criteria!: WorkCriterionDto[];
  @ApiProperty({ type: [WorkCaseTeamDto] }) teams!: WorkCaseTeamDto[];
  @ApiProperty({ description: 'own sheets in ("4" of "4 of 6")' }) sheetsDone!: number;
  @ApiProperty({ description: 'teams this judge may score ("6" of "4 of 6")' }) sheetsDue!: number;
}

export class JudgeWorkDto {
  @ApiProperty() judgeId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: [WorkDebateDto], description: 'debates on released (or closed) rounds, newest round first' })
  debates!: WorkDebateDto[];
  @ApiProperty({ type: [WorkChampionshipDto] }) championships!: WorkChampionshipDto[];
}

export class JudgeChampionshipsDto {
  @ApiProperty({ type: [WorkChampionshipDto], description: 'newest championship first' })
  items!: WorkChampionshipDto[];
  @ApiProperty() total!: number;
}
