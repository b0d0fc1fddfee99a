import { ApiProperty } from '@nestjs/swagger';

export class CasePoolRemovedView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'always true: the juror or entry is gone' }) removed: boolean;
}

export class CasePoolMemberView {
  @ApiProperty({ description: 'the judge (jury) or team (entries)' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'false: deactivated, history kept, left out of rooms, scoring and standings' })
  active: boolean;
  @ApiProperty({ description: 'scoresheets by this juror (for this team)' }) sheets: number;
}
