/**
 * A debate's confirmed result as the tab reads it. `formats/ballot.ts`'s `DebateResult` (single
 * ballot or panel decision) fits `teams` directly; the caller adds the debate id and round.
 */
export interface ConfirmedSpeech {
  speakerId: string;
  score: number;
  reply: boolean;
  /** A repeated ("iron") speech: it counts for the team, never in the speaker tab. */
  iron?: boolean;
}

export interface ConfirmedTeamResult {
  teamId: string;
  side: string;
  points: number;
  /** Win-loss formats; when absent a team counts a win for rank 1. */
  won?: boolean;
  /** 1 = first in the room. */
  rank?: number;
  /** The team score: the sum of its speeches, replies included. */
  total: number;
  margin: number;
  speeches: readonly ConfirmedSpeech[];
  /** Judges' ballots that placed this team first (panel decisions); absent counts as 1 for a win, else 0. */
  ballots?: number;
  /** A bye or a forfeit: the result counts (points, wins) but carries no speaker score, so it is left out of
   * speaker totals, averages and margins rather than counted as zeros that would sink the team. */
  noScore?: 'bye' | 'forfeit';
}

export interface ConfirmedDebateResult {
  debateId: string;
  round: number;
  teams: readonly ConfirmedTeamResult[];
}

/** Aggregates are float sums (averaged panel scores); comparing on a 1e-6 grid makes equal sums equal. */
export const comparable = (value: number) => Math.round(value * 1e6);
