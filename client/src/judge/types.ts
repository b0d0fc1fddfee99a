/** Shapes of the API responses the judge app reads (GET /api/me/work, GET /api/formats). */
export interface Localised {
  kk: string;
  ru: string;
  en: string;
}

export interface SpeechSlot {
  kind: 'speech' | 'reply';
  min: number;
  max: number;
  step: number;
  eligiblePositions?: number[];
}

export interface Format {
  key: string;
  name: string;
  sides: { code: string; name: Localised; slots: Localised[] }[];
  speakersPerSide: number;
  speechSlots: SpeechSlot[];
  result: { kind: 'win-loss' | 'ranks'; winPoints?: number; pointsByRank?: number[] };
}

export interface WorkTeam {
  teamId: string;
  name: string;
  side: string;
  speakers: { id: string; name: string }[];
}

export interface WorkDebate {
  debateId: string;
  tournamentId: string;
  tournamentName: string;
  format: string;
  roundSeq: number;
  roundKind: 'prelim' | 'elim';
  roundName: string | null;
  roundStatus: string;
  room: number;
  motion: string | null;
  role: 'chair' | 'wing';
  status: 'pending' | 'confirmed';
  needsConfirmation: boolean;
  ballotIn: boolean;
  ballotVersion: number | null;
  teams: WorkTeam[];
}

export interface WorkCriterion {
  key: string;
  name: string;
  names: Localised;
  weight: number;
  maxScore: number;
}

export interface WorkChampionship {
  championshipId: string;
  title: string;
  status: 'draft' | 'scoring' | 'finalised';
  criteria: WorkCriterion[];
  teams: {
    teamId: string;
    name: string;
    conflict: 'declared' | 'same-institution' | null;
    scoresheet: { scores: Record<string, number>; comment: string | null; version: number } | null;
  }[];
  sheetsDone: number;
  sheetsDue: number;
}

export interface JudgeWork {
  judgeId: string;
  fullName: string;
  debates: WorkDebate[];
  championships: WorkChampionship[];
}
