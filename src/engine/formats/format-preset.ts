/**
 * A debate format described as plain data, so a league can define its own (АПФ, Karl Popper, local
 * variants) without a code change: the ballot validator and the panel decision read only these fields.
 */

export interface ScoreRange {
  readonly min: number;
  readonly max: number;
  /** Scores must be `min + k × step` for a whole k. */
  readonly step: number;
}

export interface SubstantiveSlot extends ScoreRange {
  readonly kind: 'speech';
}

export interface ReplySlot extends ScoreRange {
  readonly kind: 'reply';
  /** 1-based substantive positions whose speaker may give this reply (WSDC: [1, 2], never the 3rd). */
  readonly eligiblePositions: readonly number[];
}

export type SpeechSlot = SubstantiveSlot | ReplySlot;

export type DebateResultRule =
  /** Two sides: the winner (strictly higher total) takes `winPoints`, the loser 0. */
  | { readonly kind: 'win-loss'; readonly winPoints: number }
  /** Teams ranked by total (no ties); `pointsByRank[0]` goes to the first-placed team. */
  | { readonly kind: 'ranks'; readonly pointsByRank: readonly number[] };

/** A name people read, in the interface languages (Kazakh first). */
export interface LocalisedText {
  readonly kk: string;
  readonly ru: string;
  readonly en: string;
}

/** What the team tab compares, in order (see `standings/team-tab.ts`). */
export type TeamTieBreak =
  'points' | 'wins' | 'ballots' | 'speakerTotal' | 'speakerAverage' | 'drawStrength' | 'margin' | 'headToHead';

export const TEAM_TIE_BREAKS: readonly TeamTieBreak[] = [
  'points',
  'wins',
  'ballots',
  'speakerTotal',
  'speakerAverage',
  'drawStrength',
  'margin',
  'headToHead',
];

/** How a format's tabs rank by default; a tournament may override each field. */
export interface TabRules {
  /** Team tab precedence, compared in order, highest first. */
  readonly teamTieBreaks: readonly TeamTieBreak[];
  /** Speaker tab: rank by the total of substantive speeches, or by their average. */
  readonly speakerRankBy: 'total' | 'average';
  /** With `average`, speakers with fewer substantive speeches are listed after the ranked ones, unranked. */
  readonly minSpeeches: number;
}

export interface FormatPreset {
  readonly key: string;
  readonly name: string;
  /** Side and slot names for ballots and tabs, per side code: one label per entry of `speechSlots`. */
  readonly labels?: {
    readonly sides: Readonly<Record<string, LocalisedText>>;
    readonly slots: Readonly<Record<string, readonly LocalisedText[]>>;
  };
  /** The format's default tab rules; absent = points, speaker total, draw strength, margin, head-to-head. */
  readonly tab?: TabRules;
  /** A team one speaker short may have a member give a second substantive speech (an "iron" speech). */
  readonly ironSpeeches?: boolean;
  /** Side codes in speaking-order convention, e.g. ['gov', 'opp'] or ['OG', 'OO', 'CG', 'CO']. */
  readonly sides: readonly string[];
  readonly speakersPerSide: number;
  /** One side's slots in order: every substantive speech, then any reply slots. */
  readonly speechSlots: readonly SpeechSlot[];
  readonly result: DebateResultRule;
}

export interface PresetProblem {
  field: string;
  message: string;
}

const isWholeMultiple = (value: number, step: number) => {
  const k = value / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
};

/**
 * Checks a (possibly organiser-defined) preset for internal consistency; an empty list means usable.
 * Presets come from league settings, so this is the gate before any ballot is validated against one.
 */
export function validatePreset(preset: FormatPreset): PresetProblem[] {
  const problems: PresetProblem[] = [];
  const push = (field: string, message: string) => problems.push({ field, message });

  if (!preset.key) push('key', 'key must not be empty');
  if (preset.sides.length < 2) push('sides', 'sides must name at least two sides');
  if (new Set(preset.sides).size !== preset.sides.length) push('sides', 'sides must be distinct');
  if (!Number.isInteger(preset.speakersPerSide) || preset.speakersPerSide < 1) {
    push('speakersPerSide', 'speakersPerSide must be a positive whole number');
  }

  const substantive = preset.speechSlots.filter((slot) => slot.kind === 'speech').length;
  if (substantive !== preset.speakersPerSide) {
    push('speechSlots', `speechSlots must hold ${preset.speakersPerSide} substantive speeches (found ${substantive})`);
  }
  let seenReply = false;
  preset.speechSlots.forEach((slot, i) => {
    const field = `speechSlots[${i}]`;
    if (![slot.min, slot.max, slot.step].every(Number.isFinite) || slot.step <= 0 || slot.min > slot.max) {
      push(field, `${field} must have finite min ≤ max and a positive step`);
    } else if (!isWholeMultiple(slot.max - slot.min, slot.step)) {
      push(field, `${field} max must be reachable from min in steps of ${slot.step}`);
    }
    if (slot.kind === 'reply') {
      seenReply = true;
      const bad = slot.eligiblePositions.filter((p) => !Number.isInteger(p) || p < 1 || p > preset.speakersPerSide);
      if (slot.eligiblePositions.length === 0 || bad.length > 0) {
        push(
          `${field}.eligiblePositions`,
          `${field}.eligiblePositions must list positions between 1 and ${preset.speakersPerSide}`,
        );
      }
    } else if (seenReply) {
      push(field, `${field} is a substantive speech after a reply; replies come last`);
    }
  });

  if (preset.labels) {
    for (const side of preset.sides) {
      if (!preset.labels.sides[side]) push(`labels.sides.${side}`, `labels.sides.${side} must name the side`);
      const slots = preset.labels.slots[side];
      if (!slots || slots.length !== preset.speechSlots.length) {
        push(
          `labels.slots.${side}`,
          `labels.slots.${side} must name each of the ${preset.speechSlots.length} speech slots`,
        );
      }
    }
  }
  if (preset.tab) {
    const chain = preset.tab.teamTieBreaks;
    if (chain.length === 0) push('tab.teamTieBreaks', 'tab.teamTieBreaks must list at least one tie-break');
    for (const key of chain) {
      if (!TEAM_TIE_BREAKS.includes(key))
        push('tab.teamTieBreaks', `tab.teamTieBreaks: unknown tie-break "${key}" (${TEAM_TIE_BREAKS.join(', ')})`);
    }
    if (new Set(chain).size !== chain.length)
      push('tab.teamTieBreaks', 'tab.teamTieBreaks must not repeat a tie-break');
    if (preset.tab.speakerRankBy !== 'total' && preset.tab.speakerRankBy !== 'average') {
      push('tab.speakerRankBy', 'tab.speakerRankBy must be "total" or "average"');
    }
    if (!Number.isInteger(preset.tab.minSpeeches) || preset.tab.minSpeeches < 0) {
      push('tab.minSpeeches', 'tab.minSpeeches must be a whole number ≥ 0');
    }
  }
  if (preset.result.kind === 'win-loss') {
    if (preset.sides.length !== 2) push('result', 'a win-loss result needs exactly two sides');
    if (!(Number.isFinite(preset.result.winPoints) && preset.result.winPoints > 0)) {
      push('result.winPoints', 'result.winPoints must be a positive number');
    }
  } else {
    const points = preset.result.pointsByRank;
    if (points.length !== preset.sides.length) {
      push('result.pointsByRank', `result.pointsByRank must give points for each of the ${preset.sides.length} ranks`);
    } else if (points.some((p, i) => !Number.isFinite(p) || (i > 0 && p > points[i - 1]))) {
      push('result.pointsByRank', 'result.pointsByRank must be finite and never increase with rank');
    }
  }
  return problems;
}
