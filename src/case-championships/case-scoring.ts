// Glue between the case-championship entities and the pure scoring engine: shapes rows for the API and applies
// the public leaderboard's freeze and reveal.
import { toCsv } from '../common/csv.js';
import type { Judge } from '../judges/judge.entity.js';
import type { Team } from '../teams/team.entity.js';
import { applyQuotas } from '../engine/case-scoring/advancement.js';
import {
  computeCaseStandings,
  type CaseScoringOptions,
  type CutoffTie,
} from '../engine/case-scoring/case-standings.js';
import { juryDiagnostics, type JurorDiagnostics } from '../engine/case-scoring/jury-diagnostics.js';
import { DEFAULT_CASE_RUBRIC, validateScoresheet, type LocalisedName } from '../engine/case-scoring/rubric.js';
import type {
  CaseChampionship,
  CaseScoresheet,
  Placement,
  RevealState,
  RubricCriterion,
  ScoringOptions,
} from './case-championship.entity.js';

/** Which standing to compute: the whole championship (single stage), across the qualifying rooms, or the final. */
export type StandingKind = 'single' | 'rooms' | 'final';

export interface JurorReport extends JurorDiagnostics {
  fullName: string;
}

/** A criterion as views show it: its stored name, and its Kazakh, Russian and English names. */
export interface CriterionView extends RubricCriterion {
  names: LocalisedName;
}

/**
 * Stored criteria keep one name, or their own kk/ru/en names when the organiser gave them; the default rubric's
 * criteria (same key and name) have the programme's names; otherwise the one name stands for all three.
 */
export function criterionView(criterion: RubricCriterion): CriterionView {
  const known = DEFAULT_CASE_RUBRIC.find((c) => c.key === criterion.key && c.name === criterion.name);
  const names = criterion.names ?? known?.names ?? { kk: criterion.name, ru: criterion.name, en: criterion.name };
  return {
    key: criterion.key,
    name: criterion.name,
    names: { kk: names.kk, ru: names.ru, en: names.en },
    weight: criterion.weight,
    maxScore: criterion.maxScore,
  };
}

export const defaultRubric = (): RubricCriterion[] =>
  DEFAULT_CASE_RUBRIC.map(({ key, name, weight, maxScore }) => ({ key, name, weight, maxScore }));

/** Field-level messages (`scores.analysis must not be greater than 10`); empty when the sheet is valid. */
export const validateSheet = (criteria: RubricCriterion[], scores: unknown): string[] =>
  validateScoresheet(criteria, scores).map((p) => p.message);

/**
 * The standing of `teams` from `sheets` (already those of the stage). Across qualifying rooms each juror scored only
 * their own room, so the per-juror normalisation (z-scores or ranks) is what makes rooms comparable; a single-stage
 * championship and the final use the championship's own options. Qualifiers are marked on the single standing and the
 * final only, with the quotas applied.
 */
export function computeStandings(
  c: CaseChampionship,
  teams: Team[],
  sheets: CaseScoresheet[],
  kind: StandingKind = 'single',
  roomOf: ReadonlyMap<string, number> = new Map(),
): StandingsView {
  const entered = new Set(teams.map((t) => t.id));
  const options: CaseScoringOptions =
    kind === 'rooms'
      ? {
          ...c.options,
          normaliseJudges: false,
          normalisation: c.options.roomNormalisation ?? 'z-scores',
          qualifierSlots: 0,
        }
      : { ...c.options, qualifierSlots: c.qualifierSlots };
  const standings = computeCaseStandings(
    c.criteria,
    sheets
      .filter((s) => entered.has(s.teamId))
      .map((s) => ({ teamId: s.teamId, judgeId: s.judgeId, scores: s.scores })),
    options,
  );
  const byId = new Map(teams.map((t) => [t.id, t]));
  const placements = new Map<string, Placement>();
  const quotas = c.options.quotas;
  if (kind !== 'rooms' && quotas && (quotas.minRural || quotas.everyOblast)) {
    const ranked = standings.rows.map((r) => ({
      teamId: r.teamId,
      rank: r.rank,
      oblastCode: byId.get(r.teamId)!.oblastCode,
      rural: byId.get(r.teamId)!.rural,
    }));
    for (const placed of applyQuotas(ranked, c.qualifierSlots, quotas)) placements.set(placed.teamId, placed.placedBy);
  } else {
    for (const r of standings.rows) if (r.qualified) placements.set(r.teamId, 'overall');
  }
  const roomRanks = roomRanksOf(standings.rows, roomOf);
  const scored = new Set(standings.rows.map((r) => r.teamId));
  const unscored = teams.filter((t) => !scored.has(t.id)).sort((a, b) => a.name.localeCompare(b.name));
  return {
    championshipId: c.id,
    status: c.status,
    frozen: false,
    revealed: 0,
    qualifierSlots: c.qualifierSlots,
    criteria: c.criteria.map(criterionView).map(({ key, name, names }) => ({ key, name, names })),
    rows: [
      ...standings.rows.map((r) => ({
        rank: r.rank,
        teamId: r.teamId,
        teamName: byId.get(r.teamId)?.name ?? '',
        total: r.total,
        judgesCounted: r.judgesCounted,
        perCriterion: r.perCriterion,
        firstPlaces: r.firstPlaces,
        qualified: placements.has(r.teamId),
        decidedBy: r.decidedBy,
        ...(placements.has(r.teamId) ? { placedBy: placements.get(r.teamId) } : {}),
        ...(roomOf.has(r.teamId) ? { room: roomOf.get(r.teamId), roomRank: roomRanks.get(r.teamId) } : {}),
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
    cutoffTie: kind === 'rooms' ? null : standings.cutoffTie,
  };
}

/** Rank inside each room, in the cross-room order (standard competition ranking on the overall rank). */
function roomRanksOf(
  rows: readonly { teamId: string; rank: number }[],
  roomOf: ReadonlyMap<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  const seen = new Map<number, { count: number; lastRank: number; lastRoomRank: number }>();
  for (const row of rows) {
    const room = roomOf.get(row.teamId);
    if (room === undefined) continue;
    const state = seen.get(room) ?? { count: 0, lastRank: -1, lastRoomRank: 0 };
    state.count += 1;
    const roomRank = row.rank === state.lastRank ? state.lastRoomRank : state.count;
    seen.set(room, { count: state.count, lastRank: row.rank, lastRoomRank: roomRank });
    out.set(row.teamId, roomRank);
  }
  return out;
}

/** When a room's team presents: the first slot's time plus the slots before it; null without a timed schedule. */
export const slotTime = (c: CaseChampionship, slot: number): string | null =>
  c.roomSettings?.firstSlotAt
    ? new Date(Date.parse(c.roomSettings.firstSlotAt) + slot * c.roomSettings.slotMinutes * 60_000).toISOString()
    : null;

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
  /** single, or qualifying rooms then a final. */
  stage: CaseChampionship['stage'];
  roomSettings: CaseChampionship['roomSettings'];
  finalists: PlacedTeam[];
  qualifierPlacements: PlacedTeam[];
  regionCode: string;
  ageGroup: string | null;
  qualifierSlots: number;
  criteria: CriterionView[];
  options: ScoringOptions;
  status: CaseChampionship['status'];
  reveal: RevealState;
  entries: { teamId: string; teamName: string }[];
  jury: string[];
  qualifiers: string[];
  /** `qualifiers` with the teams' names. */
  qualifierTeams: { teamId: string; teamName: string }[];
  version: number;
}

export interface PlacedTeam {
  teamId: string;
  teamName: string;
  placedBy: Placement;
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
  /** For a qualifier: the rule that placed it (overall, or a quota). */
  placedBy?: Placement;
  /** Across qualifying rooms: the team's room and its rank there. */
  room?: number;
  roomRank?: number;
  /** True for a row the frozen public board does not show yet. */
  hidden?: boolean;
}

export interface StandingsView {
  championshipId: string;
  status: CaseChampionship['status'];
  frozen: boolean;
  revealed: number;
  qualifierSlots: number;
  criteria: { key: string; name: string; names: LocalisedName }[];
  rows: StandingRow[];
  /** When teams tie across the qualification line: who, and how (or whether) the tie-breaks settled it. */
  cutoffTie: CutoffTie | null;
}

/**
 * `audience`: what anyone may see. While the board is frozen the qualifiers are its top rows, so the audience
 * gets none until the reveal ends (the organiser still sees them).
 */
export function championshipView(
  c: CaseChampionship,
  teams: Team[],
  jury: string[],
  audience = false,
): ChampionshipView {
  const names = new Map(teams.map((t) => [t.id, t.name]));
  const named = <T extends { teamId: string }>(rows: T[]) =>
    rows.map((row) => ({ ...row, teamName: names.get(row.teamId) ?? '' }));
  const qualifiers = audience && c.reveal.frozen ? [] : c.qualifiers;
  return {
    id: c.id,
    title: c.title,
    stage: c.stage,
    roomSettings: c.roomSettings,
    finalists: named(c.finalists),
    qualifierPlacements: audience && c.reveal.frozen ? [] : named(c.qualifierPlacements),
    regionCode: c.regionCode,
    ageGroup: c.ageGroup,
    qualifierSlots: c.qualifierSlots,
    criteria: c.criteria.map(criterionView),
    options: c.options,
    status: c.status,
    reveal: c.reveal,
    entries: teams
      .map((t) => ({ teamId: t.id, teamName: t.name }))
      .sort((a, b) => a.teamName.localeCompare(b.teamName)),
    jury: [...jury].sort(),
    qualifiers,
    qualifierTeams: named(qualifiers.map((teamId) => ({ teamId }))),
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
  const header = [
    'rank',
    'team',
    'total',
    'judges',
    ...standings.criteria.map((c) => c.key),
    'first places',
    'qualified',
  ];
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
