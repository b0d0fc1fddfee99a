import { describe, expect, it } from '@jest/globals';
import { en } from './messages/en.js';
import { kk } from './messages/kk.js';
import { ru } from './messages/ru.js';
import { parse } from './router.js';
import { advancing, applyChampionship, applyCup, applyTournament, championPath } from './state.js';
import type { BracketView, CaseStandings, ChampionshipBoard, CupBoard, TournamentBoard } from './types.js';

const row = (teamId: string, rank: number, points: number) => ({
  rank,
  teamId,
  teamName: teamId.toUpperCase(),
  points,
  wins: points,
  speakerTotal: 70 * points,
});

const board = (): TournamentBoard => ({
  tournament: {
    id: 't',
    name: 'T',
    status: 'prelims',
    format: 'wsdc',
    formatSpec: { sides: ['gov', 'opp'] },
    teams: [],
    championTeamId: null,
  },
  standings: [row('a', 1, 1), row('b', 2, 0), row('c', 2, 0)],
  speakers: [],
  bracket: {
    champion: null,
    rounds: [
      {
        name: 'Semifinals',
        debates: [
          {
            id: 'm1',
            debateId: 'd1',
            seeds: [1, null],
            teamIds: ['a', null],
            winnerTeamId: 'a',
            ranking: null,
            bye: true,
          },
          {
            id: 'm2',
            debateId: 'd2',
            seeds: [2, 3],
            teamIds: ['b', 'c'],
            winnerTeamId: null,
            ranking: null,
            bye: false,
          },
        ],
      },
      {
        name: 'Final',
        debates: [
          { id: 'm3', debateId: null, seeds: [null, null], teamIds: ['a', null], winnerTeamId: null, ranking: null },
        ],
      },
    ],
  },
  currentRound: null,
  ballots: {},
});

describe('the tournament board', () => {
  it('counts ballots per debate from score events and flags that debate only', () => {
    const { board: next, changed } = applyTournament(board(), 'score', { debateId: 'd2', ballotsIn: 2, panelSize: 3 });
    expect(next.ballots).toEqual({ d2: { in: 2, of: 3 } });
    expect(changed).toEqual(['debate:d2']);
  });

  it('shows a motion released after the draw on the current round only, with its info slide', () => {
    const drawn = {
      ...board(),
      currentRound: {
        seq: 2,
        kind: 'prelim' as const,
        name: null,
        status: 'released',
        motion: null,
        silent: false,
        debates: [],
      },
    };
    const released = applyTournament(drawn, 'motion', {
      roundSeq: 2,
      motion: 'This House would',
      infoSlide: 'Context',
    });
    expect(released.board.currentRound).toMatchObject({ seq: 2, motion: 'This House would', infoSlide: 'Context' });
    expect(released.changed).toEqual(['motion']);
    const otherRound = applyTournament(drawn, 'motion', { roundSeq: 1, motion: 'An old motion' });
    expect(otherRound.board.currentRound?.motion).toBeNull();
    expect(otherRound.changed).toEqual([]);
  });

  it('flags the team rows a standings push changed, and keeps what the push does not carry', () => {
    const before = board();
    const { board: next, changed } = applyTournament(before, 'standings', {
      standings: [row('a', 1, 1), row('c', 2, 1), row('b', 3, 0)],
    });
    expect(changed.sort()).toEqual(['team:b', 'team:c']);
    expect(next.bracket).toBe(before.bracket);
    expect(next.tournament).toBe(before.tournament);
  });

  it('sets a match winner from a bracket event; the champion path is the champion’s matches, byes included', () => {
    const won = applyTournament(board(), 'bracket', {
      matchId: 'm2',
      winnerTeamId: 'c',
      ranking: ['c', 'b'],
      champion: null,
    });
    expect(won.board.bracket.rounds[0].debates[1].winnerTeamId).toBe('c');
    expect(won.changed).toEqual(['match:m2']);
    const crowned: BracketView = { ...board().bracket, champion: 'a' };
    expect([...championPath(crowned)].sort()).toEqual(['m1', 'm3']);
    expect(championPath(board().bracket).size).toBe(0);
  });

  it('sends on two of a BP room of four, one from the final, the winner of two', () => {
    const room = { winnerTeamId: 'w', ranking: ['w', 'x', 'y', 'z'], teamIds: ['x', 'w', 'z', 'y'] };
    expect(advancing(room, false)).toEqual(['w', 'x']);
    expect(advancing(room, true)).toEqual(['w']);
    expect(advancing({ winnerTeamId: 'b', ranking: null, teamIds: ['a', 'b'] }, false)).toEqual(['b']);
  });
});

describe('the case leaderboard', () => {
  const standings = (revealed: number): CaseStandings => ({
    status: 'scoring',
    frozen: true,
    revealed,
    qualifierSlots: 1,
    criteria: [],
    rows: [
      { rank: 1, teamId: null, teamName: null, total: null, perCriterion: null, qualified: null, hidden: true },
      revealed
        ? { rank: 2, teamId: 'z', teamName: 'Z', total: 5, perCriterion: {}, qualified: false }
        : { rank: 2, teamId: null, teamName: null, total: null, perCriterion: null, qualified: null, hidden: true },
    ],
  });

  it('a reveal replaces the whole board (hidden rows stay nameless) and flags the row it uncovered', () => {
    const before: ChampionshipBoard = {
      championship: {
        id: 'c',
        title: 'C',
        stage: 'single',
        status: 'scoring',
        criteria: [],
        reveal: { frozen: true, revealed: 0 },
        version: 3,
      },
      standings: standings(0),
    };
    const { board: next, changed } = applyChampionship(before, 'reveal', {
      reveal: { frozen: true, revealed: 1 },
      standings: standings(1),
    });
    expect(changed).toEqual(['team:z']);
    expect(next.standings.rows[0]).toEqual(expect.objectContaining({ hidden: true, teamName: null }));
    expect(next.championship.reveal).toEqual({ frozen: true, revealed: 1 });
  });
});

describe('the cup board', () => {
  it('a stage event replaces that tournament’s stage, or adds a new tournament', () => {
    const cup = { cup: {} as CupBoard['cup'], regions: [], teamNames: {}, tournaments: [] } as CupBoard;
    const stage = {
      tournamentId: 't1',
      name: 'North',
      level: 'regional',
      status: 'prelims',
      round: { seq: 1, kind: 'prelim' as const, name: null },
      championTeamId: null,
    };
    const once = applyCup(cup, 'stage', { tournament: stage });
    const twice = applyCup(once.board, 'stage', {
      tournament: { ...stage, round: { seq: 2, kind: 'prelim', name: null } },
    });
    expect(twice.board.tournaments).toHaveLength(1);
    expect(twice.board.tournaments[0].round?.seq).toBe(2);
    expect(twice.changed).toEqual(['t:t1']);
  });
});

describe('board routes', () => {
  const id = '0b5c1f7e-1d2a-4c3b-9e8f-123456789abc';
  it('reads the page, the tab and projector mode from the address', () => {
    expect(parse(`/board/tournament/${id}/bracket/screen`, '')).toEqual(
      expect.objectContaining({ page: { name: 'tournament', id, tab: 'bracket' }, projector: true }),
    );
    expect(parse(`/board/championship/${id}`, '?projector=1').projector).toBe(true);
    expect(parse(`/board/cup/${id}`, '').page).toEqual({ name: 'cup', id });
    expect(parse('/board', '').page).toEqual({ name: 'index' });
    expect(parse('/board/tournament/not-an-id', '').page).toEqual({ name: 'notFound' });
    expect(parse(`/board/tournament/${id}/nonsense`, '').page).toEqual({ name: 'notFound' });
  });
});

describe('board catalogues', () => {
  it('Kazakh and Russian have every English key and no other', () => {
    expect(Object.keys(kk).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });
});
