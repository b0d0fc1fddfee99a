import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DebateStatus } from './debate.entity.js';

export class BallotSpeechEntry {
  @ApiProperty() speakerId: string;
  @ApiProperty() score: number;
  @ApiPropertyOptional() reply?: boolean;
}

export class DrawnSide {
  @ApiProperty() side: string;
  @ApiProperty() teamId: string;
  @ApiProperty() teamName: string;
}

/** One team on one judge's ballot: the speeches as entered and their sum. */
export class BallotTeamTotal {
  @ApiProperty() teamId: string;
  @ApiProperty() total: number;
  @ApiProperty({
    type: [BallotSpeechEntry],
    description: 'as entered, in speaking order (a correction starts from these)',
  })
  speeches: BallotSpeechEntry[];
}

/** A panellist's seat on the board: whether their current ballot is in, and whom it gives the debate to. */
export class PanelBallot {
  @ApiProperty() judgeId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['chair', 'wing'] }) role: 'chair' | 'wing';
  @ApiProperty({ description: 'a current ballot is in' }) submitted: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number }) version: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the team with the highest total on this ballot' })
  winnerTeamId: string | null;
  @ApiProperty({ type: [BallotTeamTotal] }) teams: BallotTeamTotal[];
}

export class DebateBallots {
  @ApiProperty() debateId: string;
  @ApiProperty() room: number;
  @ApiProperty({ enum: ['pending', 'confirmed'] }) status: DebateStatus;
  @ApiProperty({ description: 'the panel split evenly: the organiser confirms the chair’s result' })
  needsConfirmation: boolean;
  @ApiProperty({ type: [DrawnSide], description: 'the sides as drawn' }) teams: DrawnSide[];
  @ApiProperty({ type: [PanelBallot] }) panel: PanelBallot[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the decided winner' }) winnerTeamId: string | null;
}

export class RoundBallotsPage {
  @ApiProperty({ type: [DebateBallots] }) items: DebateBallots[];
  @ApiProperty() total: number;
}
