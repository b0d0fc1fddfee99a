import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ConfirmedDebateResult, ConfirmedSpeech } from './confirmed-result.js';
import { computeSpeakerTab, type TabSpeaker } from './speaker-tab.js';

const speaker = (id: string, name: string, teamId = 'T'): TabSpeaker => ({ id, name, teamId });
const debateWith = (debateId: string, speeches: ConfirmedSpeech[]): ConfirmedDebateResult => ({
  debateId,
  round: 1,
  teams: [{ teamId: 'T', side: 'gov', points: 1, total: 0, margin: 0, speeches }],
});
const s = (speakerId: string, score: number, reply = false): ConfirmedSpeech => ({ speakerId, score, reply });

describe('computeSpeakerTab', () => {
  const speakers = [speaker('a', 'Айгерім'), speaker('b', 'Бауыржан'), speaker('c', 'Dana'), speaker('d', 'Erlan')];
  const results = [
    debateWith('d1', [s('a', 75), s('b', 74), s('c', 72), s('a', 38, true)]),
    debateWith('d2', [s('a', 73), s('b', 74), s('c', 76), s('b', 36.5, true)]),
  ];

  it('totals substantive speeches only and keeps replies apart', () => {
    const rows = computeSpeakerTab(speakers, results);
    expect(rows).toEqual([
      {
        rank: 1,
        speakerId: 'c',
        name: 'Dana',
        teamId: 'T',
        total: 148,
        average: 74,
        replyTotal: 0,
        replyAverage: null,
        speeches: 2,
        replies: 0,
      },
      {
        rank: 1,
        speakerId: 'a',
        name: 'Айгерім',
        teamId: 'T',
        total: 148,
        average: 74,
        replyTotal: 38,
        replyAverage: 38,
        speeches: 2,
        replies: 1,
      },
      {
        rank: 1,
        speakerId: 'b',
        name: 'Бауыржан',
        teamId: 'T',
        total: 148,
        average: 74,
        replyTotal: 36.5,
        replyAverage: 36.5,
        speeches: 2,
        replies: 1,
      },
      {
        rank: 4,
        speakerId: 'd',
        name: 'Erlan',
        teamId: 'T',
        total: 0,
        average: null,
        replyTotal: 0,
        replyAverage: null,
        speeches: 0,
        replies: 0,
      },
    ]);
  });

  it('ranks by total, average breaking ties; or by average when asked', () => {
    const more = [...results, debateWith('d3', [s('c', 70)])];
    expect(computeSpeakerTab(speakers, more).map((r) => [r.rank, r.speakerId])).toEqual([
      [1, 'c'],
      [2, 'a'],
      [2, 'b'],
      [4, 'd'],
    ]);
    expect(computeSpeakerTab(speakers, more, { rankBy: 'average' }).map((r) => [r.rank, r.speakerId])).toEqual([
      [1, 'a'],
      [1, 'b'],
      [3, 'c'],
      [4, 'd'],
    ]);
  });

  it('ignores speeches by people not on the list and rejects a duplicate speaker', () => {
    expect(computeSpeakerTab([speaker('a', 'A')], [debateWith('d', [s('zz', 80), s('a', 70)])])[0].total).toBe(70);
    expect(() => computeSpeakerTab([speaker('a', 'A'), speaker('a', 'B')], [])).toThrow('listed twice');
  });
});

describe('computeSpeakerTab — properties', () => {
  const arbSeason = fc
    .record({
      speakerCount: fc.integer({ min: 1, max: 30 }),
      speeches: fc.array(
        fc.record({ who: fc.nat(), score: fc.integer({ min: 140, max: 160 }).map((x) => x / 2), reply: fc.boolean() }),
        { maxLength: 120 },
      ),
      rankBy: fc.constantFrom('total' as const, 'average' as const),
    })
    .map(({ speakerCount, speeches, rankBy }) => ({
      speakers: Array.from({ length: speakerCount }, (_, i) => speaker(`s${i}`, `Name ${i % 5}`, `t${i % 3}`)),
      results: speeches.map((x, i) => debateWith(`d${i}`, [s(`s${x.who % speakerCount}`, x.score, x.reply)])),
      rankBy,
    }));

  it('ranks never decrease and equal rows share a rank; input order does not matter', () => {
    fc.assert(
      fc.property(arbSeason, ({ speakers, results, rankBy }) => {
        const rows = computeSpeakerTab(speakers, results, { rankBy });
        const key = (r: (typeof rows)[0]) =>
          rankBy === 'total' ? [r.total, r.average ?? -1] : [r.average ?? -1, r.total];
        rows.forEach((row, i) => {
          if (i === 0) return expect(row.rank).toBe(1);
          const [p1, p2] = key(rows[i - 1]);
          const [c1, c2] = key(row);
          expect(p1 > c1 || (p1 === c1 && p2 >= c2)).toBe(true);
          expect(row.rank).toBe(p1 === c1 && Math.abs(p2 - c2) < 1e-9 ? rows[i - 1].rank : i + 1);
        });
        const total = results
          .flatMap((d) => d.teams[0].speeches)
          .filter((x) => !x.reply)
          .reduce((a, x) => a + x.score, 0);
        expect(rows.reduce((a, r) => a + r.total, 0)).toBeCloseTo(total, 6);
        expect(computeSpeakerTab([...speakers].reverse(), [...results].reverse(), { rankBy })).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});

describe('computeSpeakerTab — iron speeches and the minimum for averages', () => {
  const speakers = [speaker('a', 'Aru'), speaker('b', 'Bek'), speaker('c', 'Cholpan')];

  it('leaves an iron speech out of the speaker tab', () => {
    const rows = computeSpeakerTab(speakers, [
      debateWith('d1', [s('a', 75), { speakerId: 'a', score: 74, reply: false, iron: true }, s('b', 70)]),
    ]);
    expect(rows.find((r) => r.speakerId === 'a')).toMatchObject({ total: 75, speeches: 1, average: 75 });
  });

  it('ranks by average only speakers with the minimum number of speeches; the rest follow, unranked', () => {
    const results = [
      debateWith('d1', [s('a', 70), s('b', 71), s('c', 79)]),
      debateWith('d2', [s('a', 72), s('b', 72)]),
    ];
    const rows = computeSpeakerTab(speakers, results, { rankBy: 'average', minSpeeches: 2 });
    expect(rows.map((r) => [r.rank, r.speakerId, r.average])).toEqual([
      [1, 'b', 71.5],
      [2, 'a', 71],
      [null, 'c', 79],
    ]);
  });
});
