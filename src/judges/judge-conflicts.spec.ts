import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type ConflictFacts, conflictsFrom } from './judges.service.js';

// Spellings of three schools as organisers type them: case and spacing vary, the school does not.
const SPELLINGS = [
  ['Школа №1', ' школа  №1', 'ШКОЛА №1 '],
  ['Nazarbayev Intellectual School', 'nazarbayev intellectual  school'],
  ['Лицей 7'],
];
const school = (spelling: string) => SPELLINGS.findIndex((group) => group.includes(spelling));

/** The rule written out pair by pair, as a tab director would check it: declared, else mentor, else same school. */
function pairwise({ judges, teams, declared }: ConflictFacts): string[] {
  const out: string[] = [];
  for (const judge of judges)
    for (const team of teams) {
      if (declared.some((d) => d.judgeId === judge.id && d.teamId === team.id))
        out.push(`${judge.id}:${team.id}:declared`);
      else if (team.mentorJudgeId === judge.id) out.push(`${judge.id}:${team.id}:mentor`);
      else if (school(judge.institution) === school(team.institution))
        out.push(`${judge.id}:${team.id}:same-institution`);
    }
  return out.sort();
}

const facts: fc.Arbitrary<ConflictFacts> = fc
  .record({
    judges: fc.array(fc.constantFrom(...SPELLINGS.flat()), { maxLength: 8 }),
    teams: fc.array(fc.record({ school: fc.constantFrom(...SPELLINGS.flat()), mentor: fc.nat(9) }), { maxLength: 8 }),
    declared: fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 6 }),
  })
  .map(({ judges, teams, declared }) => ({
    judges: judges.map((institution, i) => ({ id: `j${i}`, institution })),
    // A mentor index past the judges means the team's mentor is no judge here.
    teams: teams.map((t, i) => ({
      id: `t${i}`,
      institution: t.school,
      mentorJudgeId: t.mentor < judges.length ? `j${t.mentor}` : null,
    })),
    declared: [
      ...new Map(
        declared
          .filter(([j, t]) => j < judges.length && t < teams.length)
          .map(([j, t]) => [`${j}:${t}`, { judgeId: `j${j}`, teamId: `t${t}` }]),
      ).values(),
    ],
  }));

describe('judge–team conflicts', () => {
  it('finds exactly the pairs the rule names, each once with the first reason that applies', () => {
    fc.assert(
      fc.property(facts, (f) => {
        expect(
          conflictsFrom(f)
            .map((c) => `${c.judgeId}:${c.teamId}:${c.reason}`)
            .sort(),
        ).toEqual(pairwise(f));
      }),
    );
  });

  it('treats spellings of one school alike and a mentor as a mentor even at the same school', () => {
    const found = conflictsFrom({
      judges: [
        { id: 'j0', institution: ' школа  №1' },
        { id: 'j1', institution: 'Лицей 7' },
      ],
      teams: [
        { id: 't0', institution: 'ШКОЛА №1 ', mentorJudgeId: null },
        { id: 't1', institution: 'Лицей 7', mentorJudgeId: 'j1' },
        { id: 't2', institution: 'Лицей 77', mentorJudgeId: null },
      ],
      declared: [],
    });
    expect(found).toEqual([
      { judgeId: 'j0', teamId: 't0', reason: 'same-institution' },
      { judgeId: 'j1', teamId: 't1', reason: 'mentor' },
    ]);
  });
});
