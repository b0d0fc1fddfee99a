// Glue between the tournament entities and the pure engine (src/engine): builds the engine's inputs from what the
// services loaded and shapes its outputs for storage. No decisions are made here.
import { validateBallot, scoreTeams, type DebateContext, type DebateResult } from '../engine/formats/ballot.js';
import type { FormatPreset } from '../engine/formats/format-preset.js';
import { decidePanel, type JudgeBallot } from '../engine/formats/panel-decision.js';
import { FORMAT_PRESETS } from '../engine/formats/presets.js';
import { drawBritishParliamentary } from '../engine/draw/bp-draw.js';
import { drawPowerPaired, type DrawTeam } from '../engine/draw/power-pairing.js';
import { breakTeams } from '../engine/elimination/break.js';
import { seedNationalBracket, type NationalQualifier } from '../engine/elimination/national-seeding.js';
import {
  applyCorrection as correctBracket,
  champion,
  createEliminationBracket,
  finalStandings,
  fullBracketSize,
  invalidatedBy,
  readyMatches as readyBracketMatches,
  recordResult,
  replaceTeam,
  type Bracket,
} from '../engine/elimination/single-elimination.js';
import { allocatePanels as allocate, type AllocationRequest } from '../engine/panels/panel-allocation.js';
import { DomainError } from '../common/domain-error.js';
import { computeSpeakerTab, type TabSpeaker } from '../engine/standings/speaker-tab.js';
import { computeTeamTab, type TabTeam } from '../engine/standings/team-tab.js';
import type { Tournament } from './tournament.entity.js';
import type { ConfirmedDebate, DebateBundle } from './tournament-data.js';
import type { SpeakerRow, TeamRow } from './tournament-views.js';

/** A debate's stored result: the engine's result plus how the panel reached it. */
export interface DebateDecision extends DebateResult {
  winnerTeamId: string | null;
  split: boolean;
  unanimous: boolean;
  /** The panel was level and the chair decided: the organiser confirms such a result. */
  evenSplit: boolean;
  counted: string[];
  minority: string[];
  forfeitedBy?: string;
}

export function formatPreset(key: string): FormatPreset | undefined {
  return Object.hasOwn(FORMAT_PRESETS, key) ? FORMAT_PRESETS[key] : undefined;
}
formatPreset.keys = () => Object.keys(FORMAT_PRESETS);

/** The preset as copied into the tournament when it was created. */
export const specOf = (t: Tournament) => t.formatSpec as unknown as FormatPreset;

export function debateContext(bundle: Pick<DebateBundle, 'teams'>, members: Map<string, string[]>): DebateContext {
  return {
    teams: bundle.teams.map((t) => ({ teamId: t.teamId, side: t.side, speakerIds: members.get(t.teamId) ?? [] })),
  };
}

/** Field-level messages for a ballot body; empty when it is valid for this debate. */
export function ballotProblems(spec: FormatPreset, context: DebateContext, ballot: { teams: unknown[] }): string[] {
  const validation = validateBallot(spec, context, { teams: ballot.teams });
  return validation.ok ? [] : validation.problems.map((p) => p.message);
}

/**
 * The debate's result from its current ballots (majority, chair on a level panel), or a forfeit: the withdrawn
 * team is placed last with no scores.
 */
export function decideDebate(
  spec: FormatPreset,
  bundle: Pick<DebateBundle, 'teams' | 'panel' | 'ballots'>,
  members: Map<string, string[]>,
  forfeitingTeamId?: string,
): DebateDecision {
  const context = debateContext(bundle, members);
  if (forfeitingTeamId) {
    const ordered = spec.sides.map((side) => bundle.teams.find((t) => t.side === side)!);
    const scored = ordered.map((t) => ({ teamId: t.teamId, side: t.side, total: 0, speeches: [] }));
    const rankOrder = scored.map((_, i) => i).sort((a, b) => Number(scored[a].teamId === forfeitingTeamId) - Number(scored[b].teamId === forfeitingTeamId));
    const result = scoreTeams(spec, scored, rankOrder);
    return { ...result, winnerTeamId: scored[rankOrder[0]].teamId, split: false, unanimous: true, evenSplit: false, counted: [], minority: [], forfeitedBy: forfeitingTeamId };
  }
  const ballots: JudgeBallot[] = bundle.ballots.map((b) => {
    const validation = validateBallot(spec, context, b.sheet);
    if (!validation.ok) throw new RangeError(`stored ballot ${b.id} no longer validates: ${validation.problems[0].message}`);
    const role = bundle.panel.find((p) => p.judgeId === b.judgeId)?.role ?? 'wing';
    return { judgeId: b.judgeId, role, result: validation.result };
  });
  const decision = decidePanel(spec, ballots);
  return {
    ...decision.result,
    winnerTeamId: decision.result.teams.find((t) => t.rank === 1)?.teamId ?? null,
    split: decision.split,
    unanimous: decision.unanimous,
    evenSplit: decision.decidedByChair,
    counted: decision.counted,
    minority: decision.minority,
  };
}

/** The team tab from preliminary rounds (elimination results decide the bracket, not the tab). */
export function teamTab(teams: TabTeam[], confirmed: ConfirmedDebate[]): TeamRow[] {
  return computeTeamTab(teams, asResults(confirmed));
}

const asResults = (confirmed: ConfirmedDebate[]) =>
  confirmed.filter((c) => c.roundKind === 'prelim').map((c) => ({ debateId: c.debateId, round: c.roundSeq, teams: c.decision.teams }));

/** The speaker tab from preliminary rounds, replies kept apart. */
export function speakerTab(speakers: TabSpeaker[], confirmed: ConfirmedDebate[]): SpeakerRow[] {
  return computeSpeakerTab(speakers, asResults(confirmed));
}

export type BracketState = Bracket;

export interface PlannedDraw {
  debates: { room: number; teams: { side: string; teamId: string }[]; explanation: unknown[]; importance: number }[];
  brokenConstraints: unknown[];
}

/** The next preliminary round from the confirmed results so far. */
export function drawPrelimRound(
  spec: FormatPreset,
  input: { roundNumber: number; seed: string; teams: { id: string; name: string; institution?: string | null }[]; confirmed: ConfirmedDebate[] },
): PlannedDraw {
  if (spec.sides.length !== 2 && spec.sides.length !== 4) {
    throw DomainError.rule(`draws are implemented for two- and four-team formats; ${spec.key} has ${spec.sides.length} sides`);
  }
  if (spec.sides.length === 4 && input.teams.length % 4 !== 0) {
    throw DomainError.rule(`a ${spec.key} draw needs a multiple of four teams; ${input.teams.length} are entered (add swing teams)`);
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
    return { id: t.id, points, speakerTotal, sideCounts, opponents, hadBye: mine.length < rounds, institution: t.institution ?? null };
  });
  if (spec.sides.length === 4) {
    const rooms = drawBritishParliamentary({ sides: spec.sides, roundNumber: input.roundNumber, seed: input.seed, teams });
    return {
      debates: rooms.debates.map((d) => ({ room: d.room, teams: d.teams, explanation: d.explanation, importance: d.bracket })),
      brokenConstraints: rooms.brokenConstraints,
    };
  }
  const draw = drawPowerPaired({ sides: [spec.sides[0], spec.sides[1]], roundNumber: input.roundNumber, seed: input.seed, teams });
  return {
    debates: draw.debates.map((d) => ({ room: d.room, teams: d.teams, explanation: d.explanation, importance: d.bracket })),
    brokenConstraints: [...draw.byes.map((b) => ({ constraint: 'bye', teamIds: [b.teamId], why: b.reason })), ...draw.brokenConstraints],
  };
}

export function allocatePanels(request: AllocationRequest & { seed?: string }) {
  const allocation = allocate(request);
  return { panels: allocation.panels, brokenConstraints: allocation.brokenConstraints };
}

/** Teams per elimination debate for a format: the bracket engine knows rooms of two and of four. */
export function roomSizeOf(spec: FormatPreset): 2 | 4 {
  if (spec.sides.length !== 2 && spec.sides.length !== 4) {
    throw DomainError.rule(`elimination brackets are implemented for two- and four-team formats; ${spec.key} has ${spec.sides.length} sides`);
  }
  return spec.sides.length;
}

/** Rooms of four can't take byes: the break shrinks to the largest full bracket (4, 8, 16, …) the field fills. */
export function breakSizeFor(spec: FormatPreset, breakSize: number, entered: number): number {
  const size = Math.min(breakSize, entered);
  return roomSizeOf(spec) === 2 ? size : fullBracketSize(size, 4);
}

/** Why a tournament of this format can't be set up with these numbers, field by field. */
export function setupProblems(spec: FormatPreset, setup: { level: string; prelimRounds: number; breakSize: number }): string[] {
  if (spec.sides.length !== 4) return [];
  const problems: string[] = [];
  if (fullBracketSize(setup.breakSize, 4) !== setup.breakSize) {
    problems.push(`breakSize: a ${spec.key} break fills rooms of four in a bracket: 4, 8, 16, 32, … teams, got ${setup.breakSize}`);
  }
  if (setup.level === 'national' && setup.prelimRounds === 0) {
    problems.push(`prelimRounds: a ${spec.key} national round needs preliminary rounds before its break (qualifiers can't be seeded straight into rooms of four)`);
  }
  return problems;
}

/** The top `size` of the tab, and how a tie at the cut-off was settled. */
export function makeBreak(tab: TeamRow[], size: number): { seeds: string[]; report: Record<string, unknown> } {
  const made = breakTeams(tab, size);
  return { seeds: made.seeds, report: { breakSize: size, seeds: made.seeds, cutoffTie: made.cutoffTie } };
}

export function newBracket(seeds: string[], spec: FormatPreset): BracketState {
  return createEliminationBracket(seeds, roomSizeOf(spec));
}

export function readyMatches(bracket: BracketState) {
  return readyBracketMatches(bracket).map((m) => ({
    matchId: m.id,
    roundName: m.roundName,
    seeds: m.seeds as number[],
    teamIds: m.teamIds as string[],
  }));
}

/** A debate's result as the bracket reads it: its teams, best first. */
export const rankingOf = (decision: DebateResult) => [...decision.teams].sort((a, b) => a.rank - b.rank).map((t) => t.teamId);

export const advance = (bracket: BracketState, matchId: string, decision: DebateResult) => recordResult(bracket, matchId, rankingOf(decision));
export const correctionPreview = (bracket: BracketState, matchId: string, decision: DebateResult) => invalidatedBy(bracket, matchId, rankingOf(decision));
export const applyCorrection = (bracket: BracketState, matchId: string, decision: DebateResult) => correctBracket(bracket, matchId, rankingOf(decision));
export const bracketChampion = (bracket: BracketState) => champion(bracket);
export const replaceInBracket = (bracket: BracketState, teamId: string, replacement: string) => replaceTeam(bracket, teamId, replacement);

export function bracketRounds(bracket: BracketState) {
  return bracket.rounds.map((r) => ({ name: r.name, matches: r.matches }));
}

/** Finishing order: the bracket's, then everyone else by the tab. */
export function finishingOrder(bracket: BracketState, tab: TeamRow[]): string[] {
  const order = finalStandings(bracket);
  const placed = new Set(order);
  return [...order, ...tab.map((r) => r.teamId).filter((id) => !placed.has(id))];
}

export function seedNational(qualifiers: NationalQualifier[], seed: string) {
  const seeding = seedNationalBracket(qualifiers, seed);
  return { seeds: seeding.seeds, report: { swaps: seeding.swaps, constraintsBroken: seeding.constraintsBroken } };
}
