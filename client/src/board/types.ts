// What /live sends the board: the server's snapshots and events (src/tournaments/tournament-views.ts,
// src/case-championships/case-scoring.ts), only the fields the board reads.

export type Localised = { kk: string; ru: string; en: string };

export interface TeamRow {
  rank: number;
  teamId: string;
  teamName: string;
  points: number;
  wins: number;
  speakerTotal: number;
}

export interface SpeakerRow {
  rank: number | null;
  speakerId: string;
  name: string;
  teamId: string;
  total: number;
  average: number | null;
}

export interface DebateView {
  id: string;
  room: number;
  status: 'pending' | 'confirmed' | string;
  teams: { side: string; teamId: string; teamName: string }[];
  panel: { judgeId: string; name: string; role: 'chair' | 'wing' }[];
  result?: { winnerTeamId?: string | null; ranking?: string[] | null };
}

export interface RoundView {
  seq: number;
  kind: 'prelim' | 'elim';
  name: string | null;
  status: string;
  motion: string | null;
  /** Read out before the motion; hidden with it until the motion is released. */
  infoSlide?: string | null;
  silent: boolean;
  debates: DebateView[];
}

export interface BracketMatch {
  id: string;
  debateId: string | null;
  seeds: (number | null)[];
  teamIds: (string | null)[];
  winnerTeamId: string | null;
  ranking: string[] | null;
  bye?: boolean;
}

export interface BracketView {
  rounds: { name: string; debates: BracketMatch[] }[];
  champion: string | null;
}

export interface TournamentView {
  id: string;
  name: string;
  status: string;
  format: string;
  formatSpec: { labels?: { sides: Record<string, Localised> }; sides: string[] };
  teams: { teamId: string; teamName: string; withdrawn: boolean }[];
  championTeamId: string | null;
}

export interface TournamentBoard {
  tournament: TournamentView;
  standings: TeamRow[];
  speakers: SpeakerRow[];
  bracket: BracketView;
  currentRound: RoundView | null;
  /** From `score` events: ballots in per debate of the current round. */
  ballots: Record<string, { in: number; of: number }>;
}

export interface CaseRow {
  rank: number | null;
  teamId: string | null;
  teamName: string | null;
  total: number | null;
  perCriterion: Record<string, number> | null;
  qualified: boolean | null;
  placedBy?: string;
  hidden?: boolean;
}

export interface CaseStandings {
  status: string;
  frozen: boolean;
  revealed: number;
  qualifierSlots: number;
  criteria: { key: string; name: string }[];
  rows: CaseRow[];
}

export interface ChampionshipView {
  id: string;
  title: string;
  stage: 'single' | 'qualifying' | 'final';
  status: string;
  criteria: { key: string; name: string; names?: Localised }[];
  reveal: { frozen: boolean; revealed: number };
  version: number;
}

export interface ChampionshipBoard {
  championship: ChampionshipView;
  standings: CaseStandings;
}

export interface CupRegionRow {
  code: string;
  tournamentId: string | null;
  status: string;
  qualifiers: string[];
}

export interface CupNationalRow {
  tournamentId: string | null;
  status: string;
  champion?: string;
}

export interface CupView {
  id: string;
  name: string;
  season: string;
  regions: CupRegionRow[];
  national: CupNationalRow;
  leagues: { id: string; key: string; name: string; regions: CupRegionRow[]; national: CupNationalRow }[];
}

export interface TournamentStage {
  tournamentId: string;
  name: string;
  level: string;
  status: string;
  round: { seq: number; kind: 'prelim' | 'elim'; name: string | null } | null;
  championTeamId: string | null;
}

export interface CupBoard {
  cup: CupView;
  regions: { code: string; name: Localised }[];
  tournaments: TournamentStage[];
  teamNames: Record<string, string>;
}
