import { ApiProperty } from '@nestjs/swagger';
import type { FormatPreset, LocalisedText, SpeechSlot, TeamTieBreak } from '../engine/formats/format-preset.js';
import { TEAM_TIE_BREAKS } from '../engine/formats/format-preset.js';
import { DEFAULT_BP_OPTIONS } from '../engine/draw/bp-draw.js';
import { DEFAULT_PAIRING_OPTIONS } from '../engine/draw/power-pairing.js';
import { DEFAULT_PANEL_OPTIONS } from '../engine/panels/panel-allocation.js';

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

export class PairingRulesDefaultsDto {
  @ApiProperty({ enum: ['pull-up-top', 'intermediate-bubble'], description: 'what a bracket with an odd count does' })
  oddBracket!: string;
  @ApiProperty({ enum: ['fold', 'slide'], description: 'fold: 1 v n (WSDC 3.8); slide: 1 v n/2+1' }) method!: string;
  @ApiProperty({ description: 'keep teams of one institution apart where the brackets allow' })
  avoidInstitution!: boolean;
}

export class BpRulesDefaultsDto {
  @ApiProperty({ description: 'exponent on the entropy cost of positions, 0.5–16' }) entropyExponent!: number;
}

export class PanelRulesDefaultsDto {
  @ApiProperty({ description: 'largest panel when spare judges make panels by importance, 1–9' })
  maxPanelSize!: number;
  @ApiProperty({ description: 'seat a last spare judge as an even panel member rather than leave them out' })
  evenPanels!: boolean;
}

/** The draw rules a tournament in this format may set in its `rules`, each with the value it has when left out. */
export class FormatDrawRulesDto {
  @ApiProperty({ enum: ['power-pairing', 'british-parliamentary'], description: 'which draw the format gets' })
  kind!: 'power-pairing' | 'british-parliamentary';
  @ApiProperty({ type: PairingRulesDefaultsDto, required: false, description: 'two-team formats' })
  pairing?: PairingRulesDefaultsDto;
  @ApiProperty({ type: BpRulesDefaultsDto, required: false, description: 'four-team formats' })
  bp?: BpRulesDefaultsDto;
  @ApiProperty({ type: PanelRulesDefaultsDto }) panels!: PanelRulesDefaultsDto;

  static defaults(sides: number): FormatDrawRulesDto {
    const panels = { maxPanelSize: DEFAULT_PANEL_OPTIONS.maxPanelSize, evenPanels: DEFAULT_PANEL_OPTIONS.evenPanels };
    return sides === 4
      ? { kind: 'british-parliamentary', bp: { ...DEFAULT_BP_OPTIONS }, panels }
      : { kind: 'power-pairing', pairing: { ...DEFAULT_PAIRING_OPTIONS }, panels };
  }
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
  @ApiProperty({ type: FormatDrawRulesDto }) drawRules!: FormatDrawRulesDto;

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
      drawRules: FormatDrawRulesDto.defaults(preset.sides.length),
    };
  }
}

export class FormatPage {
  @ApiProperty({ type: [FormatView] }) items!: FormatView[];
  @ApiProperty() total!: number;
}
