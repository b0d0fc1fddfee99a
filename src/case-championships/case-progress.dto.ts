import { ApiProperty } from '@nestjs/swagger';

export class ProgressJuror {
  @ApiProperty() judgeId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'sheets this juror has in for the current stage' }) done: number;
  @ApiProperty({ description: 'sheets this juror owes in the current stage (conflicts excluded)' }) due: number;
}

export class ProgressTeam {
  @ApiProperty() teamId: string;
  @ApiProperty() teamName: string;
}

export class ProgressCell {
  @ApiProperty() judgeId: string;
  @ApiProperty() teamId: string;
  @ApiProperty({ enum: ['scored', 'due', 'conflict'] }) state: 'scored' | 'due' | 'conflict';
  @ApiProperty({ nullable: true, type: String, description: 'why the juror may not score the team' })
  conflict: string | null;
}

/** The jury's progress as a grid: juror × team, for the stage being scored (cells absent where a juror has no such team). */
export class ChampionshipProgress {
  @ApiProperty() championshipId: string;
  @ApiProperty({ enum: ['draft', 'scoring', 'finalised'] }) status: string;
  @ApiProperty({ type: [ProgressJuror] }) jurors: ProgressJuror[];
  @ApiProperty({ type: [ProgressTeam] }) teams: ProgressTeam[];
  @ApiProperty({ type: [ProgressCell] }) cells: ProgressCell[];
}
