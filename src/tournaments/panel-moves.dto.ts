import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';

export const PANEL_ACTIONS = ['move', 'swap', 'chair', 'remove'] as const;
export type PanelAction = (typeof PANEL_ACTIONS)[number];

export class PanelMoveDto {
  @ApiProperty({
    enum: PANEL_ACTIONS,
    description:
      'move: the judge (on a panel of this round or not) to toDebateId as `role`; swap: the judge and otherJudgeId exchange seats; chair: the judge chairs their panel; remove: the judge leaves their panel',
  })
  @IsIn(PANEL_ACTIONS)
  action: PanelAction;

  @ApiProperty()
  @IsUUID()
  judgeId: string;

  @ApiPropertyOptional({ description: 'move: the debate (of this round) the judge goes to' })
  @ValidateIf((o: PanelMoveDto) => o.action === 'move' || o.toDebateId !== undefined)
  @IsUUID()
  toDebateId?: string;

  @ApiPropertyOptional({ enum: ['chair', 'wing'], default: 'wing', description: 'move: the seat taken' })
  @IsOptional()
  @IsIn(['chair', 'wing'])
  role?: 'chair' | 'wing';

  @ApiPropertyOptional({ description: 'swap: the other judge' })
  @ValidateIf((o: PanelMoveDto) => o.action === 'swap' || o.otherJudgeId !== undefined)
  @IsUUID()
  otherJudgeId?: string;
}

export class PanelRulesUpdateDto {
  @ApiPropertyOptional({ description: 'largest panel when spare judges make panels by importance (default 5)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  maxPanelSize?: number;

  @ApiPropertyOptional({ description: 'seat a last judge as a fourth panellist rather than leave them out' })
  @IsOptional()
  @IsBoolean()
  evenPanels?: boolean;

  @ApiPropertyOptional({
    description: 'every panel exactly this size, judges beyond it left out; 0 = panels by importance again',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9)
  panelSize?: number;
}

export class PanelRulesView {
  @ApiProperty() maxPanelSize: number;
  @ApiProperty() evenPanels: boolean;
  @ApiProperty({ type: Number, nullable: true }) panelSize: number | null;
}

export class PanelConflictView {
  @ApiProperty() debateId: string;
  @ApiProperty() room: number;
  @ApiProperty({ enum: ['judge-team', 'judge-judge'] }) kind: 'judge-team' | 'judge-judge';
  @ApiProperty() judgeId: string;
  @ApiProperty() judgeName: string;
  @ApiProperty({ description: 'the team (judge-team) or the other judge (judge-judge)' }) otherId: string;
  @ApiProperty() otherName: string;
  @ApiProperty({ enum: ['declared', 'same-institution', 'mentor'] }) reason: string;
}

export class PanelSeatView {
  @ApiProperty() judgeId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['chair', 'wing'] }) role: 'chair' | 'wing';
}

export class PanelTeamView {
  @ApiProperty() teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty() side: string;
}

export class PanelDebateView {
  @ApiProperty() id: string;
  @ApiProperty() room: number;
  @ApiProperty({ type: String, nullable: true }) venue: string | null;
  @ApiProperty({ type: [PanelTeamView] }) teams: PanelTeamView[];
  @ApiProperty({ type: [PanelSeatView], description: 'chair first' }) panel: PanelSeatView[];
  @ApiProperty({ type: [PanelConflictView], description: 'every conflict this panel breaks now' })
  conflicts: PanelConflictView[];
}

export class UnallocatedJudgeView {
  @ApiProperty() judgeId: string;
  @ApiProperty() name: string;
}

export class RoundPanelsView {
  @ApiProperty() seq: number;
  @ApiProperty({ enum: ['draft', 'released', 'closed'] }) status: string;
  @ApiProperty({ type: [PanelDebateView] }) items: PanelDebateView[];
  @ApiProperty() total: number;
  @ApiProperty({ type: [UnallocatedJudgeView], description: 'active judges available for the round and on no panel' })
  unallocated: UnallocatedJudgeView[];
}

export class PanelChangeView extends RoundPanelsView {
  @ApiProperty({
    type: [PanelConflictView],
    description: 'conflicts this change broke (accepted, as Tabbycat does: the director decides)',
  })
  broken: PanelConflictView[];
}
