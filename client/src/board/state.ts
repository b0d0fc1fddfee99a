// Pure: how each /live event changes a board, and which of its parts changed (they are highlighted). No DOM here,
// so the rules are unit-tested (state.spec.ts).
import type {
  BracketView,
  CaseRow,
  CaseStandings,
  ChampionshipBoard,
  CupBoard,
  CupView,
  RoundView,
  SpeakerRow,
  TeamRow,
  TournamentBoard,
  TournamentStage,
} from './types.js';

export interface Applied<B> {
  board: B;
  /** Keys of what changed: `team:<id>`, `speaker:<id>`, `debate:<id>`, `match:<id>`, `row:<rank>`, `region:<code>`… */
  changed: string[];
}

type Payload = Record<string, unknown>;

export function tournamentSnapshot(p: Payload): TournamentBoard {
  return {
    tournament: p.tournament as TournamentBoard['tournament'],
    standings: (p.standings as TeamRow[]) ?? [],
    speakers: (p.speakers as SpeakerRow[]) ?? [],
    bracket: (p.bracket as BracketView) ?? { rounds: [], champion: null },
    currentRound: (p.currentRound as RoundView | null) ?? null,
    ballots: {},
  };
}

const changedRows = <R>(before: R[], after: R[], key: (r: R) => string, same: (a: R, b: R) => boolean) => {
  const old = new Map(before.map((r) => [key(r), r]));
  return after.filter((r) => !old.has(key(r)) || !same(old.get(key(r))!, r)).map(key);
};

export function applyTournament(board: TournamentBoard, type: string, p: Payload): Applied<TournamentBoard> {
  switch (type) {
    case 'draw': {
      const round = p.round as RoundView;
      const bracket = (p.bracket as BracketView | undefined) ?? board.bracket;
      return {
        board: { ...board, currentRound: round, bracket, ballots: {} },
        changed: ['draw', ...changedMatches(board.bracket, bracket)],
      };
    }
    case 'motion': {
      // Released apart from the draw (draws are out before motions): the round's motion and info slide arrive now.
      const round = board.currentRound;
      if (!round || round.seq !== Number(p.roundSeq)) return { board, changed: [] };
      const motion = (p.motion as string | null) ?? null;
      const infoSlide = (p.infoSlide as string | null | undefined) ?? null;
      return { board: { ...board, currentRound: { ...round, motion, infoSlide } }, changed: ['motion'] };
    }
    case 'score': {
      const debateId = String(p.debateId);
      if (p.corrected) return { board, changed: [`debate:${debateId}`] };
      const ballots = { ...board.ballots, [debateId]: { in: Number(p.ballotsIn), of: Number(p.panelSize) } };
      return { board: { ...board, ballots }, changed: [`debate:${debateId}`] };
    }
    case 'standings': {
      // The push carries the whole public board: tabs, the current round's results, the bracket.
      const next = { ...tournamentSnapshot(p), ballots: board.ballots };
      if (!p.tournament) next.tournament = board.tournament;
      if (!('currentRound' in p)) next.currentRound = board.currentRound;
      if (!p.bracket) next.bracket = board.bracket;
      if (!p.speakers) next.speakers = board.speakers;
      const changed = [
        ...changedRows(board.standings, next.standings, (r) => r.teamId, sameTeamRow).map((id) => `team:${id}`),
        ...changedRows(
          board.speakers,
          next.speakers,
          (r) => r.speakerId,
          (a, b) => a.total === b.total && a.rank === b.rank,
        ).map((id) => `speaker:${id}`),
        ...changedDebates(board.currentRound, next.currentRound),
        ...changedMatches(board.bracket, next.bracket),
      ];
      return { board: next, changed };
    }
    case 'bracket': {
      const matchId = String(p.matchId);
      const bracket: BracketView = {
        champion: (p.champion as string | null) ?? board.bracket.champion,
        rounds: board.bracket.rounds.map((r) => ({
          ...r,
          debates: r.debates.map((m) =>
            m.id === matchId
              ? {
                  ...m,
                  winnerTeamId: (p.winnerTeamId as string | null) ?? null,
                  ranking: (p.ranking as string[]) ?? null,
                }
              : m,
          ),
        })),
      };
      return { board: { ...board, bracket }, changed: [`match:${matchId}`] };
    }
    default:
      // `round` (a withdrawal, a revealed silent round): the standings push that follows carries the change.
      return { board, changed: [] };
  }
}

const sameTeamRow = (a: TeamRow, b: TeamRow) =>
  a.rank === b.rank && a.points === b.points && a.wins === b.wins && a.speakerTotal === b.speakerTotal;

function changedDebates(before: RoundView | null, after: RoundView | null): string[] {
  if (!after) return [];
  if (!before || before.seq !== after.seq) return ['draw'];
  const old = new Map(before.debates.map((d) => [d.id, d]));
  return after.debates
    .filter(
      (d) => old.get(d.id)?.status !== d.status || JSON.stringify(old.get(d.id)?.result) !== JSON.stringify(d.result),
    )
    .map((d) => `debate:${d.id}`);
}

function changedMatches(before: BracketView, after: BracketView): string[] {
  const old = new Map(before.rounds.flatMap((r) => r.debates).map((m) => [m.id, m]));
  return after.rounds
    .flatMap((r) => r.debates)
    .filter((m) => {
      const o = old.get(m.id);
      return !o || o.winnerTeamId !== m.winnerTeamId || o.teamIds.join() !== m.teamIds.join();
    })
    .map((m) => `match:${m.id}`);
}

/** The matches the champion played, final included: the path drawn on the bracket. */
export function championPath(bracket: BracketView): Set<string> {
  const champion = bracket.champion;
  if (!champion) return new Set();
  return new Set(
    bracket.rounds
      .flatMap((r) => r.debates)
      .filter((m) => m.teamIds.includes(champion))
      .map((m) => m.id),
  );
}

/** Teams going on from a decided match: the winner of two, the top `advancing` of a BP room's ranking. */
export function advancing(
  match: { winnerTeamId: string | null; ranking: string[] | null; teamIds: (string | null)[] },
  final: boolean,
): string[] {
  if (match.teamIds.length === 4 && match.ranking) return match.ranking.slice(0, final ? 1 : 2);
  return match.winnerTeamId ? [match.winnerTeamId] : [];
}

export function championshipSnapshot(p: Payload): ChampionshipBoard {
  return { championship: p.championship as ChampionshipBoard['championship'], standings: p.standings as CaseStandings };
}

const rowKey = (r: CaseRow, index: number) => (r.teamId ? `team:${r.teamId}` : `row:${index}`);

function changedCaseRows(before: CaseStandings, after: CaseStandings): string[] {
  return after.rows
    .filter((r, i) => {
      const o = before.rows[i];
      return !o || o.teamId !== r.teamId || o.total !== r.total || o.rank !== r.rank || !!o.hidden !== !!r.hidden;
    })
    .map((r) => rowKey(r, after.rows.indexOf(r)));
}

export function applyChampionship(board: ChampionshipBoard, type: string, p: Payload): Applied<ChampionshipBoard> {
  switch (type) {
    case 'standings': {
      const standings = p.standings as CaseStandings;
      const championship = p.finalised ? { ...board.championship, status: 'finalised' } : board.championship;
      return { board: { championship, standings }, changed: changedCaseRows(board.standings, standings) };
    }
    case 'reveal': {
      // Replaced whole: a hidden row carries no team, so the board never knows more than the server shows.
      const standings = p.standings as CaseStandings;
      const reveal = p.reveal as ChampionshipBoard['championship']['reveal'];
      return {
        board: { championship: { ...board.championship, reveal }, standings },
        changed: changedCaseRows(board.standings, standings),
      };
    }
    case 'stage':
      return {
        board: {
          ...board,
          championship: { ...board.championship, stage: p.stage as ChampionshipBoard['championship']['stage'] },
        },
        changed: ['stage'],
      };
    default:
      // `score`: a sheet is in; the coalesced standings push that follows shows what it changed.
      return { board, changed: [] };
  }
}

export function cupSnapshot(p: Payload): CupBoard {
  return {
    cup: p.cup as CupView,
    regions: (p.regions as CupBoard['regions']) ?? [],
    tournaments: (p.tournaments as TournamentStage[]) ?? [],
    teamNames: (p.teamNames as Record<string, string>) ?? {},
  };
}

export function applyCup(board: CupBoard, type: string, p: Payload): Applied<CupBoard> {
  if (type === 'stage') {
    const stage = p.tournament as TournamentStage;
    const tournaments = board.tournaments.some((x) => x.tournamentId === stage.tournamentId)
      ? board.tournaments.map((x) => (x.tournamentId === stage.tournamentId ? stage : x))
      : [...board.tournaments, stage];
    return { board: { ...board, tournaments }, changed: [`t:${stage.tournamentId}`] };
  }
  if (type === 'bracket' && p.cup) {
    const cup = p.cup as CupView;
    const finished = p.regionFinished ? [`region:${String(p.regionFinished)}`] : [];
    // The region's tournament is finished: its stage row follows from the cup view.
    const tournaments = board.tournaments.map((x) => {
      const row = [...cup.regions, ...cup.leagues.flatMap((l) => l.regions)].find(
        (r) => r.tournamentId === x.tournamentId,
      );
      return row ? { ...x, status: row.status } : x;
    });
    return { board: { ...board, cup, tournaments }, changed: [...finished, 'national'] };
  }
  return { board, changed: [] };
}
