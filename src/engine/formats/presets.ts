import type { FormatPreset } from './format-preset.js';

/**
 * World Schools. Substantive speeches are whole marks 60–80 (step 1), as in the WSDC marking guide and
 * Tabbycat's preset: a judge distinguishes speakers by whole points, and half marks are what the
 * reply (marked out of half the weight, 30–40) uses to express the same resolution. A league that
 * marks speeches in halves defines `{ ...WSDC_PRESET, key: 'wsdc-half', speechSlots: ... }` as data.
 */
export const WSDC_PRESET: FormatPreset = deepFreeze({
  key: 'wsdc',
  name: 'World Schools (WSDC)',
  sides: ['gov', 'opp'],
  speakersPerSide: 3,
  speechSlots: [
    { kind: 'speech', min: 60, max: 80, step: 1 },
    { kind: 'speech', min: 60, max: 80, step: 1 },
    { kind: 'speech', min: 60, max: 80, step: 1 },
    { kind: 'reply', min: 30, max: 40, step: 0.5, eligiblePositions: [1, 2] },
  ],
  result: { kind: 'win-loss', winPoints: 1 },
});

/** British Parliamentary: four teams of two, ranked 1st–4th for 3/2/1/0 points, no replies. */
export const BP_PRESET: FormatPreset = deepFreeze({
  key: 'bp',
  name: 'British Parliamentary',
  sides: ['OG', 'OO', 'CG', 'CO'],
  speakersPerSide: 2,
  speechSlots: [
    { kind: 'speech', min: 50, max: 100, step: 1 },
    { kind: 'speech', min: 50, max: 100, step: 1 },
  ],
  result: { kind: 'ranks', pointsByRank: [3, 2, 1, 0] },
});

export const FORMAT_PRESETS: Readonly<Record<string, FormatPreset>> = Object.freeze({
  [WSDC_PRESET.key]: WSDC_PRESET,
  [BP_PRESET.key]: BP_PRESET,
});

// Shipped presets are shared by every tournament in the process; freezing stops one caller's edit leaking.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
