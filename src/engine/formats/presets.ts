import type { FormatPreset, LocalisedText } from './format-preset.js';

const text = (kk: string, ru: string, en: string): LocalisedText => ({ kk, ru, en });

/**
 * World Schools. Speeches 60–80 and replies 30–40, both in steps of 0.5, as the current WSDC rules and
 * Tabbycat's WSDC preset have it. The tab follows WSDC practice: wins, then ballots carried, then the average
 * total speaker score; speakers by average.
 */
export const WSDC_PRESET: FormatPreset = deepFreeze({
  key: 'wsdc',
  name: 'World Schools (WSDC)',
  sides: ['gov', 'opp'],
  speakersPerSide: 3,
  speechSlots: [
    { kind: 'speech', min: 60, max: 80, step: 0.5 },
    { kind: 'speech', min: 60, max: 80, step: 0.5 },
    { kind: 'speech', min: 60, max: 80, step: 0.5 },
    { kind: 'reply', min: 30, max: 40, step: 0.5, eligiblePositions: [1, 2] },
  ],
  result: { kind: 'win-loss', winPoints: 1 },
  labels: {
    sides: { gov: text('Үкімет', 'Правительство', 'Proposition'), opp: text('Оппозиция', 'Оппозиция', 'Opposition') },
    slots: {
      gov: worldSchoolsSlots(),
      opp: worldSchoolsSlots(),
    },
  },
  tab: { teamTieBreaks: ['wins', 'ballots', 'speakerAverage'], speakerRankBy: 'average', minSpeeches: 2 },
  ironSpeeches: true,
});

/** British Parliamentary: four teams of two, ranked 1st–4th for 3/2/1/0 points; speeches 50–99 as in Tabbycat's preset. */
export const BP_PRESET: FormatPreset = deepFreeze({
  key: 'bp',
  name: 'British Parliamentary',
  sides: ['OG', 'OO', 'CG', 'CO'],
  speakersPerSide: 2,
  speechSlots: [
    { kind: 'speech', min: 50, max: 99, step: 1 },
    { kind: 'speech', min: 50, max: 99, step: 1 },
  ],
  result: { kind: 'ranks', pointsByRank: [3, 2, 1, 0] },
  labels: {
    sides: {
      OG: text('Бірінші үкімет', 'Первое правительство', 'Opening Government'),
      OO: text('Бірінші оппозиция', 'Первая оппозиция', 'Opening Opposition'),
      CG: text('Екінші үкімет', 'Второе правительство', 'Closing Government'),
      CO: text('Екінші оппозиция', 'Вторая оппозиция', 'Closing Opposition'),
    },
    slots: {
      OG: [
        text('Премьер-министр', 'Премьер-министр', 'Prime Minister'),
        text('Премьер-министрдің орынбасары', 'Заместитель премьер-министра', 'Deputy Prime Minister'),
      ],
      OO: [
        text('Оппозиция көшбасшысы', 'Лидер оппозиции', 'Leader of the Opposition'),
        text('Оппозиция көшбасшысының орынбасары', 'Заместитель лидера оппозиции', 'Deputy Leader of the Opposition'),
      ],
      CG: [
        text('Үкімет мүшесі', 'Член правительства', 'Member of Government'),
        text('Үкімет қамшысы', 'Секретарь правительства', 'Government Whip'),
      ],
      CO: [
        text('Оппозиция мүшесі', 'Член оппозиции', 'Member of the Opposition'),
        text('Оппозиция қамшысы', 'Секретарь оппозиции', 'Opposition Whip'),
      ],
    },
  },
  tab: { teamTieBreaks: ['points', 'speakerTotal'], speakerRankBy: 'total', minSpeeches: 0 },
  ironSpeeches: true,
});

/**
 * American Parliamentary (АПФ): Government (Prime Minister, Member of Government) against Opposition (Leader of the
 * Opposition, Member of the Opposition); four constructive speeches, then rebuttals by the Leader of the Opposition
 * and the Prime Minister (each side's first speaker, hence `eligiblePositions: [1]`). No public Kazakh rulebook gives
 * speaker ranges, so the default uses the scale Kazakh judges already mark World Schools on: constructive speeches
 * 60–80 and rebuttals 30–40, in steps of 0.5. A league with other ranges copies the preset and changes them.
 */
export const APF_PRESET: FormatPreset = deepFreeze({
  key: 'apf',
  name: 'American Parliamentary (АПФ)',
  sides: ['gov', 'opp'],
  speakersPerSide: 2,
  speechSlots: [
    { kind: 'speech', min: 60, max: 80, step: 0.5 },
    { kind: 'speech', min: 60, max: 80, step: 0.5 },
    { kind: 'reply', min: 30, max: 40, step: 0.5, eligiblePositions: [1] },
  ],
  result: { kind: 'win-loss', winPoints: 1 },
  labels: {
    sides: { gov: text('Үкімет', 'Правительство', 'Government'), opp: text('Оппозиция', 'Оппозиция', 'Opposition') },
    slots: {
      gov: [
        text('Премьер-министр', 'Премьер-министр', 'Prime Minister'),
        text('Үкімет мүшесі', 'Член правительства', 'Member of Government'),
        text('Премьер-министрдің қорытынды сөзі', 'Опровержение премьер-министра', 'Prime Minister rebuttal'),
      ],
      opp: [
        text('Оппозиция көшбасшысы', 'Лидер оппозиции', 'Leader of the Opposition'),
        text('Оппозиция мүшесі', 'Член оппозиции', 'Member of the Opposition'),
        text(
          'Оппозиция көшбасшысының қорытынды сөзі',
          'Опровержение лидера оппозиции',
          'Leader of the Opposition rebuttal',
        ),
      ],
    },
  },
  tab: { teamTieBreaks: ['wins', 'ballots', 'speakerTotal'], speakerRankBy: 'total', minSpeeches: 0 },
  ironSpeeches: true,
});

/**
 * Lincoln–Douglas: one debater a side (Affirmative, Negative), one speaker score each (covering the debater's
 * constructive and rebuttals), win/loss. Default range 60–80 in steps of 0.5, the same scale as the other two-team
 * presets (no Kazakh rulebook gives one). Used to pick the best speaker, so speakers rank by total.
 */
export const LD_PRESET: FormatPreset = deepFreeze({
  key: 'ld',
  name: 'Lincoln–Douglas',
  sides: ['aff', 'neg'],
  speakersPerSide: 1,
  speechSlots: [{ kind: 'speech', min: 60, max: 80, step: 0.5 }],
  result: { kind: 'win-loss', winPoints: 1 },
  labels: {
    sides: { aff: text('Бекітуші', 'Утверждение', 'Affirmative'), neg: text('Терістеуші', 'Отрицание', 'Negative') },
    slots: {
      aff: [text('Бекітуші спикер', 'Спикер утверждения', 'Affirmative speaker')],
      neg: [text('Терістеуші спикер', 'Спикер отрицания', 'Negative speaker')],
    },
  },
  tab: { teamTieBreaks: ['wins', 'ballots', 'speakerTotal'], speakerRankBy: 'total', minSpeeches: 0 },
  ironSpeeches: false,
});

export const FORMAT_PRESETS: Readonly<Record<string, FormatPreset>> = Object.freeze({
  [WSDC_PRESET.key]: WSDC_PRESET,
  [BP_PRESET.key]: BP_PRESET,
  [APF_PRESET.key]: APF_PRESET,
  [LD_PRESET.key]: LD_PRESET,
});

function worldSchoolsSlots(): LocalisedText[] {
  return [
    text('Бірінші спикер', 'Первый спикер', 'First speaker'),
    text('Екінші спикер', 'Второй спикер', 'Second speaker'),
    text('Үшінші спикер', 'Третий спикер', 'Third speaker'),
    text('Қорытынды сөз', 'Заключительная речь', 'Reply'),
  ];
}

// Shipped presets are shared by every tournament in the process; freezing stops one caller's edit leaking.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
