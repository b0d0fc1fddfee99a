import { ApiProperty } from '@nestjs/swagger';
import type { FormatPreset, LocalisedText, SpeechSlot, TeamTieBreak } from '../engine/formats/format-preset.js';
import { TEAM_TIE_BREAKS } from '../engine/formats/format-preset.js';

export class LocalisedTextDto implements LocalisedText {
  @ApiProperty({ example: 'Премьер-министр' }) kk!: string;
  @ApiProperty({ example: 'Премьер-министр' }) ru!: string;
  @ApiProperty({ example: 'Prime Minister' }) en!: string;
}

export class SpeechSlotDto {
  @ApiProperty({ enum: ['speech', 'reply'], description: 'a substantive speech, or a reply/rebuttal given last' })
  kind!: SpeechSlot['kind'];
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
  @ApiProperty({ description: 'scores are min + k × step' }) step!: number;
  @ApiProperty({
    type: [Number],
    required: false,
    description: 'replies: the 1-based speaker positions that may give it',
  })
  eligiblePositions?: number[];
}

export class FormatSideDto {
  @ApiProperty({ example: 'gov' }) code!: string;
  @ApiProperty({ type: LocalisedTextDto }) name!: LocalisedTextDto;
  @ApiProperty({ type: [LocalisedTextDto], description: 'one name per speech slot, in speaking order' })
  slots!: LocalisedTextDto[];
}

export class FormatResultDto {
  @ApiProperty({ enum: ['win-loss', 'ranks'] }) kind!: 'win-loss' | 'ranks';
  @ApiProperty({ required: false }) winPoints?: number;
  @ApiProperty({ type: [Number], required: false }) pointsByRank?: number[];
}

export class TabRulesDto {
  @ApiProperty({ enum: TEAM_TIE_BREAKS, isArray: true, description: 'team tab precedence, highest first' })
  teamTieBreaks!: TeamTieBreak[];
  @ApiProperty({ enum: ['total', 'average'] }) speakerRankBy!: 'total' | 'average';
  @ApiProperty({ description: 'with average: speakers with fewer substantive speeches are listed unranked' })
  minSpeeches!: number;
}

export class FormatView {
  @ApiProperty({ example: 'apf' }) key!: string;
  @ApiProperty({ example: 'American Parliamentary (АПФ)' }) name!: string;
  @ApiProperty() speakersPerSide!: number;
  @ApiProperty({ type: [FormatSideDto], description: 'in speaking-order convention' }) sides!: FormatSideDto[];
  @ApiProperty({ type: [SpeechSlotDto], description: "one side's slots: substantive speeches, then replies" })
  speechSlots!: SpeechSlotDto[];
  @ApiProperty({ type: FormatResultDto }) result!: FormatResultDto;
  @ApiProperty({ type: TabRulesDto }) tab!: TabRulesDto;
  @ApiProperty({ description: 'a member may give a second substantive speech when the organiser marks the team iron' })
  ironSpeeches!: boolean;

  static from(preset: FormatPreset, defaultTab: TabRulesDto): FormatView {
    const label = (en: string): LocalisedTextDto => ({ kk: en, ru: en, en });
    return {
      key: preset.key,
      name: preset.name,
      speakersPerSide: preset.speakersPerSide,
      sides: preset.sides.map((code) => ({
        code,
        name: preset.labels?.sides[code] ?? label(code),
        slots:
          preset.labels?.slots[code]?.map((slot) => ({ ...slot })) ??
          preset.speechSlots.map((_, i) => label(`${i + 1}`)),
      })),
      speechSlots: preset.speechSlots.map((slot) =>
        slot.kind === 'reply'
          ? {
              kind: slot.kind,
              min: slot.min,
              max: slot.max,
              step: slot.step,
              eligiblePositions: [...slot.eligiblePositions],
            }
          : { kind: slot.kind, min: slot.min, max: slot.max, step: slot.step },
      ),
      result:
        preset.result.kind === 'win-loss'
          ? { kind: 'win-loss', winPoints: preset.result.winPoints }
          : { kind: 'ranks', pointsByRank: [...preset.result.pointsByRank] },
      tab: preset.tab ? { ...preset.tab, teamTieBreaks: [...preset.tab.teamTieBreaks] } : defaultTab,
      ironSpeeches: preset.ironSpeeches ?? true,
    };
  }
}

export class FormatPage {
  @ApiProperty({ type: [FormatView] }) items!: FormatView[];
  @ApiProperty() total!: number;
}
