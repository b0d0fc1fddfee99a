import { signal } from '@preact/signals';
import { pick } from '../shared/i18n.js';
import { call } from './api.js';

export interface Named {
  kk: string;
  ru: string;
  en: string;
}
export interface Region {
  code: string;
  names: Named;
  oblasts: { code: string; names: Named }[];
  cities: { code: string; names: Named }[];
}
export interface Page<T> {
  items: T[];
  total: number;
}
export interface Team {
  id: string;
  name: string;
  regionCode: string;
  oblastCode: string;
  institution: string;
  rural: boolean;
  members: { id: string; fullName?: string; position: number }[];
}
export interface Judge {
  id: string;
  fullName: string;
  regionCode: string;
  institution: string;
  strength: number;
  revoked: boolean;
}
export interface Credentials {
  fullName: string;
  regionCode: string;
  institution: string;
  accessCode: string;
  link: string;
}
export interface Tournament {
  id: string;
  name: string;
  level: 'regional' | 'national';
  cupId: string | null;
  regionCode: string | null;
  format: string;
  prelimRounds: number;
  breakSize: number;
  status: string;
  tabRules: { teamTieBreaks?: string[] } & Record<string, unknown>;
  teams: { teamId: string; teamName: string; position: number; withdrawn: boolean }[];
  adjudicators: string[];
  championTeamId: string | null;
  breakReport: {
    seeds?: string[];
    cutoffTie?: { teamIds: string[]; points: number; decidedBy: string } | null;
    seeding?: string;
  } | null;
  version: number;
}
export interface Debate {
  id: string;
  room: number;
  status: 'pending' | 'confirmed';
  needsConfirmation: boolean;
  teams: { side: string; teamId: string; teamName: string }[];
  panel: { judgeId: string; name: string; role: 'chair' | 'wing' }[];
  explanation: string[];
  result?: { winnerTeamId: string | null };
}
export interface Round {
  seq: number;
  kind: string;
  name: string | null;
  status: 'draft' | 'released' | 'closed';
  motion: string | null;
  infoSlide: string | null;
  motionReleasedAt: string | null;
  brokenConstraints: { constraint: string; why: string; teamIds?: string[]; debateId?: string }[];
  debates: Debate[];
}
export interface Availability {
  teamCheckInInUse: boolean;
  judgeCheckInInUse: boolean;
  items: {
    kind: 'team' | 'judge';
    id: string;
    name: string;
    active: boolean;
    checkedIn: boolean | null;
    available: boolean;
  }[];
}
export interface PanelConflict {
  debateId: string;
  room: number;
  kind: 'judge-team' | 'judge-judge';
  judgeId: string;
  judgeName: string;
  otherId: string;
  otherName: string;
  reason: 'declared' | 'same-institution' | 'mentor';
}
export interface RoundPanels {
  status: 'draft' | 'released' | 'closed';
  items: {
    id: string;
    room: number;
    teams: { teamId: string; teamName: string; side: string }[];
    panel: { judgeId: string; name: string; role: 'chair' | 'wing' }[];
    conflicts: PanelConflict[];
  }[];
  unallocated: { judgeId: string; name: string }[];
  /** Only in a move's answer: the conflicts this change created. */
  broken?: PanelConflict[];
}
export interface PanelBallot {
  judgeId: string;
  name: string;
  role: 'chair' | 'wing';
  submitted: boolean;
  version: number | null;
  winnerTeamId: string | null;
  teams: { teamId: string; total: number; speeches: { speakerId: string; score: number; reply?: boolean }[] }[];
}
export interface DebateBallots {
  debateId: string;
  room: number;
  status: 'pending' | 'confirmed';
  needsConfirmation: boolean;
  teams: { side: string; teamId: string; teamName: string }[];
  panel: PanelBallot[];
  winnerTeamId: string | null;
}
export interface TeamRow {
  rank: number;
  teamId: string;
  teamName: string;
  points: number;
  wins: number;
  speakerTotal: number;
}
export interface Bracket {
  rounds: {
    name: string;
    debates: { id: string; seeds: (number | null)[]; teamIds: (string | null)[]; winnerTeamId: string | null }[];
  }[];
  champion: string | null;
}

/** The five macro-regions with their oblasts and cities: loaded once. */
export const regions = signal<Region[]>([]);

export async function loadRegions(): Promise<void> {
  if (regions.value.length) return;
  regions.value = (await call<Page<Region>>('/api/regions')).items;
}

export function regionName(code: string | null): string {
  if (!code) return '';
  const region = regions.value.find((r) => r.code === code);
  return region ? pick(region.names) : code;
}

export function unitName(code: string): string {
  for (const region of regions.value) {
    const unit = [...region.oblasts, ...region.cities].find((u) => u.code === code);
    if (unit) return pick(unit.names);
  }
  return code;
}

/** Credentials just issued (an import, a re-issue): only here, in memory, for printing the cards. */
export const issued = signal<Credentials[]>([]);

/** A judge link as the API gives it (`/judge/<token>`) made absolute in its short form, for the QR code. */
export function shortLink(link: string): string {
  const token = link.split('/').pop() ?? '';
  return `${location.origin}/j/${token}`;
}
