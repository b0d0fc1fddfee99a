import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  assertUsableRubric,
  DEFAULT_CASE_RUBRIC,
  sheetTotal,
  validateScoresheet,
  type RubricCriterion,
  type ScoresheetRule,
} from './rubric.js';

describe('DEFAULT_CASE_RUBRIC', () => {
  it('holds the programme weights, each criterion out of 10, in three languages', () => {
    expect(DEFAULT_CASE_RUBRIC.map((c) => [c.key, c.weight, c.maxScore])).toEqual([
      ['relevance', 20, 10],
      ['analysis', 25, 10],
      ['feasibility', 25, 10],
      ['innovation', 15, 10],
      ['presentation', 15, 10],
    ]);
    for (const c of DEFAULT_CASE_RUBRIC) expect(c.names && c.names.en).toBe(c.name);
    expect(() => assertUsableRubric(DEFAULT_CASE_RUBRIC)).not.toThrow();
    expect(Object.isFrozen(DEFAULT_CASE_RUBRIC[0])).toBe(true);
  });
});

describe('sheetTotal', () => {
  it('weights each criterion by its share of the weights, scaled to 100', () => {
    // 20·0.8 + 25·0.6 + 25·0.7 + 15·0.9 + 15·0.5 = 16 + 15 + 17.5 + 13.5 + 7.5 = 69.5 (weights sum to 100)
    expect(
      sheetTotal(DEFAULT_CASE_RUBRIC, { relevance: 8, analysis: 6, feasibility: 7, innovation: 9, presentation: 5 }),
    ).toBeCloseTo(69.5, 12);
  });

  it('normalises weights that do not sum to 100 and mixed maximum scores', () => {
    const rubric: RubricCriterion[] = [
      { key: 'a', name: 'A', weight: 1, maxScore: 10 },
      { key: 'b', name: 'B', weight: 3, maxScore: 5 },
    ];
    // (1 · 5/10 + 3 · 4/5) / 4 · 100 = (0.5 + 2.4) / 4 · 100 = 72.5
    expect(sheetTotal(rubric, { a: 5, b: 4 })).toBeCloseTo(72.5, 12);
  });

  it('refuses an invalid score rather than skewing the total', () => {
    expect(() =>
      sheetTotal(DEFAULT_CASE_RUBRIC, { relevance: 11, analysis: 6, feasibility: 7, innovation: 9, presentation: 5 }),
    ).toThrow(RangeError);
    expect(() =>
      sheetTotal(DEFAULT_CASE_RUBRIC, { relevance: NaN, analysis: 6, feasibility: 7, innovation: 9, presentation: 5 }),
    ).toThrow(RangeError);
  });
});

describe('assertUsableRubric', () => {
  it.each<[string, RubricCriterion[]]>([
    ['empty', []],
    [
      'duplicate key',
      [
        { key: 'a', name: 'A', weight: 1, maxScore: 10 },
        { key: 'a', name: 'A', weight: 1, maxScore: 10 },
      ],
    ],
    ['zero weight', [{ key: 'a', name: 'A', weight: 0, maxScore: 10 }]],
    ['zero maxScore', [{ key: 'a', name: 'A', weight: 1, maxScore: 0 }]],
  ])('rejects a rubric: %s', (_name, rubric) => expect(() => assertUsableRubric(rubric)).toThrow(RangeError));
});

describe('validateScoresheet', () => {
  const valid = { relevance: 8, analysis: 7.5, feasibility: 9, innovation: 6, presentation: 8 };

  it('accepts a complete sheet, fractional scores included', () => {
    expect(validateScoresheet(DEFAULT_CASE_RUBRIC, valid)).toEqual([]);
    expect(validateScoresheet(DEFAULT_CASE_RUBRIC, { ...valid, relevance: 0, analysis: 10 })).toEqual([]);
  });

  it('reports every problem on its own field, with a readable message', () => {
    const problems = validateScoresheet(DEFAULT_CASE_RUBRIC, {
      relevance: '8',
      analysis: 11,
      feasibility: -1,
      innovation: Infinity,
      charisma: 9,
    });
    expect(problems).toEqual([
      { field: 'scores.relevance', rule: 'type', message: 'scores.relevance must be a number' },
      { field: 'scores.analysis', rule: 'max', message: 'scores.analysis must not be greater than 10' },
      { field: 'scores.feasibility', rule: 'min', message: 'scores.feasibility must not be less than 0' },
      { field: 'scores.innovation', rule: 'finite', message: 'scores.innovation must be a finite number' },
      {
        field: 'scores.presentation',
        rule: 'required',
        message: 'scores.presentation must be given (Presentation and answers to the jury, 0–10)',
      },
      {
        field: 'scores.charisma',
        rule: 'unknownCriterion',
        message:
          'scores.charisma is not a criterion of this rubric (relevance, analysis, feasibility, innovation, presentation)',
      },
    ]);
  });

  it('rejects a body that is not an object', () => {
    for (const body of [null, 7, [1, 2]])
      expect(validateScoresheet(DEFAULT_CASE_RUBRIC, body).map((p) => p.rule)).toEqual(['type']);
  });

  const arbSheet = fc.record(
    Object.fromEntries(
      DEFAULT_CASE_RUBRIC.map((c) => [c.key, fc.integer({ min: 0, max: c.maxScore * 2 }).map((x) => x / 2)]),
    ),
  );

  it('a valid random sheet passes; any single corruption is reported on its field', () => {
    const corruptions: [ScoresheetRule, (sheet: Record<string, unknown>, key: string) => void][] = [
      ['required', (sheet, key) => delete sheet[key]],
      ['type', (sheet, key) => (sheet[key] = String(sheet[key]))],
      ['finite', (sheet, key) => (sheet[key] = NaN)],
      ['min', (sheet, key) => (sheet[key] = -0.5)],
      ['max', (sheet, key) => (sheet[key] = 10.5)],
      ['unknownCriterion', (sheet, key) => (sheet[`${key}X`] = 5)],
    ];
    fc.assert(
      fc.property(
        arbSheet,
        fc.constantFrom(...DEFAULT_CASE_RUBRIC.map((c) => c.key)),
        fc.constantFrom(...corruptions),
        (sheet, key, [rule, corrupt]) => {
          expect(validateScoresheet(DEFAULT_CASE_RUBRIC, sheet)).toEqual([]);
          const broken: Record<string, unknown> = { ...sheet };
          corrupt(broken, key);
          const field = rule === 'unknownCriterion' ? `scores.${key}X` : `scores.${key}`;
          expect(validateScoresheet(DEFAULT_CASE_RUBRIC, broken).map((p) => [p.field, p.rule])).toEqual([
            [field, rule],
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any valid sheet totals between 0 and 100', () => {
    fc.assert(
      fc.property(arbSheet, (sheet) => {
        const total = sheetTotal(DEFAULT_CASE_RUBRIC, sheet);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });
});
