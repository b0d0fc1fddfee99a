import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CreateTeamConflictDto {
  @ApiProperty({ description: 'a team entered in the tournament' })
  @IsUUID()
  teamId: string;

  @ApiProperty({ description: 'another team entered in the tournament, which teamId must not meet' })
  @IsUUID()
  otherTeamId: string;
}

export class TeamConflictView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'the pair, the smaller id first' }) teamId: string;
  @ApiProperty() otherTeamId: string;
  @ApiProperty() createdAt: Date;
}

export class TeamConflictPage {
  @ApiProperty({ type: [TeamConflictView] }) items: TeamConflictView[];
  @ApiProperty() total: number;
}
