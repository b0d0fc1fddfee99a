import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { scoreTeams, type DebateResult } from './ballot.js';
import type { FormatPreset } from './format-preset.js';
import { decidePanel, type JudgeBallot, type JudgeRole } from './panel-decision.js';
import { BP_PRESET, WSDC_PRESET } from './presets.js';

/** A judge's result from per-team speech scores (teams in side order); ranks follow the totals. */
const resultOf = (preset: FormatPreset, scores: number[][]): DebateResult => {
  const teams = scores.map((speechScores, i) => {
    const side = preset.sides[i];
    const speeches = speechScores.map((score, j) => ({
      speakerId: `${side}-${j < preset.speakersPerSide ? j + 1 : 1}`,
      score,
      reply: j >= preset.speakersPerSide,
    }));
    return { teamId: `${side}-team`, side, total: speechScores.reduce((a, b) => a + b, 0), speeches };
  });
  const order = teams.map((_, i) => i).sort((a, b) => teams[b].total - teams[a].total);
  return scoreTeams(preset, teams, order);
};
const judge = (judgeId: string, role: JudgeRole, result: DebateResult): JudgeBallot => ({ judgeId, role, result });

const GOV_WINS = (gov: number[], opp: number[]) => resultOf(WSDC_PRESET, [gov, opp]);

describe('decidePanel — two teams', () => {
  it('a 2–1 split: majority decides, only the majority ballots feed the averages', () => {
    const decision = decidePanel(WSDC_PRESET, [
      judge('chair', 'chair', GOV_WINS([70, 71, 72, 36], [70, 70, 70, 35])), // gov 249 − opp 245
      judge('w1', 'wing', GOV_WINS([74, 71, 72, 37], [70, 70, 71, 35])), // gov 254 − opp 246
      judge('w2', 'wing', GOV_WINS([60, 60, 60, 30], [80, 80, 80, 40])), // opp wins
    ]);
    expect(decision).toMatchObject({
      counted: ['chair', 'w1'],
      minority: ['w2'],
      split: true,
      unanimous: false,
      decidedByChair: false,
    });
    const [gov, opp] = decision.result.teams;
    expect(gov.speeches.map((s) => s.score)).toEqual([72, 71, 72, 36.5]);
    expect(opp.speeches.map((s) => s.score)).toEqual([70, 70, 70.5, 35]);
    expect([gov.total, gov.points, gov.won, gov.margin]).toEqual([251.5, 1, true, 6]); // mean of margins 4 and 8
    expect([opp.total, opp.points, opp.won, opp.margin]).toEqual([245.5, 0, false, -6]);
  });

  it('an even split is broken by the chair', () => {
    const decision = decidePanel(WSDC_PRESET, [
      judge('w1', 'wing', GOV_WINS([70, 70, 70, 35], [71, 71, 71, 35])),
      judge('w2', 'wing', GOV_WINS([75, 70, 70, 35], [70, 70, 70, 35])),
      judge('w3', 'wing', GOV_WINS([75, 70, 70, 35], [70, 70, 70, 35])),
      judge('chair', 'chair', GOV_WINS([70, 70, 70, 35], [72, 70, 70, 35])),
    ]);
    expect(decision).toMatchObject({
      counted: ['w1', 'chair'],
      minority: ['w2', 'w3'],
      split: true,
      decidedByChair: true,
    });
    expect(decision.result.teams.map((t) => t.won)).toEqual([false, true]);
  });

  it('a single judge is a unanimous decision', () => {
    const decision = decidePanel(WSDC_PRESET, [judge('solo', 'chair', GOV_WINS([70, 70, 70, 35], [71, 70, 70, 35]))]);
    expect(decision).toMatchObject({
      counted: ['solo'],
      minority: [],
      split: false,
      unanimous: true,
      decidedByChair: false,
    });
  });

  it('refuses panels it cannot decide', () => {
    const gov = GOV_WINS([71, 70, 70, 35], [70, 70, 70, 35]);
    const opp = GOV_WINS([70, 70, 70, 35], [71, 70, 70, 35]);
    expect(() => decidePanel(WSDC_PRESET, [])).toThrow(RangeError);
    expect(() => decidePanel(WSDC_PRESET, [judge('a', 'chair', gov), judge('b', 'chair', gov)])).toThrow(
      'at most one chair',
    );
    expect(() => decidePanel(WSDC_PRESET, [judge('a', 'wing', gov), judge('b', 'wing', opp)])).toThrow('no chair');
    const otherDebate: DebateResult = { teams: gov.teams.map((t) => ({ ...t, teamId: `${t.teamId}-x` })) };
    expect(() => decidePanel(WSDC_PRESET, [judge('a', 'chair', gov), judge('b', 'wing', otherDebate)])).toThrow(
      'same 2 teams',
    );
    const noReply: DebateResult = {
      teams: gov.teams.map((t) => ({ ...t, speeches: t.speeches.filter((x) => !x.reply) })),
    };
    expect(() => decidePanel(WSDC_PRESET, [judge('a', 'chair', gov), judge('b', 'wing', noReply)])).toThrow(
      'same speech slots',
    );
  });
});

describe('decidePanel — who spoke', () => {
  /** The gov reply given by `replier` (gov-1 or gov-2), gov winning 249–245 on every ballot. */
  const withReplyBy = (replier: string) => {
    const result = GOV_WINS([70, 71, 72, 36], [70, 70, 70, 35]);
    const gov = result.teams.find((t) => t.side === 'gov')!;
    gov.speeches[3] = { ...gov.speeches[3], speakerId: replier };
    return result;
  };

  it('four ballots name speaker 1 for the reply and one names speaker 2: the majority decides, the dissent is kept', () => {
    const decision = decidePanel(WSDC_PRESET, [
      judge('c', 'chair', withReplyBy('gov-2')),
      judge('w1', 'wing', withReplyBy('gov-1')),
      judge('w2', 'wing', withReplyBy('gov-1')),
      judge('w3', 'wing', withReplyBy('gov-1')),
      judge('w4', 'wing', withReplyBy('gov-1')),
    ]);
    const gov = decision.result.teams.find((t) => t.side === 'gov')!;
    expect(gov.speeches[3]).toMatchObject({ speakerId: 'gov-1', reply: true, score: 36 });
    expect(decision.speakerDisputes).toEqual([
      {
        teamId: 'gov-team',
        slot: 3,
        speakerId: 'gov-1',
        decidedBy: 'majority',
        named: [
          { judgeId: 'c', speakerId: 'gov-2' },
          { judgeId: 'w1', speakerId: 'gov-1' },
          { judgeId: 'w2', speakerId: 'gov-1' },
          { judgeId: 'w3', speakerId: 'gov-1' },
          { judgeId: 'w4', speakerId: 'gov-1' },
        ],
      },
    ]);
  });

  it('a level count on who spoke goes to the chair, whatever the ballot order', () => {
    const ballots = [judge('w1', 'wing', withReplyBy('gov-1')), judge('c', 'chair', withReplyBy('gov-2'))];
    for (const order of [ballots, [...ballots].reverse()]) {
      const decision = decidePanel(WSDC_PRESET, order);
      expect(decision.result.teams.find((t) => t.side === 'gov')!.speeches[3].speakerId).toBe('gov-2');
      expect(decision.speakerDisputes).toMatchObject([{ slot: 3, speakerId: 'gov-2', decidedBy: 'chair' }]);
    }
  });

  it('agreeing ballots record no dispute', () => {
    const decision = decidePanel(WSDC_PRESET, [
      judge('c', 'chair', withReplyBy('gov-1')),
      judge('w', 'wing', withReplyBy('gov-1')),
    ]);
    expect(decision.speakerDisputes).toEqual([]);
  });
});

describe('decidePanel — ballots carried and margins', () => {
  const ballots = [
    judge('c', 'chair', GOV_WINS([70, 71, 72, 36], [70, 70, 70, 35])), // gov +4
    judge('w1', 'wing', GOV_WINS([74, 71, 72, 37], [70, 70, 71, 35])), // gov +8
    judge('w2', 'wing', GOV_WINS([70, 70, 70, 35], [72, 70, 70, 35])), // opp +2 (dissent)
  ];

  it('counts the ballots each team carried', () => {
    const decision = decidePanel(WSDC_PRESET, ballots);
    const ballotsOf = Object.fromEntries(decision.result.teams.map((t) => [t.side, t.ballots]));
    expect(ballotsOf).toEqual({ gov: 2, opp: 1 });
  });

  it('margins from the majority by default, over every ballot with marginsIncludeDissent (WSDC practice)', () => {
    const majority = decidePanel(WSDC_PRESET, ballots).result.teams.find((t) => t.side === 'gov')!;
    expect(majority.margin).toBeCloseTo((4 + 8) / 2, 9);
    const all = decidePanel(WSDC_PRESET, ballots, { marginsIncludeDissent: true }).result.teams.find(
      (t) => t.side === 'gov',
    )!;
    expect(all.margin).toBeCloseTo((4 + 8 - 2) / 3, 9);
  });
});

describe('decidePanel — BP', () => {
  // Side order OG, OO, CG, CO; each helper gives the totals' order through two speeches per team.
  const ranking = (...totals: number[]) =>
    resultOf(
      BP_PRESET,
      totals.map((t) => [t - 70, 70]),
    );

  it('a ranking held by the majority is decided, and its ballots are averaged', () => {
    const decision = decidePanel(BP_PRESET, [
      judge('c', 'chair', ranking(150, 160, 140, 145)),
      judge('w1', 'wing', ranking(152, 158, 141, 146)),
      judge('w2', 'wing', ranking(160, 150, 140, 145)),
    ]);
    expect(decision).toMatchObject({ counted: ['c', 'w1'], minority: ['w2'], split: true });
    expect(decision.result.teams.map((t) => [t.side, t.total, t.rank, t.points])).toEqual([
      ['OG', 151, 2, 2],
      ['OO', 159, 1, 3],
      ['CG', 140.5, 4, 0],
      ['CO', 145.5, 3, 1],
    ]);
  });

  it('three different rankings: the most central wins (Kemeny), the chair only breaks a level count', () => {
    // A = OO>OG>CO>CG (chair), B = OG>OO>CO>CG, C = OG>OO>CG>CO.
    // Distances: A–B 1, A–C 2, B–C 1, so B totals 2 against A's and C's 3 — B decides even though the chair gave A.
    const decision = decidePanel(BP_PRESET, [
      judge('c', 'chair', ranking(150, 160, 140, 145)),
      judge('w1', 'wing', ranking(160, 150, 140, 145)),
      judge('w2', 'wing', ranking(160, 150, 145, 140)),
    ]);
    expect(decision).toMatchObject({ counted: ['w1'], minority: ['c', 'w2'], decidedByChair: false });
    // A and C are equally central against each other: with two judges the chair's ballot decides.
    const two = decidePanel(BP_PRESET, [
      judge('w', 'wing', ranking(160, 150, 145, 140)),
      judge('c', 'chair', ranking(150, 160, 140, 145)),
    ]);
    expect(two).toMatchObject({ counted: ['c'], minority: ['w'], decidedByChair: true });
  });
});

// ---------- property tests ----------

const arbJudgeScores = (preset: FormatPreset) => {
  const slots = preset.speechSlots;
  const team = fc.tuple(
    ...slots.map((slot) =>
      fc.integer({ min: 0, max: Math.round((slot.max - slot.min) / slot.step) }).map((k) => slot.min + k * slot.step),
    ),
  );
  return fc
    .tuple(...preset.sides.map(() => team))
    .filter((teams) => new Set(teams.map((t) => t.reduce((a, b) => a + b, 0))).size === teams.length);
};

const arbPanel = fc.constantFrom(WSDC_PRESET, BP_PRESET).chain((preset) =>
  fc.tuple(
    fc.constant(preset),
    fc.array(arbJudgeScores(preset), { minLength: 1, maxLength: 5 }),
    fc.nat({ max: 4 }), // which judge chairs
  ),
);

const rankingOf = (result: DebateResult) => [...result.teams].sort((a, b) => a.rank - b.rank).map((t) => t.teamId);

describe('decidePanel — properties', () => {
  it('unanimous ballots give that result, every ballot counted', () => {
    fc.assert(
      fc.property(arbPanel, ([preset, sheets, chairPick]) => {
        const order = rankingOf(resultOf(preset, sheets[0]));
        // Reorder each sheet's team scores so every judge agrees with the first judge's ranking.
        const agreeing = sheets.map((sheet) => {
          const byTotal = [...sheet].sort((a, b) => b.reduce((x, y) => x + y, 0) - a.reduce((x, y) => x + y, 0));
          const placed = new Array<number[]>(sheet.length);
          order.forEach(
            (teamId, place) => (placed[preset.sides.indexOf(teamId.replace(/-team$/, ''))] = byTotal[place]),
          );
          return placed;
        });
        const ballots = agreeing.map((s, i) =>
          judge(`j${i}`, i === chairPick % agreeing.length ? 'chair' : 'wing', resultOf(preset, s)),
        );
        const decision = decidePanel(preset, ballots);
        expect(rankingOf(decision.result)).toEqual(order);
        expect(decision.counted).toEqual(ballots.map((b) => b.judgeId));
        expect(decision).toMatchObject({ minority: [], split: false, unanimous: true, decidedByChair: false });
      }),
      { numRuns: 200 },
    );
  });

  it('counted ballots are exactly those agreeing with the decision, a majority in two-team debates, order-independent', () => {
    fc.assert(
      fc.property(arbPanel, fc.nat(), ([preset, sheets, chairPick], seed) => {
        const ballots = sheets.map((s, i) =>
          judge(`j${i}`, i === chairPick % sheets.length ? 'chair' : 'wing', resultOf(preset, s)),
        );
        const decision = decidePanel(preset, ballots);
        const decided = rankingOf(decision.result).join();
        expect([...decision.counted, ...decision.minority].sort()).toEqual(ballots.map((b) => b.judgeId).sort());
        for (const b of ballots) {
          expect(decision.counted.includes(b.judgeId)).toBe(rankingOf(b.result).join() === decided);
        }
        if (preset.result.kind === 'win-loss') {
          expect(decision.counted.length * 2).toBeGreaterThanOrEqual(ballots.length);
          if (decision.counted.length * 2 === ballots.length)
            expect(decision.counted).toContain(ballots[chairPick % sheets.length].judgeId);
        }
        // Averaged totals keep the decided order strictly.
        const byRank = [...decision.result.teams].sort((a, b) => a.rank - b.rank);
        for (let i = 1; i < byRank.length; i++) expect(byRank[i - 1].total).toBeGreaterThan(byRank[i].total);
        const rotated = ballots.map((_, i) => ballots[(i + seed) % ballots.length]);
        const again = decidePanel(preset, rotated);
        expect(rankingOf(again.result)).toEqual(rankingOf(decision.result));
        expect([...again.counted].sort()).toEqual([...decision.counted].sort());
      }),
      { numRuns: 300 },
    );
  });
});
