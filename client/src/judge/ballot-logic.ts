import type { Format, SpeechSlot, WorkTeam } from './types.js';

/** A ballot as the judge is entering it: per team (in the debate's side order), per slot, the speaker and the typed score. */
export interface BallotDraft {
  teams: { teamId: string; slots: { speakerId: string | null; score: string }[] }[];
}

export type ProblemKey =
  | 'problem.empty'
  | 'problem.notNumber'
  | 'problem.range'
  | 'problem.step'
  | 'problem.speaker'
  | 'problem.duplicate'
  | 'problem.reply'
  | 'problem.tie';

export interface Problem {
  key: ProblemKey;
  /** Team and slot index; absent for a problem of the whole ballot (a tie). */
  team?: number;
  slot?: number;
  params: Record<string, string | number>;
}

export interface BallotState {
  /** Per team; null while a score is missing or invalid. */
  totals: (number | null)[];
  problems: Problem[];
  /** Two-team formats: index of the team with the higher total. */
  winner: number | null;
  margin: number | null;
  /** Ranks formats (BP): 1-based place per team, best total first. */
  ranks: number[] | null;
}

/** Accepts "70.5" and "70,5" (Kazakh and Russian keyboards); '' is missing; anything else is NaN. */
export function parseScore(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
}

const onGrid = (value: number, slot: SpeechSlot) => {
  const k = (value - slot.min) / slot.step;
  return Math.abs(k - Math.round(k)) < 1e-9;
};

/**
 * One tap of a stepper: from empty to the middle of the range, else one step up or down, never leaving
 * [min, max] and always landing on the slot's grid (min + k × step).
 */
export function stepScore(current: number | null, slot: SpeechSlot, direction: 1 | -1): number {
  const steps = Math.round((slot.max - slot.min) / slot.step);
  let k: number;
  if (current === null || Number.isNaN(current)) k = Math.round(steps / 2);
  else {
    const here = (current - slot.min) / slot.step;
    k = direction > 0 ? Math.floor(here + 1e-9) + 1 : Math.ceil(here - 1e-9) - 1;
  }
  k = Math.min(steps, Math.max(0, k));
  return Number((slot.min + k * slot.step).toFixed(6));
}

/** A fresh ballot: each substantive slot takes the roster member in the same position, replies the first speaker. */
export function emptyDraft(format: Format, teams: WorkTeam[]): BallotDraft {
  let position = 0;
  const defaults = format.speechSlots.map((slot) => (slot.kind === 'speech' ? position++ : 0));
  return {
    teams: teams.map((team) => ({
      teamId: team.teamId,
      slots: format.speechSlots.map((_, i) => ({ speakerId: team.speakers[defaults[i]]?.id ?? null, score: '' })),
    })),
  };
}

/**
 * Everything the form shows: running totals, the winner and margin (or BP places) and the reasons the ballot
 * cannot go yet. Mirrors the server's rules (src/engine/formats/ballot.ts) so the judge sees them before sending.
 */
export function evaluate(
  format: Format,
  teams: WorkTeam[],
  draft: BallotDraft,
  slotName: (team: number, slot: number) => string,
): BallotState {
  const problems: Problem[] = [];
  const totals = draft.teams.map((entry, t) => {
    const roster = teams[t]?.speakers ?? [];
    const nameOf = (id: string) => roster.find((s) => s.id === id)?.name ?? '';
    const positions = new Map<string, number[]>();
    let position = 0;
    let total: number | null = 0;
    format.speechSlots.forEach((slot, s) => {
      const cell = entry.slots[s] ?? { speakerId: null, score: '' };
      const where = { team: t, slot: s };
      const label = slotName(t, s);
      if (slot.kind === 'speech') position++;
      if (!cell.speakerId) problems.push({ key: 'problem.speaker', ...where, params: { slot: label } });
      else if (slot.kind === 'speech') {
        if (positions.has(cell.speakerId)) {
          problems.push({ key: 'problem.duplicate', ...where, params: { slot: label, name: nameOf(cell.speakerId) } });
        }
        positions.set(cell.speakerId, [...(positions.get(cell.speakerId) ?? []), position]);
      } else {
        const eligible = slot.eligiblePositions ?? [];
        const spoke = positions.get(cell.speakerId) ?? [];
        if (!spoke.some((p) => eligible.includes(p))) {
          problems.push({
            key: 'problem.reply',
            ...where,
            params: { slot: label, name: nameOf(cell.speakerId), positions: eligible.join(', ') },
          });
        }
      }
      const score = parseScore(cell.score);
      if (score === null) problems.push({ key: 'problem.empty', ...where, params: { slot: label } });
      else if (Number.isNaN(score)) problems.push({ key: 'problem.notNumber', ...where, params: { slot: label } });
      else if (score < slot.min || score > slot.max) {
        problems.push({ key: 'problem.range', ...where, params: { slot: label, min: slot.min, max: slot.max } });
      } else if (!onGrid(score, slot))
        problems.push({ key: 'problem.step', ...where, params: { slot: label, step: slot.step } });
      else if (total !== null) {
        total += score;
        return;
      }
      total = null;
    });
    return total === null ? null : Number((total as number).toFixed(6));
  });

  let winner: number | null = null;
  let margin: number | null = null;
  let ranks: number[] | null = null;
  if (totals.every((x): x is number => x !== null)) {
    const seen = new Map<number, number[]>();
    totals.forEach((x, i) => seen.set(x, [...(seen.get(x) ?? []), i]));
    for (const tied of seen.values()) {
      if (tied.length > 1)
        problems.push({ key: 'problem.tie', params: { teams: tied.map((i) => teams[i]?.name ?? '').join(', ') } });
    }
    if (format.result.kind === 'win-loss' && totals.length === 2 && totals[0] !== totals[1]) {
      winner = totals[0] > totals[1] ? 0 : 1;
      margin = Math.abs(totals[0] - totals[1]);
    }
    if (format.result.kind === 'ranks') {
      ranks = totals.map((x) => 1 + totals.filter((y) => y > x).length);
    }
  }
  return { totals, problems, winner, margin, ranks };
}

/** The body of POST /api/debates/:id/ballots: speeches in speaking order, replies flagged. */
export function ballotBody(
  format: Format,
  draft: BallotDraft,
): { teams: { teamId: string; speeches: { speakerId: string; score: number; reply?: true }[] }[] } {
  return {
    teams: draft.teams.map((entry) => ({
      teamId: entry.teamId,
      speeches: format.speechSlots.map((slot, s) => ({
        speakerId: entry.slots[s].speakerId ?? '',
        score: parseScore(entry.slots[s].score) ?? NaN,
        ...(slot.kind === 'reply' ? { reply: true as const } : {}),
      })),
    })),
  };
}

/** Case scoresheets: the weighted total on a 0–100 scale (each criterion's share of the weights). */
export function weightedTotal(
  criteria: { key: string; weight: number; maxScore: number }[],
  scores: Record<string, number | null>,
): number | null {
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  let total = 0;
  for (const c of criteria) {
    const score = scores[c.key];
    if (score === null || score === undefined) return null;
    total += (score / c.maxScore) * (c.weight / weights) * 100;
  }
  return Math.round(total * 100) / 100;
}
