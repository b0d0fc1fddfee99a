// Response DTOs of the judge routes; each `implements` its view, so an undocumented new field fails the typecheck.
import { ApiProperty } from '@nestjs/swagger';
import { ImportReport } from '../common/csv-import.js';
import type { JudgeImportResult } from './judge-import.service.js';
import type { CreatedJudgeView, JudgeView } from './judge.dto.js';

export class TeamConflictNoteDto {
  @ApiProperty() teamId!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class JudgeViewDto implements JudgeView {
  @ApiProperty() id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ example: 'north' }) regionCode!: string;
  @ApiProperty() institution!: string;
  @ApiProperty({ description: '0–10, for panel allocation' }) strength!: number;
  @ApiProperty({ description: 'no sign-in until credentials are re-issued' }) revoked!: boolean;
  @ApiProperty({ type: [TeamConflictNoteDto], description: 'declared conflicts with teams' })
  conflicts!: TeamConflictNoteDto[];
  @ApiProperty({ type: [String], description: 'judges kept off a panel with this one' }) judgeConflicts!: string[];
  @ApiProperty() version!: number;
}

export class CreatedJudgeViewDto extends JudgeViewDto implements CreatedJudgeView {
  @ApiProperty({ description: 'shown once; only hashes are stored' }) accessCode!: string;
  @ApiProperty({ description: 'the private link /judge/<token>, shown once' }) link!: string;
}

export class JudgeImportResultDto extends ImportReport implements JudgeImportResult {
  @ApiProperty({ type: [CreatedJudgeViewDto], description: 'a real run: each judge with the code and link, once' })
  items!: CreatedJudgeViewDto[];
}
