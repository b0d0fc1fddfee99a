import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { validateBallot, type Ballot, type BallotProblem, type BallotRule, type DebateContext } from './ballot.js';
import { validatePreset, type FormatPreset, type ReplySlot } from './format-preset.js';
import { BP_PRESET, WSDC_PRESET } from './presets.js';

/** League-defined formats written as plain data, as an organiser would: no engine code knows them. */
const AMERICAN_PARLIAMENTARY: FormatPreset = {
  key: 'apf-kz',
  name: 'American Parliamentary (АПФ)',
  sides: ['gov', 'opp'],
  speakersPerSide: 2,
  speechSlots: [
    { kind: 'speech', min: 20, max: 30, step: 1 },
    { kind: 'speech', min: 20, max: 30, step: 1 },
    { kind: 'reply', min: 10, max: 15, step: 0.5, eligiblePositions: [1] },
  ],
  result: { kind: 'win-loss', winPoints: 1 },
};

const KARL_POPPER: FormatPreset = {
  key: 'karl-popper',
  name: 'Karl Popper',
  sides: ['affirmative', 'negative'],
  speakersPerSide: 3,
  speechSlots: [
    { kind: 'speech', min: 15, max: 30, step: 1 },
    { kind: 'speech', min: 15, max: 30, step: 1 },
    { kind: 'speech', min: 15, max: 30, step: 1 },
  ],
  result: { kind: 'win-loss', winPoints: 2 },
};

const PRESETS = [WSDC_PRESET, BP_PRESET, AMERICAN_PARLIAMENTARY, KARL_POPPER];
const MEMBERS = ['a', 'b', 'c', 'd', 'e'];

const contextFor = (preset: FormatPreset): DebateContext => ({
  teams: preset.sides.map((side) => ({ teamId: `${side}-team`, side, speakerIds: MEMBERS.map((m) => `${side}-${m}`) })),
});

const WSDC_CONTEXT = contextFor(WSDC_PRESET);

/** gov 72+74+70 + reply 36 = 252 beats opp 71+73+69 + reply 35.5 = 248.5. */
const wsdcBallot = (): Ballot => ({
  teams: [
    {
      teamId: 'gov-team',
      side: 'gov',
      speeches: [
        { speakerId: 'gov-a', score: 72 },
        { speakerId: 'gov-b', score: 74 },
        { speakerId: 'gov-c', score: 70 },
        { speakerId: 'gov-a', score: 36, reply: true },
      ],
    },
    {
      teamId: 'opp-team',
      side: 'opp',
      speeches: [
        { speakerId: 'opp-a', score: 71 },
        { speakerId: 'opp-b', score: 73 },
        { speakerId: 'opp-c', score: 69 },
        { speakerId: 'opp-b', score: 35.5, reply: true },
      ],
    },
  ],
});

const problemsOf = (preset: FormatPreset, context: DebateContext, ballot: unknown): BallotProblem[] => {
  const outcome = validateBallot(preset, context, ballot);
  return outcome.ok ? [] : outcome.problems;
};
const rulesAt = (problems: BallotProblem[]) => problems.map((p) => `${p.field} ${p.rule}`);

describe('presets are consistent data', () => {
  it.each(PRESETS.map((p) => [p.key, p] as const))('%s passes validatePreset', (_key, preset) => {
    expect(validatePreset(preset)).toEqual([]);
  });

  it('rejects an inconsistent preset with field-level reasons', () => {
    const broken: FormatPreset = {
      key: 'broken',
      name: 'Broken',
      sides: ['x'],
      speakersPerSide: 2,
      speechSlots: [
        { kind: 'reply', min: 30, max: 40, step: 0.5, eligiblePositions: [3] },
        { kind: 'speech', min: 60, max: 80, step: 3 },
      ],
      result: { kind: 'ranks', pointsByRank: [0, 1] },
    };
    expect(validatePreset(broken).map((p) => p.field)).toEqual([
      'sides',
      'speechSlots',
      'speechSlots[0].eligiblePositions',
      'speechSlots[1]',
      'speechSlots[1]',
      'result.pointsByRank',
    ]);
  });

  it('shipped presets cannot be mutated by a caller', () => {
    expect(() => (WSDC_PRESET.speechSlots as unknown as unknown[]).push({})).toThrow(TypeError);
  });
});

describe('validateBallot — WSDC', () => {
  it('accepts a correct ballot and computes totals, points, win and margin', () => {
    const outcome = validateBallot(WSDC_PRESET, WSDC_CONTEXT, wsdcBallot());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(
      outcome.result.teams.map(({ teamId, total, points, rank, won, margin }) => ({
        teamId,
        total,
        points,
        rank,
        won,
        margin,
      })),
    ).toEqual([
      { teamId: 'gov-team', total: 252, points: 1, rank: 1, won: true, margin: 3.5 },
      { teamId: 'opp-team', total: 248.5, points: 0, rank: 2, won: false, margin: -3.5 },
    ]);
    expect(outcome.result.teams[0].speeches[3]).toEqual({ speakerId: 'gov-a', score: 36, reply: true });
  });

  it('lists teams in side order whatever order the ballot uses', () => {
    const ballot = wsdcBallot();
    ballot.teams.reverse();
    const outcome = validateBallot(WSDC_PRESET, WSDC_CONTEXT, ballot);
    expect(outcome.ok && outcome.result.teams.map((t) => t.side)).toEqual(['gov', 'opp']);
  });

  it('names the field and rule in a readable message', () => {
    const ballot = wsdcBallot();
    ballot.teams[0].speeches[3].score = 41;
    expect(problemsOf(WSDC_PRESET, WSDC_CONTEXT, ballot)).toEqual([
      {
        field: 'teams[0].speeches[3].score',
        rule: 'max',
        message: 'teams[0].speeches[3].score must not be greater than 40',
      },
    ]);
  });

  it.each<[string, (b: Ballot) => void, string[]]>([
    ['score below the minimum', (b) => (b.teams[1].speeches[0].score = 59), ['teams[1].speeches[0].score min']],
    [
      'quarter mark on a substantive speech',
      (b) => (b.teams[0].speeches[1].score = 74.25),
      ['teams[0].speeches[1].score step'],
    ],
    ['quarter mark on a reply', (b) => (b.teams[0].speeches[3].score = 35.25), ['teams[0].speeches[3].score step']],
    ['NaN score', (b) => (b.teams[0].speeches[0].score = NaN), ['teams[0].speeches[0].score finite']],
    ['infinite score', (b) => (b.teams[1].speeches[2].score = Infinity), ['teams[1].speeches[2].score finite']],
    [
      'score sent as text',
      (b) => ((b.teams[1].speeches[2] as unknown as { score: string }).score = '70'),
      ['teams[1].speeches[2].score type'],
    ],
    [
      'a speaker of the other team',
      (b) => (b.teams[0].speeches[1].speakerId = 'opp-b'),
      ['teams[0].speeches[1].speakerId speakerNotInTeam'],
    ],
    [
      'a speaker speaking twice',
      (b) => (b.teams[1].speeches[2].speakerId = 'opp-a'),
      ['teams[1].speeches[2].speakerId duplicateSpeaker'],
    ],
    ['a missing speech', (b) => b.teams[0].speeches.splice(2, 1), ['teams[0].speeches speechCount']],
    ['a missing reply', (b) => b.teams[1].speeches.pop(), ['teams[1].speeches replyMissing']],
    [
      'a second reply',
      (b) => b.teams[0].speeches.push({ speakerId: 'gov-b', score: 35, reply: true }),
      ['teams[0].speeches[4].reply replyExtra'],
    ],
    [
      'a reply by the 3rd speaker',
      (b) => (b.teams[0].speeches[3].speakerId = 'gov-c'),
      ['teams[0].speeches[3].speakerId replyPosition'],
    ],
    [
      'a reply by a member who did not speak',
      (b) => (b.teams[0].speeches[3].speakerId = 'gov-d'),
      ['teams[0].speeches[3].speakerId replyNotSpoken'],
    ],
    [
      'a reply before a substantive speech',
      (b) => b.teams[0].speeches.splice(2, 0, b.teams[0].speeches.pop() as Ballot['teams'][0]['speeches'][0]),
      ['teams[0].speeches[2].reply replyOrder'],
    ],
    ['a missing team', (b) => b.teams.pop(), ['teams missingTeam']],
    [
      'a team not in the debate',
      (b) => (b.teams[1].teamId = 'ghost'),
      ['teams[1].teamId unknownTeam', 'teams missingTeam'],
    ],
    [
      'the same team twice',
      (b) => (b.teams[1].teamId = 'gov-team'),
      ['teams[1].teamId duplicateTeam', 'teams missingTeam'],
    ],
    ['a wrong side', (b) => (b.teams[0].side = 'opp'), ['teams[0].side side']],
    ['tied totals', (b) => (b.teams[1].speeches[3].score = 39), ['teams tiedTotals']],
    ['a declared winner with the lower total', (b) => (b.winnerTeamId = 'opp-team'), ['winnerTeamId winnerMismatch']],
    ['a declared winner not in the debate', (b) => (b.winnerTeamId = 'ghost'), ['winnerTeamId unknownTeam']],
  ])('reports %s', (_name, corrupt, expected) => {
    const ballot = wsdcBallot();
    corrupt(ballot);
    expect(rulesAt(problemsOf(WSDC_PRESET, WSDC_CONTEXT, ballot))).toEqual(expected);
  });

  it('reports every problem of a badly filled ballot at once', () => {
    const ballot = wsdcBallot();
    ballot.teams[0].speeches[0].score = 90;
    ballot.teams[0].speeches[3].speakerId = 'gov-c';
    ballot.teams[1].speeches[1].speakerId = 'opp-a';
    ballot.teams[1].speeches.pop();
    expect(rulesAt(problemsOf(WSDC_PRESET, WSDC_CONTEXT, ballot))).toEqual([
      'teams[0].speeches[0].score max',
      'teams[0].speeches[3].speakerId replyPosition',
      'teams[1].speeches[1].speakerId duplicateSpeaker',
      'teams[1].speeches replyMissing',
    ]);
  });

  it('the tied-totals message names the teams and the total', () => {
    const ballot = wsdcBallot();
    ballot.teams[1].speeches[3].score = 39;
    expect(problemsOf(WSDC_PRESET, WSDC_CONTEXT, ballot)[0].message).toBe(
      'teams must not have tied totals: teams[0] (gov) and teams[1] (opp) both total 252',
    );
  });

  it('accepts a declared winner who has the higher total', () => {
    expect(validateBallot(WSDC_PRESET, WSDC_CONTEXT, { ...wsdcBallot(), winnerTeamId: 'gov-team' }).ok).toBe(true);
  });

  it('allows a second speech only for a speaker the organiser marked as iron', () => {
    const ballot = wsdcBallot();
    ballot.teams[1].speeches[2].speakerId = 'opp-a';
    const iron: DebateContext = {
      teams: [WSDC_CONTEXT.teams[0], { ...WSDC_CONTEXT.teams[1], ironSpeakerIds: ['opp-a'] }],
    };
    expect(validateBallot(WSDC_PRESET, iron, ballot).ok).toBe(true);
  });

  it.each<[string, unknown, string[]]>([
    ['null', null, ['ballot type']],
    ['teams not a list', { teams: 'gov' }, ['teams type']],
    ['a team that is not an object', { teams: [1, wsdcBallot().teams[1]] }, ['teams[0] type', 'teams missingTeam']],
    [
      'speeches not a list',
      { teams: [{ teamId: 'gov-team', speeches: {} }, wsdcBallot().teams[1]] },
      ['teams[0].speeches type'],
    ],
  ])('rejects a malformed body: %s', (_name, body, expected) => {
    expect(rulesAt(problemsOf(WSDC_PRESET, WSDC_CONTEXT, body))).toEqual(expected);
  });

  it('rejects a draw context that does not fit the format', () => {
    const context: DebateContext = { teams: [WSDC_CONTEXT.teams[0]] };
    expect(rulesAt(problemsOf(WSDC_PRESET, context, wsdcBallot()))).toEqual(['context.teams context']);
  });
});

describe('validateBallot — BP', () => {
  const context = contextFor(BP_PRESET);
  const bpBallot = (): Ballot => ({
    teams: [
      {
        teamId: 'OG-team',
        speeches: [
          { speakerId: 'OG-a', score: 75 },
          { speakerId: 'OG-b', score: 76 },
        ],
      }, // 151
      {
        teamId: 'OO-team',
        speeches: [
          { speakerId: 'OO-a', score: 80 },
          { speakerId: 'OO-b', score: 78 },
        ],
      }, // 158
      {
        teamId: 'CG-team',
        speeches: [
          { speakerId: 'CG-a', score: 70 },
          { speakerId: 'CG-b', score: 71 },
        ],
      }, // 141
      {
        teamId: 'CO-team',
        speeches: [
          { speakerId: 'CO-a', score: 77 },
          { speakerId: 'CO-b', score: 77 },
        ],
      }, // 154
    ],
  });

  it('ranks by total for 3/2/1/0 with margins against the room mean', () => {
    const outcome = validateBallot(BP_PRESET, context, bpBallot());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    // Room total 604: OG 151 − (453/3 = 151) = 0; OO 158 − 446/3; CG 141 − 463/3; CO 154 − 450/3 = 4.
    expect(outcome.result.teams.map((t) => [t.side, t.total, t.rank, t.points])).toEqual([
      ['OG', 151, 3, 1],
      ['OO', 158, 1, 3],
      ['CG', 141, 4, 0],
      ['CO', 154, 2, 2],
    ]);
    expect(outcome.result.teams.map((t) => t.won)).toEqual([undefined, undefined, undefined, undefined]);
    expect(outcome.result.teams[0].margin).toBeCloseTo(0, 12);
    expect(outcome.result.teams[1].margin).toBeCloseTo(158 - 446 / 3, 12);
    expect(outcome.result.teams[3].margin).toBeCloseTo(4, 12);
  });

  it('accepts explicit ranks that agree with the totals', () => {
    const ballot = bpBallot();
    [3, 1, 4, 2].forEach((rank, i) => (ballot.teams[i].rank = rank));
    expect(validateBallot(BP_PRESET, context, ballot).ok).toBe(true);
  });

  it('reports explicit ranks that contradict the totals', () => {
    const ballot = bpBallot();
    [1, 3, 4, 2].forEach((rank, i) => (ballot.teams[i].rank = rank));
    const problems = problemsOf(BP_PRESET, context, ballot);
    expect(rulesAt(problems)).toEqual(['teams[1].rank rankMismatch', 'teams[0].rank rankMismatch']);
    expect(problems[0].message).toBe("teams[1].rank must be 1: the team's total 158 is the 1st highest");
  });

  it('reports a rank out of range', () => {
    const ballot = bpBallot();
    ballot.teams[2].rank = 5;
    expect(rulesAt(problemsOf(BP_PRESET, context, ballot))).toEqual(['teams[2].rank rank']);
  });

  it('reports tied totals among any two of the four teams', () => {
    const ballot = bpBallot();
    ballot.teams[2].speeches[1].score = 81; // CG 151 = OG 151
    expect(rulesAt(problemsOf(BP_PRESET, context, ballot))).toEqual(['teams tiedTotals']);
  });

  it('reports a reply, which BP does not have', () => {
    const ballot = bpBallot();
    ballot.teams[0].speeches.push({ speakerId: 'OG-a', score: 40, reply: true });
    expect(rulesAt(problemsOf(BP_PRESET, context, ballot))).toEqual(['teams[0].speeches[2].reply replyExtra']);
  });

  it("accepts the top score of 99 (Tabbycat's BP range) and rejects 100 and a half mark", () => {
    const ballot = bpBallot();
    ballot.teams[1].speeches[0].score = 99;
    expect(validateBallot(BP_PRESET, context, ballot).ok).toBe(true);
    ballot.teams[1].speeches[0].score = 100;
    expect(rulesAt(problemsOf(BP_PRESET, context, ballot))).toEqual(['teams[1].speeches[0].score max']);
    ballot.teams[1].speeches[0].score = 75.5;
    expect(rulesAt(problemsOf(BP_PRESET, context, ballot))).toEqual(['teams[1].speeches[0].score step']);
  });
});

describe('formats defined as data validate with no code change', () => {
  it('American Parliamentary: 2 × 2, the reply by the 1st speaker only', () => {
    const context = contextFor(AMERICAN_PARLIAMENTARY);
    const ballot: Ballot = {
      teams: [
        {
          teamId: 'gov-team',
          speeches: [
            { speakerId: 'gov-b', score: 27 },
            { speakerId: 'gov-d', score: 25 },
            { speakerId: 'gov-b', score: 13.5, reply: true },
          ],
        },
        {
          teamId: 'opp-team',
          speeches: [
            { speakerId: 'opp-a', score: 26 },
            { speakerId: 'opp-c', score: 28 },
            { speakerId: 'opp-a', score: 12, reply: true },
          ],
        },
      ],
    };
    const outcome = validateBallot(AMERICAN_PARLIAMENTARY, context, ballot);
    expect(outcome.ok && outcome.result.teams.map((t) => [t.total, t.points, t.won])).toEqual([
      [65.5, 0, false],
      [66, 1, true],
    ]);

    ballot.teams[1].speeches[2].speakerId = 'opp-c'; // the 2nd speaker may not reply in АПФ
    expect(rulesAt(problemsOf(AMERICAN_PARLIAMENTARY, context, ballot))).toEqual([
      'teams[1].speeches[2].speakerId replyPosition',
    ]);
    ballot.teams[1].speeches[2].speakerId = 'opp-a';
    ballot.teams[1].speeches[1].score = 31;
    expect(rulesAt(problemsOf(AMERICAN_PARLIAMENTARY, context, ballot))).toEqual(['teams[1].speeches[1].score max']);
  });

  it('Karl Popper: 3 × 3, no reply, 2 points for a win', () => {
    const context = contextFor(KARL_POPPER);
    const speeches = (side: string, scores: number[]) =>
      scores.map((score, i) => ({ speakerId: `${side}-${MEMBERS[i]}`, score }));
    const ballot: Ballot = {
      teams: [
        { teamId: 'affirmative-team', speeches: speeches('affirmative', [25, 26, 27]) },
        { teamId: 'negative-team', speeches: speeches('negative', [24, 26, 27]) },
      ],
    };
    const outcome = validateBallot(KARL_POPPER, context, ballot);
    expect(outcome.ok && outcome.result.teams.map((t) => [t.total, t.points, t.margin])).toEqual([
      [78, 2, 1],
      [77, 0, -1],
    ]);
    ballot.teams[0].speeches.push({ speakerId: 'affirmative-a', score: 20, reply: true });
    expect(rulesAt(problemsOf(KARL_POPPER, context, ballot))).toEqual(['teams[0].speeches[3].reply replyExtra']);
  });
});

// ---------- property tests ----------

interface TeamPlan {
  speakers: string[];
  substantiveSteps: number[];
  replies: { position: number; steps: number }[];
}

const stepsIn = (slot: { min: number; max: number; step: number }) =>
  fc.integer({ min: 0, max: Math.round((slot.max - slot.min) / slot.step) });

/** A ballot that satisfies every rule of the preset, with teams in a random order. */
const arbValidBallot = (preset: FormatPreset) => {
  const substantive = preset.speechSlots.filter((slot) => slot.kind === 'speech');
  const replySlots = preset.speechSlots.filter((slot): slot is ReplySlot => slot.kind === 'reply');
  const team: fc.Arbitrary<TeamPlan> = fc.record({
    speakers: fc.shuffledSubarray(MEMBERS, { minLength: preset.speakersPerSide, maxLength: preset.speakersPerSide }),
    substantiveSteps: fc.tuple(...substantive.map(stepsIn)),
    replies: replySlots.length
      ? fc.tuple(
          ...replySlots.map((slot) =>
            fc.record({ position: fc.constantFrom(...slot.eligiblePositions), steps: stepsIn(slot) }),
          ),
        )
      : fc.constant([]),
  });
  const n = preset.sides.length;
  const order = [...Array(n).keys()];
  return fc
    .tuple(fc.tuple(...preset.sides.map(() => team)), fc.shuffledSubarray(order, { minLength: n, maxLength: n }))
    .map(([plans, teamOrder]): Ballot => ({
      teams: teamOrder.map((sideIndex) => {
        const side = preset.sides[sideIndex];
        const plan = plans[sideIndex];
        const id = (m: string) => `${side}-${m}`;
        return {
          teamId: `${side}-team`,
          speeches: [
            ...plan.substantiveSteps.map((k, i) => ({
              speakerId: id(plan.speakers[i]),
              score: substantive[i].min + k * substantive[i].step,
            })),
            ...plan.replies.map((r, i) => ({
              speakerId: id(plan.speakers[r.position - 1]),
              score: replySlots[i].min + r.steps * replySlots[i].step,
              reply: true,
            })),
          ],
        };
      }),
    }))
    .filter((ballot) => {
      const totals = ballot.teams.map((t) => t.speeches.reduce((s, x) => s + x.score, 0));
      return new Set(totals).size === totals.length;
    });
};

const arbPresetAndBallot = fc
  .constantFrom(...PRESETS)
  .chain((preset) => fc.tuple(fc.constant(preset), arbValidBallot(preset)));

describe('validateBallot — properties', () => {
  it('every valid random ballot validates, and the result is consistent with it', () => {
    fc.assert(
      fc.property(arbPresetAndBallot, ([preset, ballot]) => {
        const outcome = validateBallot(preset, contextFor(preset), ballot);
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        const teams = outcome.result.teams;
        expect(teams.map((t) => t.side)).toEqual(preset.sides);
        expect(teams.map((t) => t.rank).sort()).toEqual(preset.sides.map((_, i) => i + 1));
        for (const t of teams) {
          const sent = ballot.teams.find((b) => b.teamId === t.teamId) as Ballot['teams'][0];
          expect(t.total).toBeCloseTo(
            sent.speeches.reduce((s, x) => s + x.score, 0),
            9,
          );
          for (const other of teams) if (other.rank > t.rank) expect(t.total).toBeGreaterThan(other.total);
        }
        expect(teams.reduce((s, t) => s + t.margin, 0)).toBeCloseTo(0, 9);
        const expectedPoints =
          preset.result.kind === 'win-loss'
            ? preset.result.winPoints
            : preset.result.pointsByRank.reduce((a, b) => a + b, 0);
        expect(teams.reduce((s, t) => s + t.points, 0)).toBe(expectedPoints);
      }),
      { numRuns: 300 },
    );
  });

  type Corruption = (
    ballot: Ballot,
    preset: FormatPreset,
    team: number,
    pick: number,
  ) => { field: string; rule: BallotRule } | null;

  const slotOf = (preset: FormatPreset, ballot: Ballot, team: number, speech: number) => {
    const speeches = ballot.teams[team].speeches;
    const isReply = speeches[speech].reply === true;
    const index = speeches.slice(0, speech).filter((s) => (s.reply === true) === isReply).length;
    return preset.speechSlots.filter((slot) => (slot.kind === 'reply') === isReply)[index];
  };
  const scoreCorruption =
    (rule: BallotRule, score: (slot: { min: number; max: number; step: number }, pick: number) => number): Corruption =>
    (ballot, preset, team, pick) => {
      const speech = pick % ballot.teams[team].speeches.length;
      ballot.teams[team].speeches[speech].score = score(slotOf(preset, ballot, team, speech), pick);
      return { field: `teams[${team}].speeches[${speech}].score`, rule };
    };
  const substantiveIndices = (ballot: Ballot, team: number) =>
    ballot.teams[team].speeches.flatMap((s, i) => (s.reply ? [] : [i]));
  const replyIndices = (ballot: Ballot, team: number) =>
    ballot.teams[team].speeches.flatMap((s, i) => (s.reply ? [i] : []));

  const corruptions: Record<string, Corruption> = {
    aboveMax: scoreCorruption('max', (slot) => slot.max + slot.step),
    belowMin: scoreCorruption('min', (slot, pick) => slot.min - slot.step * (1 + (pick % 3))),
    offStep: scoreCorruption('step', (slot) => slot.min + slot.step / 2),
    nonFinite: scoreCorruption('finite', (_slot, pick) => [NaN, Infinity, -Infinity][pick % 3]),
    foreignSpeaker: (ballot, _preset, team, pick) => {
      const speech = pick % ballot.teams[team].speeches.length;
      ballot.teams[team].speeches[speech].speakerId = 'intruder';
      return { field: `teams[${team}].speeches[${speech}].speakerId`, rule: 'speakerNotInTeam' };
    },
    repeatSpeaker: (ballot, _preset, team, pick) => {
      const indices = substantiveIndices(ballot, team);
      if (indices.length < 2) return null;
      const later = indices[1 + (pick % (indices.length - 1))];
      ballot.teams[team].speeches[later].speakerId = ballot.teams[team].speeches[indices[0]].speakerId;
      return { field: `teams[${team}].speeches[${later}].speakerId`, rule: 'duplicateSpeaker' };
    },
    dropSpeech: (ballot, _preset, team, pick) => {
      const indices = substantiveIndices(ballot, team);
      ballot.teams[team].speeches.splice(indices[pick % indices.length], 1);
      return { field: `teams[${team}].speeches`, rule: 'speechCount' };
    },
    dropReply: (ballot, _preset, team, pick) => {
      const indices = replyIndices(ballot, team);
      if (indices.length === 0) return null;
      ballot.teams[team].speeches.splice(indices[pick % indices.length], 1);
      return { field: `teams[${team}].speeches`, rule: 'replyMissing' };
    },
    extraReply: (ballot, _preset, team) => {
      const speeches = ballot.teams[team].speeches;
      speeches.push({ speakerId: speeches[0].speakerId, score: 1, reply: true });
      return { field: `teams[${team}].speeches[${speeches.length - 1}].reply`, rule: 'replyExtra' };
    },
    ineligibleReply: (ballot, preset, team, pick) => {
      const replies = replyIndices(ballot, team);
      if (replies.length === 0) return null;
      const slot = preset.speechSlots.find((s): s is ReplySlot => s.kind === 'reply') as ReplySlot;
      const barred = substantiveIndices(ballot, team).filter(
        (_, position) => !slot.eligiblePositions.includes(position + 1),
      );
      if (barred.length === 0) return null;
      const speeches = ballot.teams[team].speeches;
      speeches[replies[0]].speakerId = speeches[barred[pick % barred.length]].speakerId;
      return { field: `teams[${team}].speeches[${replies[0]}].speakerId`, rule: 'replyPosition' };
    },
    dropTeam: (ballot, _preset, team) => {
      ballot.teams.splice(team, 1);
      return { field: 'teams', rule: 'missingTeam' };
    },
    unknownTeam: (ballot, _preset, team) => {
      ballot.teams[team].teamId = 'ghost';
      return { field: `teams[${team}].teamId`, rule: 'unknownTeam' };
    },
    wrongSide: (ballot, preset, team, pick) => {
      const own = ballot.teams[team].teamId.replace(/-team$/, '');
      const others = preset.sides.filter((side) => side !== own);
      ballot.teams[team].side = others[pick % others.length];
      return { field: `teams[${team}].side`, rule: 'side' };
    },
  };

  it('any single corruption is reported on the right field with the right rule', () => {
    fc.assert(
      fc.property(
        arbPresetAndBallot,
        fc.constantFrom(...Object.keys(corruptions)),
        fc.nat(),
        fc.nat(),
        ([preset, ballot], kind, teamPick, pick) => {
          const team = teamPick % ballot.teams.length;
          const expected = corruptions[kind](ballot, preset, team, pick);
          fc.pre(expected !== null);
          const problems = problemsOf(preset, contextFor(preset), ballot);
          expect(problems.map((p) => ({ field: p.field, rule: p.rule }))).toContainEqual(expected);
          for (const p of problems) expect(p.message.startsWith(`${p.field} `)).toBe(true);
        },
      ),
      { numRuns: 600 },
    );
  });
});
