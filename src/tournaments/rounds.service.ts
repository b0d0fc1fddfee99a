import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { breakTeams } from '../engine/elimination/break.js';
import { createEliminationBracket, readyMatches } from '../engine/elimination/single-elimination.js';
import { allocatePanels } from '../engine/panels/panel-allocation.js';
import { Judge } from '../judges/judge.entity.js';
import { JudgesService } from '../judges/judges.service.js';
import { LiveTransactions } from '../live/live-changes.js';
import { availableJudgeIds, availableOf, loadMarks } from './availability-data.js';
import { Ballot } from './ballot.entity.js';
import { Debate } from './debate.entity.js';
import { DebateAdjudicator } from './debate-adjudicator.entity.js';
import { DebateTeam } from './debate-team.entity.js';
import { Round } from './round.entity.js';
import { TournamentTeamConflict } from './team-conflict.entity.js';
import { Tournament } from './tournament.entity.js';
import { TournamentAdjudicator } from './tournament-adjudicator.entity.js';
import { Venue } from './venue.entity.js';
import { assignVenues } from '../engine/venues/venue-assignment.js';
import { loadConfirmed, loadEntries, loadRounds, loadTeamTab, lockRound, lockTournament } from './tournament-data.js';
import { assertDrawable, breakSizeFor, drawPrelimRound, roomSizeOf } from './tournament-engine.js';
import { CreateRoundDto } from './tournament.dto.js';
import { TournamentQueries } from './tournament-queries.service.js';
import { bracketView, roundView, tournamentStage, type RoundView } from './tournament-views.js';

interface PlannedDebate {
  room: number;
  teams: { side: string; teamId: string }[];
  explanation: string[];
  bracketMatchId: string | null;
  /** Higher for rooms that matter more: strong judges go there. */
  importance: number;
}

/** Draws: power-paired preliminary rounds, the break, elimination rounds; release, regeneration, silence. */
@Injectable()
export class RoundsService {
  constructor(
    private readonly live: LiveTransactions,
    private readonly judges: JudgesService,
    private readonly queries: TournamentQueries,
  ) {}

  async generate(tournamentId: string, dto: CreateRoundDto): Promise<RoundView> {
    const round = await this.live.run(async ({ em }) => {
      const tournament = await lockTournament(em, tournamentId);
      const rounds = await loadRounds(em, tournamentId);
      await this.assertPreviousRoundDone(em, rounds);
      return this.createRound(em, tournament, rounds.length + 1, rounds, dto);
    });
    return this.queries.round(tournamentId, round.seq, true);
  }

  /** Throws the draft away and draws the same round again (while no ballot is in). */
  async regenerate(tournamentId: string, seq: number, dto: CreateRoundDto): Promise<RoundView> {
    const round = await this.live.run(async ({ em }) => {
      const tournament = await lockTournament(em, tournamentId);
      const rounds = await loadRounds(em, tournamentId);
      const current = rounds.find((r) => r.seq === seq);
      if (!current) throw DomainError.notFound(`round ${seq} of tournament`, tournamentId);
      // A released motion has been read out: the debates are under way, and a new draw would hide it again.
      if (current.motionReleasedAt)
        throw DomainError.wrongState(`round ${seq}'s motion is released: the round cannot be drawn again`);
      if (current.seq !== rounds.length)
        throw DomainError.wrongState(`only the latest round (${rounds.length}) can be regenerated`);
      const debates = await em.findBy(Debate, { roundId: current.id });
      if (debates.length && (await em.countBy(Ballot, { debateId: In(debates.map((d) => d.id)) })) > 0) {
        throw DomainError.wrongState(`round ${seq} already has ballots: it cannot be regenerated`);
      }
      // For an elimination round the bracket is unchanged: only its debates and panels are drawn again.
      await em.delete(Round, { id: current.id });
      const previous = rounds.slice(0, -1);
      return this.createRound(em, tournament, seq, previous, {
        motion: dto.motion ?? current.motion ?? undefined,
        infoSlide: dto.infoSlide ?? current.infoSlide ?? undefined,
        silent: dto.silent ?? current.silent,
        seed: dto.seed,
      });
    });
    return this.queries.round(tournamentId, round.seq, true);
  }

  async release(tournamentId: string, seq: number): Promise<RoundView> {
    // The view the audience is sent is the answer too: a 2,000-room draw is built once.
    return this.live.run(async (changes) => {
      const { em } = changes;
      const round = await this.lockRound(em, tournamentId, seq);
      if (round.status !== 'draft') throw DomainError.wrongState(`round ${seq} is already ${round.status}`);
      await em.update(Round, { id: round.id }, { status: 'released' });
      const view = await roundView(em, { ...round, status: 'released' }, false);
      const tournament = await em.findOneByOrFail(Tournament, { id: tournamentId });
      // An elimination round's draw also brings the bracket (the break seeded it), so the board needs no REST.
      await changes.record('tournament', tournamentId, 'draw', {
        round: view,
        ...(round.kind === 'elim' ? { bracket: await bracketView(em, tournament) } : {}),
      });
      // The cup's board shows each of its tournaments' stage: tell it a round is out.
      if (tournament.cupId) {
        await changes.record('cup', tournament.cupId, 'stage', { tournament: await tournamentStage(em, tournament) });
      }
      // Every judge of the round hears their seats, in one statement: a 2,000-room round has 6,000 of them.
      const seats = new Map<string, { debateId: string; role: string }[]>();
      for (const debate of view.debates) {
        for (const { judgeId, role } of debate.panel) {
          const mine = seats.get(judgeId) ?? [];
          if (!mine.length) seats.set(judgeId, mine);
          mine.push({ debateId: debate.id, role });
        }
      }
      await changes.recordToEach(
        'judge',
        'assignment',
        [...seats].map(([id, debates]) => ({ id, payload: { tournamentId, roundSeq: seq, debates } })),
      );
      return view;
    });
  }

  /** Makes a silent round's results public again (and every round before it). */
  async reveal(tournamentId: string, seq: number): Promise<RoundView> {
    await this.live.run(async (changes) => {
      const { em } = changes;
      const round = await this.lockRound(em, tournamentId, seq);
      // A draft is nobody's to see yet: revealing it would publish results of a round that is not out.
      if (round.status === 'draft') throw DomainError.wrongState(`round ${seq} is a draft: release it first`);
      if (!round.silent) throw DomainError.wrongState(`round ${seq} is not silent`);
      await em
        .createQueryBuilder()
        .update(Round)
        .set({ silent: false })
        .where('tournament_id = :tournamentId AND seq <= :seq', { tournamentId, seq })
        .execute();
      await changes.record('tournament', tournamentId, 'round', { seq, revealed: true });
      changes.standingsChanged('tournament', tournamentId);
    });
    return this.queries.round(tournamentId, seq, false);
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
        ? await this.planPrelim(em, tournament, prelimsDone + 1, seed, seq)
        : await this.planElim(em, tournament);
    const round = await em.save(
      em.create(Round, {
        tournamentId: tournament.id,
        seq,
        kind,
        name: kind === 'prelim' ? `Round ${prelimsDone + 1}` : planned.name,
        motion: dto.motion ?? null,
        infoSlide: dto.infoSlide || null,
        seed,
        silent: dto.silent ?? false,
        brokenConstraints: planned.brokenConstraints,
      }),
    );
    const venues = await em.findBy(Venue, { tournamentId: tournament.id, active: true });
    const venueOf = assignVenues(
      planned.debates.map((p, i) => ({ key: String(i), importance: p.importance, room: p.room })),
      venues,
    );
    const debates = await em.save(
      planned.debates.map((p, i) =>
        em.create(Debate, {
          roundId: round.id,
          tournamentId: tournament.id,
          room: p.room,
          venueId: venueOf.get(String(i)) ?? null,
          bracketMatchId: p.bracketMatchId,
          explanation: p.explanation,
        }),
      ),
    );
    await em.insert(
      DebateTeam,
      planned.debates.flatMap((p, i) =>
        p.teams.map((t) => ({ debateId: debates[i].id, teamId: t.teamId, side: t.side })),
      ),
    );
    const panels = await this.allocate(
      em,
      tournament,
      seq,
      planned.debates.map((p, i) => ({ ...p, id: debates[i].id })),
    );
    if (panels.panels.length) await em.insert(DebateAdjudicator, panels.panels);
    const homeless = venues.length ? debates.filter((d) => d.venueId === null) : [];
    const venueConstraints = homeless.map((d) => ({
      constraint: 'venue',
      debateId: d.id,
      why: `${venues.length} active venue(s) for ${debates.length} debates: the least important debates have none`,
    }));
    if (panels.brokenConstraints.length || venueConstraints.length) {
      await em.update(
        Round,
        { id: round.id },
        { brokenConstraints: [...planned.brokenConstraints, ...panels.brokenConstraints, ...venueConstraints] },
      );
    }
    await em.update(Tournament, { id: tournament.id }, { status: kind === 'prelim' ? 'prelims' : 'elims' });
    return round;
  }

  private async planPrelim(em: EntityManager, tournament: Tournament, roundNumber: number, seed: string, seq: number) {
    const entered = (await loadEntries(em, tournament.id)).filter((e) => !e.withdrawn);
    const available = new Set(
      availableOf(
        entered.map((e) => e.teamId),
        await loadMarks(em, tournament.id, [seq], 'team'),
      ),
    );
    const entries = entered.filter((e) => available.has(e.teamId));
    // With everyone present the draw's own rules speak (byes, BP's swing teams); check-in must leave a drawable field.
    if (entries.length < entered.length) assertDrawable(tournament.formatSpec, entries.length, entered.length, seq);
    const confirmed = await loadConfirmed(em, tournament.id, false);
    const conflicts = await em.findBy(TournamentTeamConflict, { tournamentId: tournament.id });
    const draw = drawPrelimRound(
      tournament.formatSpec,
      {
        roundNumber,
        seed,
        teams: entries.map((e) => ({
          id: e.teamId,
          name: e.team.name,
          institution: e.team.institution,
          position: e.position,
          conflicts: conflicts.flatMap((c) =>
            c.teamId === e.teamId ? [c.otherTeamId] : c.otherTeamId === e.teamId ? [c.teamId] : [],
          ),
        })),
        confirmed,
      },
      tournament.rules,
    );
    return {
      name: null,
      debates: draw.debates.map((d) => ({ ...d, bracketMatchId: null })),
      brokenConstraints: draw.brokenConstraints,
    };
  }

  private async planElim(em: EntityManager, tournament: Tournament) {
    let bracket = tournament.bracket;
    const spec = tournament.formatSpec;
    if (!bracket) {
      if (tournament.level === 'national' && tournament.prelimRounds === 0) {
        throw DomainError.wrongState('the national bracket is seeded when every region has sent its qualifiers');
      }
      const tab = await loadTeamTab(em, tournament.id, false);
      if (tab.length < 2) throw DomainError.rule('at least two teams are needed for an elimination bracket');
      const size = breakSizeFor(spec, tournament.breakSize, tab.length);
      if (size < 2)
        throw DomainError.rule(
          `a ${tournament.format} elimination room needs ${spec.sides.length} teams; ${tab.length} are in the tab`,
        );
      const made = breakTeams(tab, size);
      bracket = createEliminationBracket(made.seeds, roomSizeOf(spec));
      await em.update(
        Tournament,
        { id: tournament.id },
        { bracket, breakReport: { breakSize: size, seeds: made.seeds, cutoffTie: made.cutoffTie } },
      );
    }
    const taken = new Set(
      (await em.findBy(Debate, { tournamentId: tournament.id })).map((d) => d.bracketMatchId).filter((m) => m !== null),
    );
    const ready = readyMatches(bracket).filter((m) => !taken.has(m.id));
    if (ready.length === 0) {
      throw DomainError.wrongState("no elimination debate is ready: confirm the current round's debates first");
    }
    const roundName = ready[0].roundName;
    const sides = spec.sides;
    return {
      name: roundName,
      debates: ready
        .filter((m) => m.roundName === roundName)
        .map((m, i) => ({
          room: i + 1,
          // The higher seed opens the debate.
          // A ready match has every slot filled.
          teams: m.teamIds.map((teamId, slot) => ({ side: sides[slot], teamId: teamId! })),
          explanation: [
            `${roundName}: ${m.seeds.map((seed) => `seed ${seed}`).join(' v ')}`,
            `positions by seed: ${m.seeds.map((seed, slot) => `${sides[slot]} seed ${seed}`).join(', ')}`,
          ],
          bracketMatchId: m.id,
          importance: 100 - i,
        })),
      brokenConstraints: [],
    };
  }

  /** Panels for the round, keeping judges off teams and off judges they conflict with. */
  private async allocate(
    em: EntityManager,
    tournament: Tournament,
    seq: number,
    debates: (PlannedDebate & { id: string })[],
  ) {
    if (!(await em.existsBy(TournamentAdjudicator, { tournamentId: tournament.id })))
      throw DomainError.rule('register adjudicators for this tournament before drawing a round');
    // Deactivated and checked-out judges are never allocated.
    const available = await availableJudgeIds(em, tournament.id, seq);
    if (available.length === 0)
      throw DomainError.field(
        DomainErrorCode.Conflict,
        'judgeIds',
        'NO_AVAILABLE_ADJUDICATORS',
        `judgeIds: no adjudicator of the pool is active and checked in for round ${seq}`,
      );
    const judges = await em.findBy(Judge, { id: In(available) });
    const teamIds = debates.flatMap((d) => d.teams.map((t) => t.teamId));
    const conflicts = await this.judges.conflicts(
      em,
      judges.map((j) => j.id),
      teamIds,
    );
    // Every (judge, team) pair of this tournament's earlier rounds: the allocation prices seeing a team again.
    const seen: { judgeId: string; teamId: string }[] = await em
      .createQueryBuilder(DebateAdjudicator, 'da')
      .innerJoin(Debate, 'd', 'd.id = da.debate_id')
      .innerJoin(DebateTeam, 'dt', 'dt.debate_id = da.debate_id')
      .select(['da.judge_id AS "judgeId"', 'dt.team_id AS "teamId"'])
      .distinct(true)
      .where('d.tournament_id = :id', { id: tournament.id })
      .getRawMany();
    return allocatePanels({
      debates: debates.map((d) => ({ id: d.id, importance: d.importance, teamIds: d.teams.map((t) => t.teamId) })),
      judges: judges.map((j) => ({ id: j.id, strength: j.strength })),
      teamConflicts: conflicts.map((c) => [c.judgeId, c.teamId] as const),
      seen: seen.map((p) => [p.judgeId, p.teamId] as const),
      judgeConflicts: await this.judges.judgeConflicts(
        em,
        judges.map((j) => j.id),
      ),
      options: tournament.rules.panels,
      panelSize: tournament.rules.panels?.panelSize,
    });
  }

  private async assertPreviousRoundDone(em: EntityManager, rounds: Round[]): Promise<void> {
    const last = rounds.at(-1);
    if (!last) return;
    if (last.status === 'draft')
      throw DomainError.wrongState(`round ${last.seq} is still a draft: release or regenerate it`);
    const open = await em.countBy(Debate, { roundId: last.id, status: 'pending' });
    if (open > 0) throw DomainError.wrongState(`round ${last.seq} has ${open} debate(s) without a confirmed result`);
  }

  /** The round, after its tournament (the lock order in tournament-data.ts). */
  private lockRound(em: EntityManager, tournamentId: string, seq: number): Promise<Round> {
    return lockRound(em, tournamentId, seq);
  }
}
