import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { advanceFromRooms } from '../engine/case-scoring/advancement.js';
import { planHeats } from '../engine/case-scoring/heats.js';
import { roomDiagnostics } from '../engine/case-scoring/jury-diagnostics.js';
import { JudgesService } from '../judges/judges.service.js';
import { LivePublisher } from '../live/live-publisher.js';
import { Team } from '../teams/team.entity.js';
import { CaseChampionship, CaseEntry, CaseJuror, CaseScoresheet } from './case-championship.entity.js';
import { AdvanceDto, MoveInRoomsDto, PlanRoomsDto, RoomsView } from './case-room.dto.js';
import { CaseRoom } from './case-room.entity.js';
import { CaseRoomJuror } from './case-room-juror.entity.js';
import { CaseRoomTeam } from './case-room-team.entity.js';
import { lockChampionship, loadRoomOf } from './case-championship-data.js';
import { computeStandings, slotTime } from './case-scoring.js';

/**
 * Qualifying rooms of a case championship: planning them (teams and juries), moving a team or a juror before scoring
 * starts, the schedule, and closing the stage into a final.
 */
@Injectable()
export class CaseRoomsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly judges: JudgesService,
    private readonly live: LivePublisher,
  ) {}

  /** Splits the entries into rooms and seats a jury in each; a new plan replaces the last one (draft only). */
  async plan(id: string, dto: PlanRoomsDto): Promise<RoomsView> {
    await this.dataSource.transaction(async (em) => {
      const championship = await this.lockDraft(em, id);
      // Deactivated teams and jurors keep their history but take no seat in a new plan.
      const entries = await em.find(CaseEntry, {
        where: { championshipId: id, active: true },
        relations: { team: true },
      });
      if (entries.length < 2) throw DomainError.rule('register at least two teams before planning rooms');
      const pool = await em.find(CaseJuror, {
        where: { championshipId: id, active: true },
        relations: { judge: true },
      });
      const conflicts = await this.judges.conflicts(
        em,
        pool.map((j) => j.judgeId),
        entries.map((e) => e.teamId),
      );
      const settings = {
        roomSize: dto.roomSize,
        panelSize: dto.panelSize,
        seed: dto.seed ?? randomUUID(),
        firstSlotAt: dto.firstSlotAt ? new Date(dto.firstSlotAt).toISOString() : null,
        slotMinutes: dto.slotMinutes ?? 15,
      };
      // Sorted by id, so the plan depends on the seed alone, not on the order rows come back in.
      const byId = <T extends { teamId?: string; judgeId?: string }>(a: T, b: T) =>
        (a.teamId ?? a.judgeId ?? '') < (b.teamId ?? b.judgeId ?? '') ? -1 : 1;
      const plan = planHeats({
        entries: entries
          .map((e) => ({ teamId: e.teamId, oblastCode: e.team.oblastCode, institution: e.team.institution }))
          .sort(byId),
        roomSize: settings.roomSize,
        jurors: pool
          .map((j) => ({ judgeId: j.judgeId, regionCode: j.judge.regionCode, strength: j.judge.strength }))
          .sort(byId),
        panelSize: settings.panelSize,
        conflicts,
        seed: settings.seed,
      });
      await em.delete(CaseRoom, { championshipId: id });
      for (const room of plan.rooms) {
        const saved = await em.save(em.create(CaseRoom, { championshipId: id, number: room.room }));
        await em.insert(
          CaseRoomTeam,
          room.teamIds.map((teamId, slot) => ({ championshipId: id, teamId, roomId: saved.id, slot })),
        );
        if (room.judgeIds.length)
          await em.insert(
            CaseRoomJuror,
            room.judgeIds.map((judgeId) => ({ championshipId: id, judgeId, roomId: saved.id })),
          );
      }
      await em.update(
        CaseChampionship,
        { id },
        { stage: 'qualifying', roomSettings: settings, version: championship.version + 1 },
      );
    });
    return this.view(id, true);
  }

  /** Moves one team or one juror to another room before scoring starts; the view lists the conflicts that leaves. */
  async move(id: string, dto: MoveInRoomsDto): Promise<RoomsView> {
    await this.dataSource.transaction(async (em) => {
      await this.lockDraft(em, id);
      const target = await em.findOneBy(CaseRoom, { championshipId: id, number: dto.toRoom });
      if (!target) throw DomainError.notFound('room', String(dto.toRoom));
      if (dto.teamId) {
        const seat = await em.findOneBy(CaseRoomTeam, { championshipId: id, teamId: dto.teamId });
        if (!seat) throw DomainError.notFound('team in a room', dto.teamId);
        const last = await em.count(CaseRoomTeam, { where: { championshipId: id, roomId: target.id } });
        await em.update(CaseRoomTeam, { championshipId: id, teamId: dto.teamId }, { roomId: target.id, slot: last });
      } else if (dto.judgeId) {
        const seat = await em.findOneBy(CaseRoomJuror, { championshipId: id, judgeId: dto.judgeId });
        if (seat) await em.update(CaseRoomJuror, { championshipId: id, judgeId: dto.judgeId }, { roomId: target.id });
        else if (await em.existsBy(CaseJuror, { championshipId: id, judgeId: dto.judgeId, active: true })) {
          await em.insert(CaseRoomJuror, { championshipId: id, judgeId: dto.judgeId, roomId: target.id });
        } else throw DomainError.notFound('juror of this championship', dto.judgeId);
      }
    });
    return this.view(id, true);
  }

  /**
   * Closes the qualifying stage: the standing across rooms (per-juror normalisation) decides who goes to the final by
   * the rule given; every seated team must have been scored by its room's jury first.
   */
  async advance(id: string, dto: AdvanceDto): Promise<RoomsView> {
    await this.dataSource.transaction(async (em) => {
      const championship = await lockChampionship(em, id);
      if (championship.stage !== 'qualifying' || championship.status !== 'scoring') {
        throw DomainError.wrongState(
          `only a qualifying stage in scoring can be closed; this championship is ${championship.status}, stage ${championship.stage}`,
        );
      }
      const roomOf = await loadRoomOf(em, id);
      const inactive = await em.findBy(CaseEntry, { championshipId: id, active: false });
      for (const entry of inactive) roomOf.delete(entry.teamId);
      const teams = await em.findBy(Team, { id: In([...roomOf.keys()]) });
      const sheets = await em.findBy(CaseScoresheet, { championshipId: id, stage: 'qualifying' });
      const scored = new Set(sheets.map((s) => s.teamId));
      const unscored = teams
        .filter((t) => !scored.has(t.id))
        .map((t) => t.name)
        .sort();
      if (unscored.length)
        throw DomainError.conflict(
          `every team needs its room's scores before the stage closes; not scored yet: ${unscored.join(', ')}`,
        );
      if (dto.finalJudgeIds?.length) {
        const pool = new Set((await em.findBy(CaseJuror, { championshipId: id, active: true })).map((j) => j.judgeId));
        const outside = dto.finalJudgeIds.filter((judgeId) => !pool.has(judgeId));
        if (outside.length)
          throw DomainError.rule(`finalJudgeIds: not on this championship's jury: ${outside.join(', ')}`);
      }
      const standing = computeStandings(championship, teams, sheets, 'rooms', roomOf);
      const byId = new Map(teams.map((t) => [t.id, t]));
      const ranked = standing.rows
        .filter((r) => r.rank !== null && r.teamId !== null)
        .map((r) => ({
          teamId: r.teamId!,
          rank: r.rank!,
          room: r.room,
          roomRank: r.roomRank,
          oblastCode: byId.get(r.teamId!)!.oblastCode,
          rural: byId.get(r.teamId!)!.rural,
        }));
      const rule =
        dto.rule === 'top'
          ? { kind: 'top' as const, count: dto.count! }
          : { kind: 'perRoom' as const, perRoom: dto.perRoom!, wildcards: dto.wildcards ?? 0 };
      const finalists = advanceFromRooms(ranked, rule);
      await em.update(
        CaseChampionship,
        { id },
        {
          stage: 'final',
          finalists,
          advancement: rule,
          finalJury: dto.finalJudgeIds ?? [],
          version: championship.version + 1,
        },
      );
      await this.live.record(em, 'championship', id, 'stage', {
        stage: 'final',
        finalists: finalists.map((f) => f.teamId),
      });
    });
    this.live.announce(`championship:${id}`);
    return this.view(id, true);
  }

  /** The schedule (public) or the full plan (organiser: jurors, conflicts, diagnostics); room results once closed. */
  async view(id: string, organiser: boolean): Promise<RoomsView> {
    const em = this.dataSource.manager;
    const championship = await em.findOneBy(CaseChampionship, { id });
    if (!championship) throw DomainError.notFound('case championship', id);
    const rooms = await em.find(CaseRoom, { where: { championshipId: id }, order: { number: 'ASC' } });
    const seats = await em.find(CaseRoomTeam, {
      where: { championshipId: id },
      relations: { team: true },
      order: { slot: 'ASC' },
    });
    const jurorSeats = await em.find(CaseRoomJuror, { where: { championshipId: id }, relations: { judge: true } });
    const roomNumber = new Map(rooms.map((r) => [r.id, r.number]));
    const roomOf = new Map(seats.map((s) => [s.teamId, roomNumber.get(s.roomId)!]));
    const resultsPublic = championship.stage === 'final' || championship.status === 'finalised';
    const sheets = await em.findBy(CaseScoresheet, { championshipId: id, stage: 'qualifying' });
    const results =
      resultsPublic || organiser
        ? new Map(
            computeStandings(
              championship,
              seats.map((s) => s.team),
              sheets,
              'rooms',
              roomOf,
            )
              .rows.filter((r) => r.teamId)
              .map((r) => [r.teamId!, r]),
          )
        : new Map();
    const settings = championship.roomSettings;
    const names = new Map(seats.map((s) => [s.teamId, s.team.name]));
    const conflicts = organiser
      ? (
          await this.judges.conflicts(
            em,
            jurorSeats.map((j) => j.judgeId),
            seats.map((s) => s.teamId),
          )
        )
          .filter(
            (c) => roomOf.get(c.teamId) === roomNumber.get(jurorSeats.find((j) => j.judgeId === c.judgeId)!.roomId),
          )
          .map((c) => ({
            room: roomOf.get(c.teamId)!,
            judgeId: c.judgeId,
            judgeName: jurorSeats.find((j) => j.judgeId === c.judgeId)!.judge.fullName,
            teamId: c.teamId,
            teamName: names.get(c.teamId) ?? '',
            reason: c.reason,
          }))
      : [];
    const panelSize = settings?.panelSize ?? 0;
    return {
      championshipId: id,
      stage: championship.stage,
      resultsPublic,
      rooms: rooms.map((room) => ({
        number: room.number,
        teams: seats
          .filter((s) => s.roomId === room.id)
          .sort((a, b) => a.slot - b.slot)
          .map((s, slot) => {
            const row = results.get(s.teamId);
            return {
              teamId: s.teamId,
              teamName: s.team.name,
              oblastCode: s.team.oblastCode,
              slot,
              startsAt: slotTime(championship, slot),
              roomRank: row?.roomRank ?? null,
              total: row?.total ?? null,
            };
          }),
        jurors: organiser
          ? jurorSeats
              .filter((j) => j.roomId === room.id)
              .map((j) => ({
                judgeId: j.judgeId,
                fullName: j.judge.fullName,
                regionCode: j.judge.regionCode,
                strength: j.judge.strength,
              }))
              .sort((a, b) => a.fullName.localeCompare(b.fullName))
          : [],
      })),
      conflicts,
      shortfalls: organiser
        ? rooms
            .map((room) => ({
              room: room.number,
              missing: panelSize - jurorSeats.filter((j) => j.roomId === room.id).length,
            }))
            .filter((s) => s.missing > 0)
            .map((s) => ({
              ...s,
              reason: 'fewer jurors than the panel size: add jurors to the pool and re-plan, or move one here',
            }))
        : [],
      diagnostics: organiser ? roomDiagnostics(championship.criteria, sheets, roomOf) : [],
      finalists: championship.finalists.map((f) => ({
        teamId: f.teamId,
        teamName: names.get(f.teamId) ?? '',
        placedBy: f.placedBy,
      })),
    };
  }

  /** The juror's room and its schedule, for the judge's screen. */
  async roomOfJuror(
    em: EntityManager,
    championshipId: string,
    judgeId: string,
  ): Promise<{ number: number; teamIds: string[] } | null> {
    const seat = await em.findOneBy(CaseRoomJuror, { championshipId, judgeId });
    if (!seat) return null;
    const room = await em.findOneByOrFail(CaseRoom, { id: seat.roomId });
    const teams = await em.find(CaseRoomTeam, { where: { roomId: seat.roomId }, order: { slot: 'ASC' } });
    return { number: room.number, teamIds: teams.map((t) => t.teamId) };
  }

  private async lockDraft(em: EntityManager, id: string): Promise<CaseChampionship> {
    const championship = await lockChampionship(em, id);
    if (championship.status !== 'draft') {
      throw DomainError.wrongState(`rooms are fixed once scoring starts; the championship is ${championship.status}`);
    }
    return championship;
  }
}
