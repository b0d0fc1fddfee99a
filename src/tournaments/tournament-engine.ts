// Glue between the tournament entities and the pure engine (src/engine): builds the engine's inputs from what the
// services loaded and shapes its outputs for storage. No decisions are made here.
import { DomainError, type Problem } from '../common/domain-error.js';
import { drawBritishParliamentary } from '../engine/draw/bp-draw.js';
import { drawPowerPaired, type DrawTeam } from '../engine/draw/power-pairing.js';
import { finalStandings, fullBracketSize, type Bracket } from '../engine/elimination/single-elimination.js';
import { scoreTeams, validateBallot, type DebateContext, type DebateResult } from '../engine/formats/ballot.js';
import { validatePreset, type FormatPreset, type TabRules } from '../engine/formats/format-preset.js';
import { decidePanel, type JudgeBallot } from '../engine/formats/panel-decision.js';
import { FORMAT_PRESETS } from '../engine/formats/presets.js';
import { computeSpeakerTab, type SpeakerTabRow, type TabSpeaker } from '../engine/standings/speaker-tab.js';
import { computeTeamTab, DEFAULT_TEAM_TIE_BREAKS, type TabTeam } from '../engine/standings/team-tab.js';
import type { BallotSheet } from './ballot.entity.js';
import type { DebateDecision } from './debate.entity.js';
import { DEFAULT_TOURNAMENT_RULES, type TournamentRules } from './tournament.entity.js';
import type { BrokenConstraint } from './round.entity.js';
import type { ConfirmedDebate, DebateBundle } from './tournament-data.js';
import type { TeamRow } from './tournament-views.js';

export function formatPreset(key: string): FormatPreset | undefined {
  return Object.hasOwn(FORMAT_PRESETS, key) ? FORMAT_PRESETS[key] : undefined;
}
formatPreset.keys = () => Object.keys(FORMAT_PRESETS);

/** Who may speak for whom in this debate, as the ballot rules read it. */
export function debateContext(bundle: Pick<DebateBundle, 'teams' | 'speakers'>): DebateContext {
  return {
    teams: bundle.teams.map((t) => ({
      teamId: t.teamId,
      side: t.side,
      speakerIds: bundle.speakers.get(t.teamId) ?? [],
      ironSpeakerIds: t.ironSpeakerIds ?? [],
    })),
  };
}

/** Field-level messages for a ballot body; empty when it is valid for this debate. */
/**
 * A ballot's problems, each with its field and the engine's rule as a stable code a client translates
 * (`step` → `STEP`: 70.25 where WSDC scores in steps of 0.5; `tiedTotals` → `TIED_TOTALS`).
 */
export function ballotProblems(spec: FormatPreset, context: DebateContext, ballot: BallotSheet): Problem[] {
  const validation = validateBallot(spec, context, { teams: ballot.teams });
  return validation.ok
    ? []
    : validation.problems.map((p) => ({
        field: p.field,
        code: p.rule.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(),
        message: p.message,
      }));
}

/**
 * The debate's result from its current ballots (majority, chair on a level panel), or a forfeit: the withdrawn
 * team is placed last with no scores.
 */
export function decideDebate(
  spec: FormatPreset,
  bundle: Pick<DebateBundle, 'teams' | 'panel' | 'speakers'> & { ballots: { judgeId: string; sheet: BallotSheet }[] },
  forfeitingTeamId?: string,
  rules: Pick<TournamentRules, 'marginsIncludeDissent'> = DEFAULT_TOURNAMENT_RULES,
): DebateDecision {
  const context = debateContext(bundle);
  if (forfeitingTeamId) {
    const ordered = spec.sides.map((side) => bundle.teams.find((t) => t.side === side)!);
    const scored = ordered.map((t) => ({ teamId: t.teamId, side: t.side, total: 0, speeches: [] }));
    const rankOrder = scored
      .map((_, i) => i)
      .sort((a, b) => Number(scored[a].teamId === forfeitingTeamId) - Number(scored[b].teamId === forfeitingTeamId));
    // A forfeit carries no speaker scores: the tab counts its points and leaves it out of speaks and margins.
    const result = scoreTeams(spec, scored, rankOrder);
    for (const team of result.teams) team.noScore = 'forfeit';
    return {
      ...result,
      winnerTeamId: scored[rankOrder[0]].teamId,
      split: false,
      unanimous: true,
      evenSplit: false,
      counted: [],
      minority: [],
      forfeitedBy: forfeitingTeamId,
    };
  }
  const ballots: JudgeBallot[] = bundle.ballots.map((b) => {
    const validation = validateBallot(spec, context, b.sheet);
    if (!validation.ok)
      throw new RangeError(
        `the stored ballot of judge ${b.judgeId} no longer validates: ${validation.problems[0].message}`,
      );
    const role = bundle.panel.find((p) => p.judgeId === b.judgeId)?.role ?? 'wing';
    return { judgeId: b.judgeId, role, result: validation.result };
  });
  const decision = decidePanel(spec, ballots, { marginsIncludeDissent: rules.marginsIncludeDissent });
  return {
    ...decision.result,
    winnerTeamId: decision.result.teams.find((t) => t.rank === 1)?.teamId ?? null,
    split: decision.split,
    unanimous: decision.unanimous,
    evenSplit: decision.decidedByChair,
    counted: decision.counted,
    minority: decision.minority,
    ...(decision.speakerDisputes.length ? { speakerDisputes: decision.speakerDisputes } : {}),
  };
}

/** The tab rules a tournament ranks by: its (copied, possibly edited) format's, else the engine's defaults. */
export function tabRulesOf(spec: FormatPreset): TabRules {
  return spec.tab ?? { teamTieBreaks: [...DEFAULT_TEAM_TIE_BREAKS], speakerRankBy: 'total', minSpeeches: 0 };
}

/** The team tab from preliminary rounds (elimination results decide the bracket, not the tab), by the format's chain. */
export function teamTab(spec: FormatPreset, teams: TabTeam[], confirmed: ConfirmedDebate[]): TeamRow[] {
  return computeTeamTab(teams, asResults(confirmed), { tieBreaks: tabRulesOf(spec).teamTieBreaks });
}

const asResults = (confirmed: ConfirmedDebate[]) =>
  confirmed
    .filter((c) => c.roundKind === 'prelim')
    .map((c) => ({ debateId: c.debateId, round: c.roundSeq, teams: c.decision.teams }));

/** The speaker tab from preliminary rounds, replies kept apart. */
export function speakerTab(spec: FormatPreset, speakers: TabSpeaker[], confirmed: ConfirmedDebate[]): SpeakerTabRow[] {
  const rules = tabRulesOf(spec);
  return computeSpeakerTab(speakers, asResults(confirmed), {
    rankBy: rules.speakerRankBy,
    minSpeeches: rules.minSpeeches,
  });
}

export interface PlannedDraw {
  debates: { room: number; teams: { side: string; teamId: string }[]; explanation: string[]; importance: number }[];
  brokenConstraints: BrokenConstraint[];
}

/** The next preliminary round from the confirmed results so far. */
export function drawPrelimRound(
  spec: FormatPreset,
  input: {
    roundNumber: number;
    seed: string;
    teams: { id: string; name: string; institution?: string | null }[];
    confirmed: ConfirmedDebate[];
  },
  rules: Pick<TournamentRules, 'pairing' | 'bp'> = {},
): PlannedDraw {
  if (spec.sides.length !== 2 && spec.sides.length !== 4) {
    throw DomainError.rule(
      `draws are implemented for two- and four-team formats; ${spec.key} has ${spec.sides.length} sides`,
    );
  }
  if (spec.sides.length === 4 && input.teams.length % 4 !== 0) {
    throw DomainError.rule(
      `a ${spec.key} draw needs a multiple of four teams; ${input.teams.length} are entered (add swing teams)`,
    );
  }
  const prelims = input.confirmed.filter((c) => c.roundKind === 'prelim');
  const rounds = new Set(prelims.map((c) => c.roundSeq)).size;
  const teams: DrawTeam[] = input.teams.map((t) => {
    const mine = prelims.filter((c) => c.teams.some((x) => x.teamId === t.id));
    const sideCounts: Record<string, number> = {};
    let points = 0;
    let speakerTotal = 0;
    const opponents: string[] = [];
    for (const debate of mine) {
      const own = debate.decision.teams.find((x) => x.teamId === t.id)!;
      points += own.points;
      speakerTotal += own.total;
      sideCounts[own.side] = (sideCounts[own.side] ?? 0) + 1;
      opponents.push(...debate.teams.filter((x) => x.teamId !== t.id).map((x) => x.teamId));
    }
    return {
      id: t.id,
      points,
      speakerTotal,
      sideCounts,
      opponents,
      hadBye: mine.length < rounds,
      institution: t.institution ?? null,
    };
  });
  if (spec.sides.length === 4) {
    const rooms = drawBritishParliamentary({
      sides: spec.sides,
      roundNumber: input.roundNumber,
      seed: input.seed,
      teams,
      options: rules.bp,
    });
    return {
      debates: rooms.debates.map((d) => ({
        room: d.room,
        teams: d.teams,
        explanation: d.explanation,
        importance: d.bracket,
      })),
      brokenConstraints: rooms.brokenConstraints,
    };
  }
  const draw = drawPowerPaired({
    sides: [spec.sides[0], spec.sides[1]],
    roundNumber: input.roundNumber,
    seed: input.seed,
    teams,
    options: rules.pairing,
  });
  return {
    debates: draw.debates.map((d) => ({
      room: d.room,
      teams: d.teams,
      explanation: d.explanation,
      importance: d.bracket,
    })),
    brokenConstraints: [
      ...draw.byes.map((b) => ({ constraint: 'bye', teamIds: [b.teamId], why: b.reason })),
      ...draw.brokenConstraints,
    ],
  };
}

/** Teams per elimination debate for a format: the bracket engine knows rooms of two and of four. */
export function roomSizeOf(spec: FormatPreset): 2 | 4 {
  if (spec.sides.length !== 2 && spec.sides.length !== 4) {
    throw DomainError.rule(
      `elimination brackets are implemented for two- and four-team formats; ${spec.key} has ${spec.sides.length} sides`,
    );
  }
  return spec.sides.length;
}

/** Rooms of four can't take byes: the break shrinks to the largest full bracket (4, 8, 16, …) the field fills. */
export function breakSizeFor(spec: FormatPreset, breakSize: number, entered: number): number {
  const size = Math.min(breakSize, entered);
  return roomSizeOf(spec) === 2 ? size : fullBracketSize(size, 4);
}

/** Why a tournament of this format can't be set up with these numbers, field by field. */
/**
 * The preset copied with a tournament's changes: score ranges and steps by slot, slot names, tab rules. The result is
 * checked as any organiser-defined format is; problems name the field under `formatOverrides`.
 */
export function customisedFormat(
  preset: FormatPreset,
  overrides: {
    name?: string;
    speechSlots?: { min: number; max: number; step: number }[];
    slotNames?: Record<string, { kk: string; ru: string; en: string }[]>;
    tab?: Partial<TabRules>;
  } = {},
): { spec: FormatPreset; problems: string[] } {
  const problems: string[] = [];
  if (overrides.speechSlots && overrides.speechSlots.length !== preset.speechSlots.length) {
    problems.push(
      `formatOverrides.speechSlots must give ${preset.speechSlots.length} slots, as ${preset.key} has, got ${overrides.speechSlots.length}`,
    );
  }
  const unknownSides = Object.keys(overrides.slotNames ?? {}).filter((side) => !preset.sides.includes(side));
  if (unknownSides.length)
    problems.push(`formatOverrides.slotNames: unknown side ${unknownSides.join(', ')} (${preset.sides.join(', ')})`);
  for (const [side, names] of Object.entries(overrides.slotNames ?? {})) {
    const named = (x: unknown) => typeof x === 'string' && x.trim().length > 0 && x.length <= 100;
    if (!Array.isArray(names) || names.some((n) => !named(n?.kk) || !named(n?.ru) || !named(n?.en))) {
      problems.push(`formatOverrides.slotNames.${side} must list { kk, ru, en } names of 1–100 characters`);
    }
  }
  if (problems.length) return { spec: preset, problems };
  const spec: FormatPreset = {
    ...preset,
    name: overrides.name ?? preset.name,
    speechSlots: preset.speechSlots.map((slot, i) =>
      overrides.speechSlots ? { ...slot, ...overrides.speechSlots[i] } : slot,
    ),
    labels: preset.labels && { sides: preset.labels.sides, slots: { ...preset.labels.slots, ...overrides.slotNames } },
    tab: { ...tabRulesOf(preset), ...overrides.tab },
  };
  return { spec, problems: validatePreset(spec).map((p) => `formatOverrides.${p.message}`) };
}

export function setupProblems(
  spec: FormatPreset,
  setup: { level: string; prelimRounds: number; breakSize: number },
): string[] {
  if (spec.sides.length !== 4) return [];
  const problems: string[] = [];
  if (fullBracketSize(setup.breakSize, 4) !== setup.breakSize) {
    problems.push(
      `breakSize: a ${spec.key} break fills rooms of four in a bracket: 4, 8, 16, 32, … teams, got ${setup.breakSize}`,
    );
  }
  if (setup.level === 'national' && setup.prelimRounds === 0) {
    problems.push(
      `prelimRounds: a ${spec.key} national round needs preliminary rounds before its break (qualifiers can't be seeded straight into rooms of four)`,
    );
  }
  return problems;
}

/** A debate's result as the bracket reads it: its teams, best first. */
export const rankingOf = (decision: DebateResult) =>
  [...decision.teams].sort((a, b) => a.rank - b.rank).map((t) => t.teamId);

/** Finishing order: the bracket's, then everyone else by the tab. */
export function finishingOrder(bracket: Bracket, tab: TeamRow[]): string[] {
  const order = finalStandings(bracket);
  const placed = new Set(order);
  return [...order, ...tab.map((r) => r.teamId).filter((id) => !placed.has(id))];
}
