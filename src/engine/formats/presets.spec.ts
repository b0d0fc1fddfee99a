import { describe, expect, it } from '@jest/globals';
import { validateBallot, type Ballot, type DebateContext } from './ballot.js';
import { validatePreset, type TeamTieBreak } from './format-preset.js';
import { APF_PRESET, BP_PRESET, FORMAT_PRESETS, LD_PRESET, WSDC_PRESET } from './presets.js';

const problems = (outcome: ReturnType<typeof validateBallot>) =>
  outcome.ok ? [] : outcome.problems.map((p) => p.message);

describe('shipped presets', () => {
  it('are the four formats Kazakh debate uses, each internally consistent', () => {
    expect(Object.keys(FORMAT_PRESETS).sort()).toEqual(['apf', 'bp', 'ld', 'wsdc']);
    for (const preset of Object.values(FORMAT_PRESETS)) expect(validatePreset(preset)).toEqual([]);
  });

  it('name every side and slot in Kazakh, Russian and English', () => {
    for (const preset of Object.values(FORMAT_PRESETS)) {
      for (const side of preset.sides) {
        const slots = preset.labels!.slots[side];
        expect(slots).toHaveLength(preset.speechSlots.length);
        for (const label of [preset.labels!.sides[side], ...slots]) {
          for (const language of ['kk', 'ru', 'en'] as const) expect(label[language].trim().length).toBeGreaterThan(0);
        }
      }
    }
    expect(APF_PRESET.labels!.slots.opp.map((l) => l.en)).toEqual([
      'Leader of the Opposition',
      'Member of the Opposition',
      'Leader of the Opposition rebuttal',
    ]);
  });

  it('WSDC marks speeches 60–80 and replies 30–40 in steps of 0.5; BP 50–99', () => {
    expect(WSDC_PRESET.speechSlots.map((s) => [s.min, s.max, s.step])).toEqual([
      [60, 80, 0.5],
      [60, 80, 0.5],
      [60, 80, 0.5],
      [30, 40, 0.5],
    ]);
    expect(BP_PRESET.speechSlots.map((s) => [s.min, s.max])).toEqual([
      [50, 99],
      [50, 99],
    ]);
  });

  it('give each format its own tab rules', () => {
    expect(WSDC_PRESET.tab).toEqual({
      teamTieBreaks: ['wins', 'ballots', 'speakerAverage'],
      speakerRankBy: 'average',
      minSpeeches: 2,
    });
    expect(BP_PRESET.tab?.teamTieBreaks).toEqual(['points', 'speakerTotal']);
    expect(APF_PRESET.tab?.teamTieBreaks).toEqual(['wins', 'ballots', 'speakerTotal']);
    expect(LD_PRESET.tab?.teamTieBreaks).toEqual(['wins', 'ballots', 'speakerTotal']);
  });

  it('refuse labels that do not cover every slot, and unknown tie-breaks', () => {
    const broken = {
      ...APF_PRESET,
      labels: {
        sides: APF_PRESET.labels!.sides,
        slots: { ...APF_PRESET.labels!.slots, gov: APF_PRESET.labels!.slots.gov.slice(0, 2) },
      },
      tab: {
        teamTieBreaks: ['wins', 'luck'] as unknown as TeamTieBreak[],
        speakerRankBy: 'average' as const,
        minSpeeches: -1,
      },
    };
    expect(validatePreset(broken).map((p) => p.field)).toEqual([
      'labels.slots.gov',
      'tab.teamTieBreaks',
      'tab.minSpeeches',
    ]);
  });
});

describe('APF ballots', () => {
  const context: DebateContext = {
    teams: [
      { teamId: 'g', side: 'gov', speakerIds: ['pm', 'mg'] },
      { teamId: 'o', side: 'opp', speakerIds: ['lo', 'mo'] },
    ],
  };
  /** PM 72 + MG 70 + PM rebuttal 36 = 178 against LO 71 + MO 70.5 + LO rebuttal 35.5 = 177. */
  const ballot = (): Ballot => ({
    teams: [
      {
        teamId: 'g',
        speeches: [
          { speakerId: 'pm', score: 72 },
          { speakerId: 'mg', score: 70 },
          { speakerId: 'pm', score: 36, reply: true },
        ],
      },
      {
        teamId: 'o',
        speeches: [
          { speakerId: 'lo', score: 71 },
          { speakerId: 'mo', score: 70.5 },
          { speakerId: 'lo', score: 35.5, reply: true },
        ],
      },
    ],
  });

  it('accepts four constructives and the two rebuttals; the higher total wins', () => {
    const outcome = validateBallot(APF_PRESET, context, ballot());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.teams.map((t) => [t.side, t.total, t.won, t.points])).toEqual([
      ['gov', 178, true, 1],
      ['opp', 177, false, 0],
    ]);
  });

  it('refuses a rebuttal by the second speaker, naming the slot', () => {
    const b = ballot();
    b.teams[1].speeches[2].speakerId = 'mo';
    expect(problems(validateBallot(APF_PRESET, context, b))).toEqual([
      'teams[1].speeches[2].speakerId must be the 1st speaker (this speaker gave the 2nd speech)',
    ]);
  });

  it('refuses a missing rebuttal and a constructive off the 0.5 grid', () => {
    const b = ballot();
    b.teams[0].speeches.pop();
    b.teams[1].speeches[0].score = 71.2;
    expect(problems(validateBallot(APF_PRESET, context, b))).toEqual([
      'teams[0].speeches must end with a reply speech (reply: true)',
      'teams[1].speeches[0].score must be in steps of 0.5 from 60 (60, 60.5, …)',
    ]);
  });

  it('lets an iron speaker give both constructives; the repeated speech is marked iron', () => {
    const iron: DebateContext = { teams: [{ ...context.teams[0], ironSpeakerIds: ['pm'] }, context.teams[1]] };
    const b = ballot();
    b.teams[0].speeches[1].speakerId = 'pm';
    const outcome = validateBallot(APF_PRESET, iron, b);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.teams[0].speeches.map((s) => [s.speakerId, s.iron ?? false])).toEqual([
      ['pm', false],
      ['pm', true],
      ['pm', false],
    ]);
    expect(problems(validateBallot(APF_PRESET, context, b))).toEqual([
      'teams[0].speeches[1].speakerId must not give a second substantive speech (already gave teams[0].speeches[0])',
    ]);
  });
});

describe('LD ballots', () => {
  const context: DebateContext = {
    teams: [
      { teamId: 'a', side: 'aff', speakerIds: ['x'] },
      { teamId: 'n', side: 'neg', speakerIds: ['y'] },
    ],
  };

  it('one score per debater decides the winner', () => {
    const outcome = validateBallot(LD_PRESET, context, {
      teams: [
        { teamId: 'a', speeches: [{ speakerId: 'x', score: 74.5 }] },
        { teamId: 'n', speeches: [{ speakerId: 'y', score: 75 }] },
      ],
    });
    expect(outcome.ok && outcome.result.teams.map((t) => [t.side, t.won])).toEqual([
      ['aff', false],
      ['neg', true],
    ]);
  });

  it('refuses a second speech, a rebuttal slot and a tie, each naming its field', () => {
    expect(
      problems(
        validateBallot(LD_PRESET, context, {
          teams: [
            {
              teamId: 'a',
              speeches: [
                { speakerId: 'x', score: 74 },
                { speakerId: 'x', score: 30, reply: true },
              ],
            },
            {
              teamId: 'n',
              speeches: [
                { speakerId: 'y', score: 74 },
                { speakerId: 'y', score: 70 },
              ],
            },
          ],
        }),
      ),
    ).toEqual([
      'teams[0].speeches[1].reply must not be set: Lincoln–Douglas has no reply speeches',
      'teams[1].speeches[1].speakerId must not give a second substantive speech (already gave teams[1].speeches[0])',
      'teams[1].speeches must hold 1 substantive speeches, one per speaker position (found 2)',
    ]);
    const tie = validateBallot(LD_PRESET, context, {
      teams: [
        { teamId: 'a', speeches: [{ speakerId: 'x', score: 74 }] },
        { teamId: 'n', speeches: [{ speakerId: 'y', score: 74 }] },
      ],
    });
    expect(problems(tie)).toEqual(['teams must not have tied totals: teams[0] (aff) and teams[1] (neg) both total 74']);
  });

  it('has no iron speeches even when the organiser marks one', () => {
    const iron: DebateContext = { teams: [{ ...context.teams[0], ironSpeakerIds: ['x'] }, context.teams[1]] };
    const outcome = validateBallot(LD_PRESET, iron, {
      teams: [
        {
          teamId: 'a',
          speeches: [
            { speakerId: 'x', score: 74 },
            { speakerId: 'x', score: 74 },
          ],
        },
        { teamId: 'n', speeches: [{ speakerId: 'y', score: 75 }] },
      ],
    });
    expect(problems(outcome)).toContain(
      'teams[0].speeches[1].speakerId must not give a second substantive speech (already gave teams[0].speeches[0])',
    );
  });
});
