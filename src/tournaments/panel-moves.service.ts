import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DomainError, DomainErrorCode } from '../common/domain-error.js';
import { pageOfAll } from '../common/pagination.dto.js';
import { DEFAULT_PANEL_OPTIONS } from '../engine/panels/panel-allocation.js';
import { Judge } from '../judges/judge.entity.js';
import { JudgesService } from '../judges/judges.service.js';
import { Team } from '../teams/team.entity.js';
import { availableJudgeIds } from './availability-data.js';
import { Debate } from './debate.entity.js';
import { DebateAdjudicator, type PanelRole } from './debate-adjudicator.entity.js';
import { DebateTeam } from './debate-team.entity.js';
import type {
  PanelChangeView,
  PanelConflictView,
  PanelMoveDto,
  PanelRulesUpdateDto,
  PanelRulesView,
  RoundPanelsView,
} from './panel-moves.dto.js';
import { Round, type BrokenConstraint } from './round.entity.js';
import { Tournament } from './tournament.entity.js';
import { loadTournament, lockTournament } from './tournament-data.js';
import { Venue } from './venue.entity.js';

type Seats = Map<string, { debateId: string; role: PanelRole }>;

interface RoundState {
  round: Round;
  debates: Debate[];
  sides: DebateTeam[];
  seats: Seats;
}

const refused = (field: string | null, code: string, message: string) =>
  new DomainError(DomainErrorCode.Conflict, [message], [{ field, code, message }]);

const conflictKey = (c: PanelConflictView) => `${c.kind}:${c.debateId}:${c.judgeId}:${c.otherId}`;

/**
 * The organiser's hand on a draft round's panels: move, swap, chair, remove. A change that breaks a conflict is
 * accepted and reported (Tabbycat's way: the director decides), in the answer and in the round's brokenConstraints.
 */
@Injectable()
export class PanelMovesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly judges: JudgesService,
  ) {}

  async panels(tournamentId: string, seq: number): Promise<RoundPanelsView> {
    const em = this.dataSource.manager;
    await loadTournament(em, tournamentId);
    const state = await this.load(em, tournamentId, seq);
    return this.view(em, tournamentId, state, await this.conflicts(em, state));
  }

  /** `dryRun`: the same checks and answer, nothing written (a preview while the organiser drags a judge). */
  async change(tournamentId: string, seq: number, dto: PanelMoveDto, dryRun = false): Promise<PanelChangeView> {
    return this.dataSource.transaction(async (em) => {
      // The lock order of tournament-data.ts: the tournament row, then the round's; moves on one round queue here.
      await lockTournament(em, tournamentId);
      await em
        .createQueryBuilder(Round, 'r')
        .setLock('pessimistic_write')
        .where('r.tournament_id = :tournamentId AND r.seq = :seq', { tournamentId, seq })
        .getOne();
      const state = await this.load(em, tournamentId, seq);
      if (state.round.status !== 'draft')
        throw new DomainError(
          DomainErrorCode.WrongState,
          [`round ${seq} is ${state.round.status}: its panels no longer change`],
          [
            {
              field: null,
              code: 'ROUND_NOT_DRAFT',
              message: `round ${seq} is ${state.round.status}: its panels no longer change`,
            },
          ],
        );
      const before = await this.conflicts(em, state);
      const next = await this.apply(em, tournamentId, state, dto);
      const touched = new Set<string>();
      for (const [judgeId, seat] of state.seats) {
        const now = next.get(judgeId);
        if (!now || now.debateId !== seat.debateId || now.role !== seat.role) touched.add(seat.debateId);
      }
      for (const [judgeId, seat] of next) {
        const was = state.seats.get(judgeId);
        if (!was || was.debateId !== seat.debateId || was.role !== seat.role) touched.add(seat.debateId);
      }
      for (const debateId of touched) {
        const had = [...state.seats.values()].some((s) => s.debateId === debateId);
        const has = [...next.values()].some((s) => s.debateId === debateId);
        if (had && !has) {
          const room = state.debates.find((d) => d.id === debateId)!.room;
          throw refused(
            'judgeId',
            'PANEL_WOULD_BE_EMPTY',
            `judgeId: room ${room} would be left without a judge: move someone in first, or swap`,
          );
        }
      }
      const after = await this.conflicts(em, { ...state, seats: next });
      const had = new Set(before.map(conflictKey));
      const broken = after.filter((c) => !had.has(conflictKey(c)));
      const answer = async () => ({ ...(await this.view(em, tournamentId, { ...state, seats: next }, after)), broken });
      if (dryRun) return answer();
      if (touched.size) {
        await em.delete(DebateAdjudicator, { debateId: In([...touched]) });
        const rows = [...next]
          .filter(([, s]) => touched.has(s.debateId))
          .map(([judgeId, s]) => ({ debateId: s.debateId, judgeId, role: s.role }));
        if (rows.length) await em.insert(DebateAdjudicator, rows);
      }
      // The round view lists the conflicts its panels break now (the allocator's own notes are kept).
      const kept = state.round.brokenConstraints.filter((b) => b.constraint !== 'panel-conflict');
      const listed: BrokenConstraint[] = after.map((c) => ({
        constraint: 'panel-conflict',
        debateId: c.debateId,
        why: `${c.judgeName} (${c.judgeId}) sits in room ${c.room} with ${c.otherName} (${c.otherId}): ${c.kind} conflict, ${c.reason}`,
      }));
      await em.update(Round, { id: state.round.id }, { brokenConstraints: [...kept, ...listed] });
      return answer();
    });
  }

  async setPanelRules(tournamentId: string, dto: PanelRulesUpdateDto): Promise<PanelRulesView> {
    return this.dataSource.transaction(async (em) => {
      const tournament = await lockTournament(em, tournamentId);
      const current = tournament.rules.panels ?? {};
      const panels = {
        ...current,
        ...(dto.maxPanelSize !== undefined ? { maxPanelSize: dto.maxPanelSize } : {}),
        ...(dto.evenPanels !== undefined ? { evenPanels: dto.evenPanels } : {}),
      };
      if (dto.panelSize !== undefined) {
        if (dto.panelSize === 0) delete panels.panelSize;
        else panels.panelSize = dto.panelSize;
      }
      await em.update(Tournament, { id: tournamentId }, { rules: { ...tournament.rules, panels } });
      return {
        maxPanelSize: panels.maxPanelSize ?? DEFAULT_PANEL_OPTIONS.maxPanelSize,
        evenPanels: panels.evenPanels ?? DEFAULT_PANEL_OPTIONS.evenPanels,
        panelSize: panels.panelSize ?? null,
      };
    });
  }

  /** The seats after the change, checked against the round and the pool. */
  private async apply(em: EntityManager, tournamentId: string, state: RoundState, dto: PanelMoveDto): Promise<Seats> {
    const next: Seats = new Map([...state.seats].map(([id, s]) => [id, { ...s }]));
    const seatOf = (judgeId: string, field: string) => {
      const seat = next.get(judgeId);
      if (!seat)
        throw DomainError.invalid(`${field} must be a judge on a panel of round ${state.round.seq}, got ${judgeId}`);
      return seat;
    };
    if (dto.action === 'move') {
      const target = state.debates.find((d) => d.id === dto.toDebateId);
      if (!target)
        throw DomainError.invalid(`toDebateId must be a debate of round ${state.round.seq}, got ${dto.toDebateId}`);
      if (!next.has(dto.judgeId)) {
        const available = await availableJudgeIds(em, tournamentId, state.round.seq);
        if (!available.includes(dto.judgeId))
          throw refused(
            'judgeId',
            'JUDGE_NOT_AVAILABLE',
            `judgeId: ${dto.judgeId} is not an active adjudicator checked in for round ${state.round.seq}`,
          );
      }
      const from = next.get(dto.judgeId)?.debateId;
      next.delete(dto.judgeId);
      const role = dto.role ?? 'wing';
      if (role === 'chair') this.demoteChair(next, target.id);
      next.set(dto.judgeId, { debateId: target.id, role });
      if (from) await this.ensureChair(em, next, from);
      await this.ensureChair(em, next, target.id);
    } else if (dto.action === 'swap') {
      if (dto.otherJudgeId === dto.judgeId)
        throw DomainError.invalid('otherJudgeId must be another judge than judgeId');
      const a = seatOf(dto.judgeId, 'judgeId');
      const b = seatOf(dto.otherJudgeId!, 'otherJudgeId');
      next.set(dto.judgeId, { ...b });
      next.set(dto.otherJudgeId!, { ...a });
    } else if (dto.action === 'chair') {
      const seat = seatOf(dto.judgeId, 'judgeId');
      this.demoteChair(next, seat.debateId);
      seat.role = 'chair';
    } else {
      const seat = seatOf(dto.judgeId, 'judgeId');
      next.delete(dto.judgeId);
      await this.ensureChair(em, next, seat.debateId);
    }
    return next;
  }

  private demoteChair(seats: Seats, debateId: string): void {
    for (const seat of seats.values()) if (seat.debateId === debateId && seat.role === 'chair') seat.role = 'wing';
  }

  /** A panel that lost its chair is chaired by its strongest member (the allocator's rule). */
  private async ensureChair(em: EntityManager, seats: Seats, debateId: string): Promise<void> {
    const members = [...seats].filter(([, s]) => s.debateId === debateId);
    if (members.length === 0 || members.some(([, s]) => s.role === 'chair')) return;
    const judges = await em.findBy(Judge, { id: In(members.map(([id]) => id)) });
    const strongest = [...judges].sort((a, b) => b.strength - a.strength || a.id.localeCompare(b.id))[0];
    seats.get(strongest.id)!.role = 'chair';
  }

  private async load(em: EntityManager, tournamentId: string, seq: number): Promise<RoundState> {
    const round = await em.findOneBy(Round, { tournamentId, seq });
    if (!round) throw DomainError.notFound(`round ${seq} of tournament`, tournamentId);
    const debates = await em.find(Debate, { where: { roundId: round.id }, order: { room: 'ASC' } });
    const ids = debates.map((d) => d.id);
    const [panel, sides] = ids.length
      ? await Promise.all([
          em.findBy(DebateAdjudicator, { debateId: In(ids) }),
          em.findBy(DebateTeam, { debateId: In(ids) }),
        ])
      : [[], []];
    return {
      round,
      debates,
      sides,
      seats: new Map(panel.map((p) => [p.judgeId, { debateId: p.debateId, role: p.role }])),
    };
  }

  /** Every judge–team (declared, institution, mentor) and judge–judge conflict the round's panels break. */
  private async conflicts(em: EntityManager, state: RoundState): Promise<PanelConflictView[]> {
    const judgeIds = [...state.seats.keys()];
    const teamIds = state.sides.map((s) => s.teamId);
    const [teamConflicts, judgeConflicts, judges, teams] = await Promise.all([
      this.judges.conflicts(em, judgeIds, teamIds),
      this.judges.judgeConflicts(em, judgeIds),
      judgeIds.length ? em.findBy(Judge, { id: In(judgeIds) }) : [],
      teamIds.length ? em.findBy(Team, { id: In(teamIds) }) : [],
    ]);
    const judgeName = (id: string) => judges.find((j) => j.id === id)?.fullName ?? '';
    const out: PanelConflictView[] = [];
    for (const debate of state.debates) {
      const panel = [...state.seats].filter(([, s]) => s.debateId === debate.id).map(([id]) => id);
      const sides = state.sides.filter((s) => s.debateId === debate.id).map((s) => s.teamId);
      for (const c of teamConflicts) {
        if (!panel.includes(c.judgeId) || !sides.includes(c.teamId)) continue;
        out.push({
          debateId: debate.id,
          room: debate.room,
          kind: 'judge-team',
          judgeId: c.judgeId,
          judgeName: judgeName(c.judgeId),
          otherId: c.teamId,
          otherName: teams.find((t) => t.id === c.teamId)?.name ?? '',
          reason: c.reason,
        });
      }
      for (const [a, b] of judgeConflicts) {
        if (!panel.includes(a) || !panel.includes(b)) continue;
        out.push({
          debateId: debate.id,
          room: debate.room,
          kind: 'judge-judge',
          judgeId: a,
          judgeName: judgeName(a),
          otherId: b,
          otherName: judgeName(b),
          reason: 'declared',
        });
      }
    }
    return out.sort((x, y) => x.room - y.room || conflictKey(x).localeCompare(conflictKey(y)));
  }

  private async view(
    em: EntityManager,
    tournamentId: string,
    state: RoundState,
    conflicts: PanelConflictView[],
  ): Promise<RoundPanelsView> {
    const available = await availableJudgeIds(em, tournamentId, state.round.seq);
    const judgeIds = [...new Set([...state.seats.keys(), ...available])];
    const teamIds = state.sides.map((s) => s.teamId);
    const venueIds = state.debates.map((d) => d.venueId).filter((v) => v !== null);
    const [judges, teams, venues] = await Promise.all([
      judgeIds.length ? em.findBy(Judge, { id: In(judgeIds) }) : [],
      teamIds.length ? em.findBy(Team, { id: In(teamIds) }) : [],
      venueIds.length ? em.findBy(Venue, { id: In(venueIds) }) : [],
    ]);
    const name = (id: string) => judges.find((j) => j.id === id)?.fullName ?? '';
    const items = state.debates.map((d) => ({
      id: d.id,
      room: d.room,
      venue: venues.find((v) => v.id === d.venueId)?.name ?? null,
      teams: state.sides
        .filter((s) => s.debateId === d.id)
        .map((s) => ({ teamId: s.teamId, teamName: teams.find((t) => t.id === s.teamId)?.name ?? '', side: s.side })),
      panel: [...state.seats]
        .filter(([, s]) => s.debateId === d.id)
        .map(([judgeId, s]) => ({ judgeId, name: name(judgeId), role: s.role }))
        .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'chair' ? -1 : 1)),
      conflicts: conflicts.filter((c) => c.debateId === d.id),
    }));
    return {
      seq: state.round.seq,
      status: state.round.status,
      ...pageOfAll(items),
      unallocated: available
        .filter((id) => !state.seats.has(id))
        .map((judgeId) => ({ judgeId, name: name(judgeId) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }
}
