import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { Judge } from '../judges/judge.entity.js';
import { JudgesService } from '../judges/judges.service.js';
import { LivePublisher } from '../live/live-publisher.js';
import { CreateRoundDto } from './tournament.dto.js';
import {
  Ballot,
  Debate,
  DebateAdjudicator,
  DebateTeam,
  Round,
  Tournament,
  TournamentAdjudicator,
} from './tournament.entity.js';
import { loadConfirmed, loadEntries, loadRounds, loadTournament } from './tournament-data.js';
import {
  allocatePanels,
  drawPrelimRound,
  makeBreak,
  breakSizeFor,
  newBracket,
  readyMatches,
  specOf,
  teamTab,
  type BracketState,
} from './tournament-engine.js';
import { roundView, type RoundView } from './tournament-views.js';

interface PlannedDebate {
  room: number;
  teams: { side: string; teamId: string }[];
  explanation: unknown[];
  bracketMatchId: string | null;
  /** Higher for rooms that matter more: strong judges go there. */
  importance: number;
}

/** Draws: power-paired preliminary rounds, the break, elimination rounds; release, regeneration, silence. */
@Injectable()
export class RoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly judges: JudgesService,
    private readonly live: LivePublisher,
  ) {}

  async generate(tournamentId: string, dto: CreateRoundDto): Promise<RoundView> {
    const round = await this.dataSource.transaction(async (em) => {
      const tournament = await loadTournament(em, tournamentId, true);
      const rounds = await loadRounds(em, tournamentId);
      await this.assertPreviousRoundDone(em, rounds);
      return this.createRound(em, tournament, rounds.length + 1, rounds, dto);
    });
    return this.view(round.id, true);
  }

  /** Throws the draft away and draws the same round again (while no ballot is in). */
  async regenerate(tournamentId: string, seq: number, dto: CreateRoundDto): Promise<RoundView> {
    const round = await this.dataSource.transaction(async (em) => {
      const tournament = await loadTournament(em, tournamentId, true);
      const rounds = await loadRounds(em, tournamentId);
      const current = rounds.find((r) => r.seq === seq);
      if (!current) throw DomainError.notFound(`round ${seq} of tournament`, tournamentId);
      if (current.seq !== rounds.length) throw DomainError.wrongState(`only the latest round (${rounds.length}) can be regenerated`);
      const debates = await em.findBy(Debate, { roundId: current.id });
      if (debates.length && (await em.countBy(Ballot, { debateId: In(debates.map((d) => d.id)) })) > 0) {
        throw DomainError.wrongState(`round ${seq} already has ballots: it cannot be regenerated`);
      }
      // For an elimination round the bracket is unchanged: only its debates and panels are drawn again.
      await em.delete(Round, { id: current.id });
      const previous = rounds.slice(0, -1);
      return this.createRound(em, tournament, seq, previous, { motion: dto.motion ?? current.motion ?? undefined, silent: dto.silent ?? current.silent, seed: dto.seed });
    });
    return this.view(round.id, true);
  }

  async release(tournamentId: string, seq: number): Promise<RoundView> {
    const rooms = await this.dataSource.transaction(async (em) => {
      const round = await this.lockRound(em, tournamentId, seq);
      if (round.status !== 'draft') throw DomainError.wrongState(`round ${seq} is already ${round.status}`);
      await em.update(Round, { id: round.id }, { status: 'released' });
      const debates = await em.findBy(Debate, { roundId: round.id });
      const panel = debates.length ? await em.findBy(DebateAdjudicator, { debateId: In(debates.map((d) => d.id)) }) : [];
      const view = await roundView(em, { ...round, status: 'released' }, false);
      const touched = [await this.live.record(em, 'tournament', tournamentId, 'draw', { round: view })];
      for (const judgeId of new Set(panel.map((p) => p.judgeId))) {
        touched.push(
          await this.live.record(em, 'judge', judgeId, 'assignment', {
            tournamentId,
            roundSeq: seq,
            debates: panel.filter((p) => p.judgeId === judgeId).map((p) => ({ debateId: p.debateId, role: p.role })),
          }),
        );
      }
      return touched;
    });
    this.live.announce(...rooms);
    return this.view((await this.findRound(tournamentId, seq)).id, false);
  }

  /** Makes a silent round's results public again (and every round before it). */
  async reveal(tournamentId: string, seq: number): Promise<RoundView> {
    await this.dataSource.transaction(async (em) => {
      const round = await this.lockRound(em, tournamentId, seq);
      if (!round.silent) throw DomainError.wrongState(`round ${seq} is not silent`);
      await em
        .createQueryBuilder()
        .update(Round)
        .set({ silent: false })
        .where('tournament_id = :tournamentId AND seq <= :seq', { tournamentId, seq })
        .execute();
      await this.live.record(em, 'tournament', tournamentId, 'round', { seq, revealed: true });
    });
    this.live.announce(`tournament:${tournamentId}`);
    this.live.standingsChanged('tournament', tournamentId);
    return this.view((await this.findRound(tournamentId, seq)).id, false);
  }

  async get(tournamentId: string, seq: number, organiser: boolean): Promise<RoundView> {
    const round = await this.findRound(tournamentId, seq);
    if (!organiser && round.status === 'draft') throw DomainError.notFound(`round ${seq} of tournament`, tournamentId);
    return this.view(round.id, organiser);
  }

  async list(tournamentId: string, organiser: boolean): Promise<RoundView[]> {
    const em = this.dataSource.manager;
    await loadTournament(em, tournamentId);
    const rounds = (await loadRounds(em, tournamentId)).filter((r) => organiser || r.status !== 'draft');
    return Promise.all(rounds.map((r) => roundView(em, r, organiser)));
  }

  private async createRound(
    em: EntityManager,
    tournament: Tournament,
    seq: number,
    previous: Round[],
    dto: CreateRoundDto,
  ): Promise<Round> {
    if (tournament.status === 'finished') throw DomainError.wrongState('the tournament is finished');
    const seed = dto.seed ?? randomBytes(8).toString('hex');
    const prelimsDone = previous.filter((r) => r.kind === 'prelim').length;
    const kind: Round['kind'] = prelimsDone < tournament.prelimRounds ? 'prelim' : 'elim';
    const planned =
      kind === 'prelim'
        ? await this.planPrelim(em, tournament, prelimsDone + 1, seed)
        : await this.planElim(em, tournament);
    const round = await em.save(
      em.create(Round, {
        tournamentId: tournament.id,
        seq,
        kind,
        name: kind === 'prelim' ? `Round ${prelimsDone + 1}` : planned.name,
        motion: dto.motion ?? null,
        seed,
        silent: dto.silent ?? false,
        brokenConstraints: planned.brokenConstraints,
      }),
    );
    const debates = await em.save(
      planned.debates.map((p) =>
        em.create(Debate, {
          roundId: round.id,
          tournamentId: tournament.id,
          room: p.room,
          bracketMatchId: p.bracketMatchId,
          explanation: p.explanation,
        }),
      ),
    );
    await em.insert(
      DebateTeam,
      planned.debates.flatMap((p, i) => p.teams.map((t) => ({ debateId: debates[i].id, teamId: t.teamId, side: t.side }))),
    );
    const panels = await this.allocate(em, tournament, planned.debates.map((p, i) => ({ ...p, id: debates[i].id })), seed);
    if (panels.panels.length) await em.insert(DebateAdjudicator, panels.panels);
    if (panels.brokenConstraints.length) {
      await em.update(Round, { id: round.id }, { brokenConstraints: [...planned.brokenConstraints, ...panels.brokenConstraints] as never });
    }
    await em.update(Tournament, { id: tournament.id }, { status: kind === 'prelim' ? 'prelims' : 'elims' });
    return round;
  }

  private async planPrelim(em: EntityManager, tournament: Tournament, roundNumber: number, seed: string) {
    const entries = (await loadEntries(em, tournament.id)).filter((e) => !e.withdrawn);
    const confirmed = await loadConfirmed(em, tournament.id, false);
    const draw = drawPrelimRound(specOf(tournament), {
      roundNumber,
      seed,
      teams: entries.map((e) => ({ id: e.teamId, name: e.team.name, institution: e.team.institution, position: e.position })),
      confirmed,
    });
    return {
      name: null,
      debates: draw.debates.map((d) => ({ ...d, bracketMatchId: null })),
      brokenConstraints: draw.brokenConstraints,
    };
  }

  private async planElim(em: EntityManager, tournament: Tournament) {
    let bracket = tournament.bracket as BracketState | null;
    if (!bracket) {
      if (tournament.level === 'national' && tournament.prelimRounds === 0) {
        throw DomainError.wrongState('the national bracket is seeded when every region has sent its qualifiers');
      }
      const entries = (await loadEntries(em, tournament.id)).filter((e) => !e.withdrawn);
      const tab = teamTab(
        entries.map((e) => ({ id: e.teamId, name: e.team.name, regionCode: e.team.regionCode })),
        await loadConfirmed(em, tournament.id, false),
      );
      if (tab.length < 2) throw DomainError.rule('at least two teams are needed for an elimination bracket');
      const size = breakSizeFor(specOf(tournament), tournament.breakSize, tab.length);
      if (size < 2) throw DomainError.rule(`a ${tournament.format} elimination room needs ${specOf(tournament).sides.length} teams; ${tab.length} are in the tab`);
      const made = makeBreak(tab, size);
      bracket = newBracket(made.seeds, specOf(tournament));
      await em.update(Tournament, { id: tournament.id }, { bracket: bracket as never, breakReport: made.report as never });
      tournament.bracket = bracket as never;
    }
    const taken = new Set(
      (await em.findBy(Debate, { tournamentId: tournament.id })).map((d) => d.bracketMatchId).filter((m) => m !== null),
    );
    const ready = readyMatches(bracket).filter((m) => !taken.has(m.matchId));
    if (ready.length === 0) {
      throw DomainError.wrongState('no elimination debate is ready: confirm the current round\'s debates first');
    }
    const roundName = ready[0].roundName;
    const sides = specOf(tournament).sides;
    return {
      name: roundName,
      debates: ready
        .filter((m) => m.roundName === roundName)
        .map((m, i) => ({
          room: i + 1,
          // The higher seed opens the debate.
          teams: m.teamIds.map((teamId, slot) => ({ side: sides[slot], teamId })),
          explanation: [
            `${roundName}: ${m.seeds.map((seed) => `seed ${seed}`).join(' v ')}`,
            `positions by seed: ${m.seeds.map((seed, slot) => `${sides[slot]} seed ${seed}`).join(', ')}`,
          ],
          bracketMatchId: m.matchId,
          importance: 100 - i,
        })),
      brokenConstraints: [],
    };
  }

  private async allocate(em: EntityManager, tournament: Tournament, debates: (PlannedDebate & { id: string })[], seed: string) {
    const pool = await em.findBy(TournamentAdjudicator, { tournamentId: tournament.id });
    if (pool.length === 0) throw DomainError.rule('register adjudicators for this tournament before drawing a round');
    const judges = pool.length ? await em.findBy(Judge, { id: In(pool.map((p) => p.judgeId)) }) : [];
    const teamIds = debates.flatMap((d) => d.teams.map((t) => t.teamId));
    const conflicts = await this.judges.conflicts(em, judges.map((j) => j.id), teamIds);
    return allocatePanels({
      debates: debates.map((d) => ({ id: d.id, importance: d.importance, teamIds: d.teams.map((t) => t.teamId) })),
      judges: judges.map((j) => ({ id: j.id, strength: j.strength, institution: j.institution })),
      teamConflicts: conflicts.map((c) => [c.judgeId, c.teamId] as [string, string]),
      seed,
    });
  }

  private async assertPreviousRoundDone(em: EntityManager, rounds: Round[]): Promise<void> {
    const last = rounds.at(-1);
    if (!last) return;
    if (last.status === 'draft') throw DomainError.wrongState(`round ${last.seq} is still a draft: release or regenerate it`);
    const open = await em.countBy(Debate, { roundId: last.id, status: 'pending' });
    if (open > 0) throw DomainError.wrongState(`round ${last.seq} has ${open} debate(s) without a confirmed result`);
  }

  private async lockRound(em: EntityManager, tournamentId: string, seq: number): Promise<Round> {
    const round = await em
      .createQueryBuilder(Round, 'r')
      .setLock('pessimistic_write')
      .where('r.tournament_id = :tournamentId AND r.seq = :seq', { tournamentId, seq })
      .getOne();
    if (!round) throw DomainError.notFound(`round ${seq} of tournament`, tournamentId);
    return round;
  }

  private async findRound(tournamentId: string, seq: number): Promise<Round> {
    const round = await this.dataSource.manager.findOneBy(Round, { tournamentId, seq });
    if (!round) throw DomainError.notFound(`round ${seq} of tournament`, tournamentId);
    return round;
  }

  private async view(roundId: string, organiser: boolean): Promise<RoundView> {
    const em = this.dataSource.manager;
    return roundView(em, await em.findOneByOrFail(Round, { id: roundId }), organiser);
  }
}
