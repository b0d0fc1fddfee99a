import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const PUBLIC_NAME_MODES = ['full', 'initials'] as const;
export type PublicNameMode = (typeof PUBLIC_NAME_MODES)[number];

export class PrivacySettingsDto {
  @ApiProperty({
    enum: PUBLIC_NAME_MODES,
    description:
      "how participants' names appear on public (unauthenticated) routes: the speaker tab; organisers always see full names",
  })
  @IsIn(PUBLIC_NAME_MODES)
  publicNames: PublicNameMode;
}

export class PrivacySettingsView {
  @ApiProperty({ enum: PUBLIC_NAME_MODES })
  publicNames: PublicNameMode;
}

/** Public team routes: no birth dates and no names (minors); names appear only on the speaker tab. */
export class PublicTeamMemberView {
  @ApiProperty()
  id: string;

  @ApiProperty()
  position: number;
}
