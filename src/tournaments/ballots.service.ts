import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/domain-error.js';
import { IdempotencyService } from '../common/idempotency.js';
import { LivePublisher } from '../live/live-publisher.js';
import { CupsService } from './cups.service.js';
import { BallotDto, CorrectBallotDto } from './tournament.dto.js';
import { Ballot, Debate, Round, Tournament, TournamentAudit } from './tournament.entity.js';
import { loadConfirmed, loadDebate, loadEntries, loadTournament, type DebateBundle } from './tournament-data.js';
import {
  advance,
  applyCorrection,
  ballotProblems,
  bracketChampion,
  correctionPreview,
  debateContext,
  decideDebate,
  finishingOrder,
  rankingOf,
  specOf,
  teamTab,
  type BracketState,
  type DebateDecision,
} from './tournament-engine.js';

export interface BallotReceipt {
  ballotId: string;
  debateId: string;
  judgeId: string;
  version: number;
  debateStatus: Debate['status'];
  needsConfirmation: boolean;
}

export interface CorrectionPreview {
  debateId: string;
  dryRun: boolean;
  before: DebateDecision | null;
  after: DebateDecision;
  winnerChanged: boolean;
  /** Later elimination debates whose entrant or result the correction resets. */
  resets: { matchId: string; debateId: string | null }[];
}

/** Ballots from the panel, the panel's decision, confirmation, and audited corrections with a cascade. */
@Injectable()
export class BallotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly live: LivePublisher,
    private readonly cups: CupsService,
  ) {}

  async submit(debateId: string, judge: Principal, dto: BallotDto, key: string | undefined): Promise<BallotReceipt> {
    const { value, replayed } = await this.idempotency.run(
      { scope: `judge:${judge.id}:ballot:${debateId}`, key, body: dto },
      async (em) => {
        const bundle = await loadDebate(em, debateId, true);
        if (!bundle.panel.some((p) => p.judgeId === judge.id)) throw DomainError.forbidden('you are not on this debate\'s panel');
        if (bundle.round.status !== 'released') {
          throw DomainError.wrongState(`round ${bundle.round.seq} is ${bundle.round.status}: it does not take ballots`);
        }
        if (bundle.debate.status === 'confirmed') {
          throw DomainError.wrongState('this debate\'s result is confirmed: ask the organiser for a correction');
        }
        const tournament = await loadTournament(em, bundle.debate.tournamentId);
        const ballot = await this.writeBallot(em, tournament, bundle, judge.id, dto, `judge:${judge.id}`);
        const rooms = [
          await this.live.record(em, 'tournament', tournament.id, 'score', {
            debateId,
            roundSeq: bundle.round.seq,
            judgeId: judge.id,
            ballotsIn: bundle.ballots.length + (bundle.ballots.some((b) => b.judgeId === judge.id) ? 0 : 1),
            panelSize: bundle.panel.length,
          }),
        ];
        const reloaded = await loadDebate(em, debateId);
        let needsConfirmation = false;
        if (reloaded.ballots.length === reloaded.panel.length) {
          const decision = decideDebate(specOf(tournament), reloaded, await this.members(em, tournament.id));
          if (decision.evenSplit) {
            needsConfirmation = true;
            await em.update(Debate, { id: debateId }, { needsConfirmation: true });
          } else {
            rooms.push(...(await this.confirmWith(em, tournament, reloaded, decision)));
          }
        }
        const after = await em.findOneByOrFail(Debate, { id: debateId });
        return {
          receipt: {
            ballotId: ballot.id,
            debateId,
            judgeId: judge.id,
            version: ballot.version,
            debateStatus: after.status,
            needsConfirmation,
          },
          rooms,
        };
      },
    );
    if (!replayed) this.afterCommit(value.rooms, value.receipt.debateStatus === 'confirmed', value.rooms[0]);
    return value.receipt;
  }

  /** The organiser confirms a debate the panel left open (an even split, or missing ballots). */
  async confirm(debateId: string, organiser: Principal): Promise<{ debateId: string; result: DebateDecision }> {
    const { rooms, decision } = await this.dataSource.transaction(async (em) => {
      const bundle = await loadDebate(em, debateId, true);
      if (bundle.debate.status === 'confirmed') throw DomainError.wrongState('this debate is already confirmed');
      if (bundle.ballots.length === 0) throw DomainError.rule('no ballot is in for this debate: nothing to confirm');
      const tournament = await loadTournament(em, bundle.debate.tournamentId);
      const decision = decideDebate(specOf(tournament), bundle, await this.members(em, tournament.id));
      const rooms = await this.confirmWith(em, tournament, bundle, decision);
      await this.audit(em, tournament.id, organiser, 'confirm', debateId, null, decision);
      return { rooms, decision };
    });
    this.afterCommit(rooms, true);
    return { debateId, result: decision };
  }

  /**
   * Replaces one judge's ballot as the organiser. With dryRun nothing changes and the preview lists the later
   * elimination debates that would be reset; otherwise the correction and its cascade commit together.
   */
  async correct(debateId: string, organiser: Principal, dto: CorrectBallotDto, dryRun: boolean): Promise<CorrectionPreview> {
    const run = async (em: EntityManager) => {
      const bundle = await loadDebate(em, debateId, !dryRun);
      if (!bundle.panel.some((p) => p.judgeId === dto.judgeId)) {
        throw DomainError.rule(`judgeId: judge ${dto.judgeId} is not on this debate's panel`);
      }
      const tournament = await loadTournament(em, bundle.debate.tournamentId, !dryRun);
      const members = await this.members(em, tournament.id);
      const problems = ballotProblems(specOf(tournament), debateContext(bundle, members), dto);
      if (problems.length) throw DomainError.invalid(...problems);
      const others = bundle.ballots.filter((b) => b.judgeId !== dto.judgeId);
      const proposed = [...others, { judgeId: dto.judgeId, sheet: { teams: dto.teams } } as unknown as Ballot];
      const after = decideDebate(specOf(tournament), { ...bundle, ballots: proposed }, members);
      const before = (bundle.debate.result as DebateDecision | null) ?? null;
      const winnerChanged = !!before && before.winnerTeamId !== after.winnerTeamId;
      const bracket = tournament.bracket as BracketState | null;
      const matchId = bundle.debate.bracketMatchId;
      let resets: CorrectionPreview['resets'] = [];
      if (bundle.debate.status === 'confirmed' && bracket && matchId) {
        const later = correctionPreview(bracket, matchId, after);
        const debates = later.length ? await em.findBy(Debate, { tournamentId: tournament.id, bracketMatchId: In(later) }) : [];
        resets = later.map((m) => ({ matchId: m, debateId: debates.find((d) => d.bracketMatchId === m)?.id ?? null }));
      }
      const preview: CorrectionPreview = { debateId, dryRun, before, after, winnerChanged, resets };
      if (dryRun) return { preview, rooms: [] as string[] };

      await this.writeBallot(em, tournament, bundle, dto.judgeId, dto, `organiser:${organiser.id}`);
      const rooms: string[] = [];
      if (bundle.debate.status === 'confirmed') {
        const cupRooms = bracket && matchId ? await this.correctBracket(em, tournament, bracket, matchId, after, resets) : null;
        await em.update(Debate, { id: debateId }, { result: after as never });
        rooms.push(await this.live.record(em, 'tournament', tournament.id, 'score', { debateId, corrected: true }));
        if (cupRooms) {
          rooms.push(...cupRooms);
          rooms.push(await this.live.record(em, 'tournament', tournament.id, 'bracket', { corrected: debateId, resets }));
        }
      }
      await this.audit(em, tournament.id, organiser, 'correct-ballot', debateId, { ballot: bundle.ballots.find((b) => b.judgeId === dto.judgeId)?.sheet ?? null, result: before }, { ballot: { teams: dto.teams }, result: after, resets });
      return { preview, rooms };
    };
    const { preview, rooms } = dryRun
      ? await this.dataSource.transaction('REPEATABLE READ', run)
      : await this.dataSource.transaction(run);
    if (rooms.length) this.afterCommit(rooms, true);
    return preview;
  }

  /** Withdrawn team's open debates: its opponents win by forfeit (used by withdrawals). */
  async forfeitOpenDebates(em: EntityManager, tournament: Tournament, teamId: string): Promise<string[]> {
    const rooms: string[] = [];
    const open = await em
      .createQueryBuilder(Debate, 'd')
      .innerJoin('debate_teams', 'dt', 'dt.debate_id = d.id AND dt.team_id = :teamId', { teamId })
      .innerJoin(Round, 'r', 'r.id = d.round_id')
      .where('d.tournament_id = :tid AND d.status = :pending AND r.status = :released', {
        tid: tournament.id,
        pending: 'pending',
        released: 'released',
      })
      .getMany();
    for (const debate of open) {
      const bundle = await loadDebate(em, debate.id, true);
      const decision = decideDebate(specOf(tournament), bundle, await this.members(em, tournament.id), teamId);
      rooms.push(...(await this.confirmWith(em, await loadTournament(em, tournament.id), bundle, decision)));
    }
    return rooms;
  }

  private async writeBallot(
    em: EntityManager,
    tournament: Tournament,
    bundle: DebateBundle,
    judgeId: string,
    dto: BallotDto,
    submittedBy: string,
  ): Promise<Ballot> {
    const problems = ballotProblems(specOf(tournament), debateContext(bundle, await this.members(em, tournament.id)), dto);
    if (problems.length) throw DomainError.invalid(...problems);
    const existing = bundle.ballots.find((b) => b.judgeId === judgeId);
    if (dto.version !== undefined && existing && dto.version !== existing.version) {
      throw DomainError.staleVersion(`the ballot of judge ${judgeId}`, dto.version);
    }
    if (existing) {
      const retired = await em
        .createQueryBuilder()
        .update(Ballot)
        .set({ current: false })
        .where('id = :id AND current AND version = :version', { id: existing.id, version: existing.version })
        .execute();
      if (retired.affected !== 1) throw DomainError.staleVersion(`the ballot of judge ${judgeId}`, existing.version);
    }
    return em.save(
      em.create(Ballot, {
        debateId: bundle.debate.id,
        judgeId,
        version: (existing?.version ?? 0) + 1,
        current: true,
        sheet: { teams: dto.teams } as never,
        submittedBy,
      }),
    );
  }

  /** Stores the decision and carries it forward: bracket advancement, champion, the cup's national round. */
  private async confirmWith(
    em: EntityManager,
    tournament: Tournament,
    bundle: DebateBundle,
    decision: DebateDecision,
  ): Promise<string[]> {
    const rooms: string[] = [];
    await em.update(Debate, { id: bundle.debate.id }, { status: 'confirmed', result: decision as never, needsConfirmation: false });
    const open = await em.countBy(Debate, { roundId: bundle.round.id, status: 'pending' });
    if (open === 0) await em.update(Round, { id: bundle.round.id }, { status: 'closed' });
    if (bundle.debate.bracketMatchId && tournament.bracket) {
      const bracket = advance(tournament.bracket as BracketState, bundle.debate.bracketMatchId, decision);
      const champion = bracketChampion(bracket);
      const changes: Partial<Tournament> = { bracket: bracket as never };
      if (champion) {
        Object.assign(changes, { status: 'finished', championTeamId: champion, finalPlaces: finishingOrder(bracket, await this.prelimTab(em, tournament.id)) });
      }
      await em.update(Tournament, { id: tournament.id }, changes as never);
      rooms.push(
        await this.live.record(em, 'tournament', tournament.id, 'bracket', {
          matchId: bundle.debate.bracketMatchId,
          winnerTeamId: decision.winnerTeamId,
          ranking: rankingOf(decision),
          champion: champion ?? null,
        }),
      );
      if (champion && tournament.cupId) rooms.push(...(await this.cups.tournamentFinished(em, tournament.id)));
    }
    return rooms;
  }

  /**
   * Carries a corrected elimination result into the bracket: later debates it invalidates are deleted and their
   * rooms reset; a corrected final re-crowns and re-ranks. Returns the cup rooms to announce, or null when the
   * bracket did not change.
   */
  private async correctBracket(
    em: EntityManager,
    tournament: Tournament,
    bracket: BracketState,
    matchId: string,
    decision: DebateDecision,
    resets: CorrectionPreview['resets'],
  ): Promise<string[] | null> {
    const corrected = applyCorrection(bracket, matchId, decision);
    if (corrected === bracket) return null;
    const inCup = tournament.level === 'regional' && !!tournament.cupId;
    if (inCup && tournament.status === 'finished') await this.cups.assertRegionMayChange(em, tournament);
    const doomed = resets.map((r) => r.debateId).filter((d): d is string => d !== null);
    if (doomed.length) {
      const rounds = (await em.findBy(Debate, { id: In(doomed) })).map((d) => d.roundId);
      await em.delete(Debate, { id: In(doomed) });
      for (const roundId of new Set(rounds)) {
        if ((await em.countBy(Debate, { roundId })) === 0) await em.delete(Round, { id: roundId });
      }
    }
    const champion = bracketChampion(corrected);
    const finalPlaces = champion ? finishingOrder(corrected, await this.prelimTab(em, tournament.id)) : null;
    await em.update(Tournament, { id: tournament.id }, {
      bracket: corrected as never,
      status: champion ? 'finished' : 'elims',
      championTeamId: champion,
      finalPlaces,
    } as never);
    if (!inCup || tournament.status !== 'finished') return [];
    await this.cups.tournamentReopened(em, tournament.id);
    return champion ? this.cups.tournamentFinished(em, tournament.id) : [];
  }

  private async prelimTab(em: EntityManager, tournamentId: string) {
    const entries = await loadEntries(em, tournamentId);
    return teamTab(
      entries.map((e) => ({ id: e.teamId, name: e.team.name, regionCode: e.team.regionCode })),
      await loadConfirmed(em, tournamentId, false),
    );
  }

  private async members(em: EntityManager, tournamentId: string): Promise<Map<string, string[]>> {
    const entries = await loadEntries(em, tournamentId);
    return new Map(entries.map((e) => [e.teamId, e.team.members.map((m) => m.id)]));
  }

  private async audit(
    em: EntityManager,
    tournamentId: string,
    actor: Principal,
    action: string,
    subjectId: string,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    await em.insert(TournamentAudit, { tournamentId, actor: `${actor.role}:${actor.id}`, action, subjectId, before: before as never, after: after as never });
  }

  private afterCommit(rooms: string[], standingsChanged: boolean, tournamentRoom?: string): void {
    this.live.announce(...rooms);
    if (standingsChanged) {
      for (const room of new Set(rooms.filter((r) => r.startsWith('tournament:')).concat(tournamentRoom ?? []))) {
        this.live.standingsChanged('tournament', room.slice('tournament:'.length));
      }
    }
  }
}
