export interface LocalisedName {
  kk: string;
  ru: string;
  en: string;
}

/** Same shape as the stored `RubricCriterion`, plus optional translations for the jury's sheet. */
export interface RubricCriterion {
  key: string;
  name: string;
  /** Relative weight (> 0); totals are normalised by the sum of weights, so they need not add to 100. */
  weight: number;
  /** A criterion is scored from 0 to maxScore. */
  maxScore: number;
  names?: LocalisedName;
}

/** The programme's default case-championship rubric: weights sum to 100, each criterion scored 0–10. */
export const DEFAULT_CASE_RUBRIC: readonly RubricCriterion[] = Object.freeze(
  [
    {
      key: 'relevance',
      name: 'Problem relevance',
      weight: 20,
      maxScore: 10,
      names: { kk: 'Мәселенің өзектілігі', ru: 'Актуальность проблемы', en: 'Problem relevance' },
    },
    {
      key: 'analysis',
      name: 'Depth of analysis',
      weight: 25,
      maxScore: 10,
      names: { kk: 'Талдаудың тереңдігі', ru: 'Глубина анализа', en: 'Depth of analysis' },
    },
    {
      key: 'feasibility',
      name: 'Feasibility of the solution',
      weight: 25,
      maxScore: 10,
      names: { kk: 'Шешімнің іске асырылу мүмкіндігі', ru: 'Реализуемость решения', en: 'Feasibility of the solution' },
    },
    {
      key: 'innovation',
      name: 'Innovation',
      weight: 15,
      maxScore: 10,
      names: { kk: 'Жаңашылдық', ru: 'Инновационность', en: 'Innovation' },
    },
    {
      key: 'presentation',
      name: 'Presentation and answers to the jury',
      weight: 15,
      maxScore: 10,
      names: {
        kk: 'Таныстырылым және әділқазылар алқасының сұрақтарына жауаптар',
        ru: 'Презентация и ответы на вопросы жюри',
        en: 'Presentation and answers to the jury',
      },
    },
  ].map((criterion) => Object.freeze({ ...criterion, names: Object.freeze(criterion.names) })),
);

export type ScoresheetRule = 'type' | 'required' | 'unknownCriterion' | 'finite' | 'min' | 'max';

export interface ScoresheetProblem {
  field: string;
  rule: ScoresheetRule;
  message: string;
}

/** Checks one juror's scores against the rubric; every problem is reported, each on its own field. */
export function validateScoresheet(criteria: readonly RubricCriterion[], scores: unknown): ScoresheetProblem[] {
  const problems: ScoresheetProblem[] = [];
  const add = (field: string, rule: ScoresheetRule, text: string) =>
    problems.push({ field, rule, message: `${field} ${text}` });
  if (typeof scores !== 'object' || scores === null || Array.isArray(scores)) {
    add('scores', 'type', 'must be an object of criterion scores');
    return problems;
  }
  const given = scores as Record<string, unknown>;
  for (const criterion of criteria) {
    const field = `scores.${criterion.key}`;
    const value = given[criterion.key];
    if (value === undefined || value === null)
      add(field, 'required', `must be given (${criterion.name}, 0–${criterion.maxScore})`);
    else if (typeof value !== 'number') add(field, 'type', 'must be a number');
    else if (!Number.isFinite(value)) add(field, 'finite', 'must be a finite number');
    else if (value < 0) add(field, 'min', 'must not be less than 0');
    else if (value > criterion.maxScore) add(field, 'max', `must not be greater than ${criterion.maxScore}`);
  }
  const known = new Set(criteria.map((criterion) => criterion.key));
  for (const key of Object.keys(given)) {
    if (!known.has(key))
      add(`scores.${key}`, 'unknownCriterion', `is not a criterion of this rubric (${[...known].join(', ')})`);
  }
  return problems;
}

/** Throws on a rubric the scoring cannot use; the API validates rubrics, this guards direct callers. */
export function assertUsableRubric(criteria: readonly RubricCriterion[]): void {
  if (criteria.length === 0) throw new RangeError('a rubric needs at least one criterion');
  const keys = new Set<string>();
  for (const criterion of criteria) {
    if (keys.has(criterion.key)) throw new RangeError(`criterion ${criterion.key} appears twice`);
    keys.add(criterion.key);
    if (!(Number.isFinite(criterion.weight) && criterion.weight > 0))
      throw new RangeError(`criterion ${criterion.key} needs a positive weight`);
    if (!(Number.isFinite(criterion.maxScore) && criterion.maxScore > 0))
      throw new RangeError(`criterion ${criterion.key} needs a positive maxScore`);
  }
}

/**
 * A sheet's total on a 0–100 scale: Σ(weight × score / maxScore) / Σweight × 100. Scores must already be
 * valid; an out-of-range one throws rather than silently skewing a standing.
 */
export function sheetTotal(criteria: readonly RubricCriterion[], scores: Readonly<Record<string, number>>): number {
  let weighted = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = scores[criterion.key];
    if (!(typeof score === 'number' && score >= 0 && score <= criterion.maxScore)) {
      throw new RangeError(
        `score for ${criterion.key} must be a number from 0 to ${criterion.maxScore} (got ${String(score)})`,
      );
    }
    weighted += (criterion.weight * score) / criterion.maxScore;
    weights += criterion.weight;
  }
  return (weighted / weights) * 100;
}
