// Glue between the case-championship entities and the pure scoring engine: shapes rows for the API and applies
// the public leaderboard's freeze and reveal.
import { toCsv } from '../common/csv.js';
import type { Judge } from '../judges/judge.entity.js';
import type { Team } from '../teams/team.entity.js';
import { computeCaseStandings, type CutoffTie } from '../engine/case-scoring/case-standings.js';
import { juryDiagnostics, type JurorDiagnostics } from '../engine/case-scoring/jury-diagnostics.js';
import { DEFAULT_CASE_RUBRIC, validateScoresheet } from '../engine/case-scoring/rubric.js';
import type { CaseChampionship, CaseScoresheet, RevealState, RubricCriterion, ScoringOptions } from './case-championship.entity.js';

export interface JurorReport extends JurorDiagnostics {
  fullName: string;
}

export const defaultRubric = (): RubricCriterion[] =>
  DEFAULT_CASE_RUBRIC.map(({ key, name, weight, maxScore }) => ({ key, name, weight, maxScore }));

/** Field-level messages (`scores.analysis must not be greater than 10`); empty when the sheet is valid. */
export const validateSheet = (criteria: RubricCriterion[], scores: unknown): string[] =>
  validateScoresheet(criteria, scores).map((p) => p.message);

export function computeStandings(c: CaseChampionship, teams: Team[], sheets: CaseScoresheet[]): StandingsView {
  const entered = new Set(teams.map((t) => t.id));
  const standings = computeCaseStandings(
    c.criteria,
    sheets.filter((s) => entered.has(s.teamId)).map((s) => ({ teamId: s.teamId, judgeId: s.judgeId, scores: s.scores })),
    { ...c.options, qualifierSlots: c.qualifierSlots },
  );
  const names = new Map(teams.map((t) => [t.id, t.name]));
  const scored = new Set(standings.rows.map((r) => r.teamId));
  const unscored = teams.filter((t) => !scored.has(t.id)).sort((a, b) => a.name.localeCompare(b.name));
  return {
    championshipId: c.id,
    status: c.status,
    frozen: false,
    revealed: 0,
    qualifierSlots: c.qualifierSlots,
    criteria: c.criteria.map(({ key, name }) => ({ key, name })),
    rows: [
      ...standings.rows.map((r) => ({
        rank: r.rank,
        teamId: r.teamId,
        teamName: names.get(r.teamId) ?? '',
        total: r.total,
        judgesCounted: r.judgesCounted,
        perCriterion: r.perCriterion,
        firstPlaces: r.firstPlaces,
        qualified: r.qualified,
        decidedBy: r.decidedBy,
      })),
      // Entered but not yet scored: listed last, without a rank.
      ...unscored.map((t) => ({
        rank: null,
        teamId: t.id,
        teamName: t.name,
        total: null,
        judgesCounted: 0,
        perCriterion: null,
        firstPlaces: 0,
        qualified: false,
        decidedBy: null,
      })),
    ],
    cutoffTie: standings.cutoffTie,
  };
}

export function juryReport(c: CaseChampionship, sheets: CaseScoresheet[], judges: Judge[]): JurorReport[] {
  const names = new Map(judges.map((j) => [j.id, j.fullName]));
  return juryDiagnostics(
    c.criteria,
    sheets.map((s) => ({ teamId: s.teamId, judgeId: s.judgeId, scores: s.scores })),
  ).map((d) => ({ ...d, fullName: names.get(d.judgeId) ?? '' }));
}

export interface ChampionshipView {
  id: string;
  title: string;
  regionCode: string;
  ageGroup: string | null;
  qualifierSlots: number;
  criteria: RubricCriterion[];
  options: ScoringOptions;
  status: CaseChampionship['status'];
  reveal: RevealState;
  entries: { teamId: string; teamName: string }[];
  jury: string[];
  qualifiers: string[];
  version: number;
}

export interface StandingRow {
  rank: number | null;
  teamId: string | null;
  teamName: string | null;
  total: number | null;
  judgesCounted: number | null;
  perCriterion: Record<string, number> | null;
  firstPlaces: number | null;
  qualified: boolean | null;
  /** What separated this row from the one above (null when shared or first). */
  decidedBy?: string | null;
  /** True for a row the frozen public board does not show yet. */
  hidden?: boolean;
}

export interface StandingsView {
  championshipId: string;
  status: CaseChampionship['status'];
  frozen: boolean;
  revealed: number;
  qualifierSlots: number;
  criteria: { key: string; name: string }[];
  rows: StandingRow[];
  /** When teams tie across the qualification line: who, and how (or whether) the tie-breaks settled it. */
  cutoffTie: CutoffTie | null;
}

/**
 * `audience`: what anyone may see. While the board is frozen the qualifiers are its top rows, so the audience
 * gets none until the reveal ends (the organiser still sees them).
 */
export function championshipView(c: CaseChampionship, teams: Team[], jury: string[], audience = false): ChampionshipView {
  return {
    id: c.id,
    title: c.title,
    regionCode: c.regionCode,
    ageGroup: c.ageGroup,
    qualifierSlots: c.qualifierSlots,
    criteria: c.criteria,
    options: c.options,
    status: c.status,
    reveal: c.reveal,
    entries: teams.map((t) => ({ teamId: t.id, teamName: t.name })).sort((a, b) => a.teamName.localeCompare(b.teamName)),
    jury: [...jury].sort(),
    qualifiers: audience && c.reveal.frozen ? [] : c.qualifiers,
    version: c.version,
  };
}

/** A frozen board shows only its bottom `revealed` rows; the rest keep their rank but not their team. */
export function publicStandings(full: StandingsView, reveal: RevealState): StandingsView {
  if (!reveal.frozen) return full;
  const shownFrom = full.rows.length - reveal.revealed;
  return {
    ...full,
    frozen: true,
    revealed: reveal.revealed,
    cutoffTie: null,
    rows: full.rows.map((row, index) =>
      index >= shownFrom
        ? row
        : {
            rank: row.rank,
            teamId: null,
            teamName: null,
            total: null,
            judgesCounted: null,
            perCriterion: null,
            firstPlaces: null,
            qualified: null,
            hidden: true,
          },
    ),
  };
}

/** The standings as CSV; hidden rows of a frozen board stay hidden. */
export function standingsCsv(standings: StandingsView): string {
  const header = ['rank', 'team', 'total', 'judges', ...standings.criteria.map((c) => c.key), 'first places', 'qualified'];
  return toCsv(
    header,
    standings.rows.map((r) => [
      r.rank,
      r.hidden ? '(hidden)' : r.teamName,
      r.total,
      r.judgesCounted,
      ...standings.criteria.map((c) => r.perCriterion?.[c.key]),
      r.firstPlaces,
      r.qualified === null ? '' : r.qualified ? 'yes' : 'no',
    ]),
  );
}
