import { ageBandProblems, bandKey, DEFAULT_AGE_BANDS, teamAgeGroup } from '../engine/age-groups/age-groups.js';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { actorNames } from '../auth/actor-names.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/domain-error.js';
import { entityFromRow } from '../common/entity-row.js';
import { IdempotencyService, StoredAnswer } from '../common/idempotency.js';
import { filters, type Page, pageOfAll } from '../common/pagination.dto.js';
import { updateVersioned } from '../common/versioned-update.js';
import { Judge } from '../judges/judge.entity.js';
import { conflictFactsSql, conflictsFrom, JudgesService, type ConflictFacts } from '../judges/judges.service.js';
import { LivePublisher } from '../live/live-publisher.js';
import { LiveSnapshots } from '../live/live-snapshots.js';
import { RegionsService } from '../regions/regions.service.js';
import { Team } from '../teams/team.entity.js';
import {
  CaseChampionshipQuery,
  CaseEntryDto,
  CaseJuryDto,
  CreateCaseChampionshipDto,
  ScoresheetDto,
  UpdateScoringOptionsDto,
} from './case-championship.dto.js';
import {
  CaseChampionship,
  CaseEntry,
  CaseJuror,
  CaseScoresheet,
  CaseScoresheetAudit,
  CaseChampionshipAudit,
  type RubricCriterion,
  type SheetStage,
} from './case-championship.entity.js';
import type { ChampionshipProgress } from './case-progress.dto.js';
import { CaseRoom } from './case-room.entity.js';
import { CaseRoomJuror } from './case-room-juror.entity.js';
import { lockChampionship, loadRoomOf } from './case-championship-data.js';
import { CaseRoomsService } from './case-rooms.service.js';
import {
  assertCurrentVersion,
  assertSeatAndEntry,
  assertSheetScores,
  stageOutsideRooms,
} from './scoresheet-admission.js';
import { ScoresheetGroupCommit, sheetScope, type SheetSubmission } from './scoresheet-group-commit.js';
import { writeSheets } from './scoresheet-writes.js';
import { loadUnscored, unscoredError } from './finalisation.js';
import type { ChampionshipAuditEntryDto, FinaliseDto } from './finalisation.dto.js';
import {
  ChampionshipView,
  championshipView,
  computeStandings,
  criterionView,
  defaultRubric,
  publicStandings,
  StandingsView,
  slotTime,
  juryReport,
  JurorReport,
} from './case-scoring.js';

export interface ScoresheetView {
  id: string;
  championshipId: string;
  teamId: string;
  judgeId: string;
  scores: Record<string, number>;
  comment: string | null;
  version: number;
  submittedAt: string;
}

/** A scoresheet on the organiser's list: the team's and the juror's names beside their ids. */
export interface ScoresheetEntry extends ScoresheetView {
  teamName: string;
  judgeName: string;
}

export interface CaseAuditEntry {
  scoresheetId: string;
  teamId: string;
  teamName: string;
  judgeId: string;
  judgeName: string;
  actor: string;
  actorName: string | null;
  version: number;
  at: string;
  before: CaseScoresheetAudit['before'];
  after: CaseScoresheetAudit['after'];
}

const sheetView = (s: CaseScoresheet): ScoresheetView => ({
  id: s.id,
  championshipId: s.championshipId,
  teamId: s.teamId,
  judgeId: s.judgeId,
  scores: s.scores,
  comment: s.comment,
  version: s.version,
  submittedAt: new Date(s.submittedAt).toISOString(),
});

/** A first sheet met another first sheet of the same juror's, written at the same moment. */
class SheetRace extends Error {}

@Injectable()
export class CaseChampionshipsService implements OnModuleInit {
  constructor(
    @InjectRepository(CaseChampionship) private readonly championships: Repository<CaseChampionship>,
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly judges: JudgesService,
    private readonly idempotency: IdempotencyService,
    private readonly live: LivePublisher,
    private readonly snapshots: LiveSnapshots,
    private readonly rooms: CaseRoomsService,
    private readonly groupCommit: ScoresheetGroupCommit,
  ) {}

  onModuleInit(): void {
    this.snapshots.register('championship', {
      snapshot: async (em, id) => {
        const championship = await this.load(em, id);
        const view = await this.view(em, championship, true);
        return {
          // The board shows each criterion in the audience's language (the view carries kk/ru/en names).
          championship: view,
          standings: await this.standingsFor(em, championship, false),
        };
      },
      standings: async (em, id) => ({ standings: await this.standingsFor(em, await this.load(em, id), false) }),
    });
  }

  async create(dto: CreateCaseChampionshipDto): Promise<ChampionshipView> {
    const criteria: RubricCriterion[] = dto.criteria ?? defaultRubric();
    const keys = criteria.map((c) => c.key);
    const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
    if (duplicate) throw DomainError.invalid(`criteria: key "${duplicate}" appears twice`);
    const tieBreak =
      dto.options?.tieBreakCriteria ?? [...criteria].sort((a, b) => b.weight - a.weight).map((c) => c.key);
    const unknown = tieBreak.find((k) => !keys.includes(k));
    if (unknown) throw DomainError.invalid(`options.tieBreakCriteria: "${unknown}" is not a criterion key`);
    const ageBands = (dto.ageBands ?? DEFAULT_AGE_BANDS).map(({ from, to }) => ({ from, to }));
    const bandProblems = ageBandProblems(ageBands);
    if (bandProblems.length > 0) throw DomainError.invalid(...bandProblems);
    if (dto.ageGroup !== undefined && !ageBands.some((band) => bandKey(band) === dto.ageGroup))
      throw DomainError.invalid(
        `ageGroup: "${dto.ageGroup}" is not one of ageBands (${ageBands.map(bandKey).join(', ')})`,
      );
    return this.dataSource.transaction(async (em) => {
      await this.regions.assertRegion(em, dto.regionCode);
      const saved = await em.save(
        em.create(CaseChampionship, {
          title: dto.title.trim(),
          regionCode: dto.regionCode,
          ageGroup: dto.ageGroup ?? null,
          ageBands,
          ageReferenceDate: dto.ageReferenceDate ?? new Date().toISOString().slice(0, 10),
          qualifierSlots: dto.qualifierSlots,
          criteria,
          options: {
            dropHighLow: dto.options?.dropHighLow ?? false,
            normaliseJudges: dto.options?.normaliseJudges ?? false,
            tieBreakCriteria: tieBreak,
            roomNormalisation: dto.options?.roomNormalisation ?? 'z-scores',
            quotas: { ...dto.options?.quotas },
          },
          reveal: { frozen: false, frozenAt: null, revealed: 0 },
        }),
      );
      return this.view(em, saved);
    });
  }

  async list(query: CaseChampionshipQuery, organiser: boolean): Promise<Page<ChampionshipView>> {
    const [rows, total] = await this.championships.findAndCount({
      where: filters({ regionCode: query.regionCode, status: query.status }),
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    const em = this.dataSource.manager;
    return { items: await Promise.all(rows.map((c) => this.view(em, c, !organiser))), total };
  }

  async get(id: string, organiser = true): Promise<ChampionshipView> {
    const em = this.dataSource.manager;
    return this.view(em, await this.load(em, id), !organiser);
  }

  async updateOptions(id: string, dto: UpdateScoringOptionsDto): Promise<ChampionshipView> {
    const room = await this.dataSource.transaction(async (em) => {
      const championship = await this.load(em, id);
      if (championship.status === 'finalised')
        throw DomainError.wrongState('the championship is finalised: options are locked');
      const keys = championship.criteria.map((c) => c.key);
      const unknown = dto.tieBreakCriteria?.find((k) => !keys.includes(k));
      if (unknown) throw DomainError.invalid(`tieBreakCriteria: "${unknown}" is not a criterion key`);
      const options = {
        dropHighLow: dto.dropHighLow ?? championship.options.dropHighLow,
        normaliseJudges: dto.normaliseJudges ?? championship.options.normaliseJudges,
        tieBreakCriteria: dto.tieBreakCriteria ?? championship.options.tieBreakCriteria,
        roomNormalisation: dto.roomNormalisation ?? championship.options.roomNormalisation ?? 'z-scores',
        quotas: dto.quotas ? { ...dto.quotas } : (championship.options.quotas ?? {}),
      };
      await this.bumpVersion(em, id, dto.version, { options });
      return id;
    });
    this.live.standingsChanged('championship', room);
    return this.get(id);
  }

  async addEntry(id: string, dto: CaseEntryDto): Promise<ChampionshipView> {
    return this.dataSource.transaction(async (em) => {
      const championship = await this.lockForSetup(em, id);
      const team = await em.findOne(Team, { where: { id: dto.teamId }, relations: { members: true } });
      if (!team) throw DomainError.notFound('team', dto.teamId);
      if (team.regionCode !== championship.regionCode) {
        throw DomainError.rule(
          `teamId: team "${team.name}" is from region ${team.regionCode}; this championship is for ${championship.regionCode}`,
        );
      }
      if (championship.ageGroup) {
        const group = teamAgeGroup(
          team.members.map((m) => m.birthDate),
          championship.ageReferenceDate,
          championship.ageBands,
        );
        if (group.ageGroup !== championship.ageGroup)
          throw DomainError.rule(
            `teamId: team "${team.name}" is ${group.ageGroup ? `in age group ${group.ageGroup}` : 'in none of its age groups'} on ${championship.ageReferenceDate}; this championship is for ${championship.ageGroup}`,
          );
      }
      const added = await em
        .createQueryBuilder()
        .insert()
        .into(CaseEntry)
        .values({ championshipId: id, teamId: team.id })
        .orIgnore()
        .execute();
      if (added.identifiers.length) await this.dropRoomPlan(em, championship);
      return this.view(em, championship);
    });
  }

  async seatJury(id: string, dto: CaseJuryDto): Promise<ChampionshipView> {
    return this.dataSource.transaction(async (em) => {
      const championship = await this.lockForSetup(em, id);
      await this.judges.requireAll(em, dto.judgeIds);
      await em
        .createQueryBuilder()
        .insert()
        .into(CaseJuror)
        .values(dto.judgeIds.map((judgeId) => ({ championshipId: id, judgeId })))
        .orIgnore()
        .execute();
      return this.view(em, championship);
    });
  }

  async startScoring(id: string): Promise<ChampionshipView> {
    const view = await this.dataSource.transaction(async (em) => {
      const championship = await this.lockForSetup(em, id);
      const entries = await em.countBy(CaseEntry, { championshipId: id, active: true });
      const jurors = await em.countBy(CaseJuror, { championshipId: id, active: true });
      if (entries < 1) throw DomainError.rule('register at least one team before scoring starts');
      if (jurors < 1) throw DomainError.rule('seat at least one juror before scoring starts');
      if (championship.stage === 'qualifying') {
        const rooms = await em.find(CaseRoom, { where: { championshipId: id }, order: { number: 'ASC' } });
        const seated = new Set((await em.findBy(CaseRoomJuror, { championshipId: id })).map((j) => j.roomId));
        const empty = rooms.filter((room) => !seated.has(room.id)).map((room) => room.number);
        if (rooms.length === 0) throw DomainError.rule('plan the qualifying rooms before scoring starts');
        if (empty.length)
          throw DomainError.rule(`rooms without a juror: ${empty.join(', ')}; add jurors and re-plan, or move one in`);
      }
      championship.status = 'scoring';
      await this.bumpVersion(em, id, championship.version, { status: 'scoring' });
      return this.view(em, { ...championship, version: championship.version + 1 });
    });
    return view;
  }

  /** A juror's sheet, idempotent per Idempotency-Key; a re-submission replaces it and is audited. */
  async submitScoresheet(
    id: string,
    teamId: string,
    judge: Principal,
    dto: ScoresheetDto,
    idempotencyKey: string | undefined,
  ): Promise<ScoresheetView> {
    const submission: SheetSubmission = { championshipId: id, teamId, judgeId: judge.id, dto, key: idempotencyKey };
    const batched = await this.groupCommit.submit(submission);
    if (batched) return batched;
    try {
      return await this.submitSheetOnce(submission);
    } catch (error) {
      // A juror's first sheet met another first sheet of theirs written at the same moment: this attempt rolled back
      // (its key with it) and runs again, replacing that one like any re-submission.
      if (error instanceof SheetRace) return this.submitSheetOnce(submission);
      throw error;
    }
  }

  private async submitSheetOnce({
    championshipId: id,
    teamId,
    judgeId,
    dto,
    key,
  }: SheetSubmission): Promise<ScoresheetView> {
    const { value, replayed } = await this.idempotency.run<ScoresheetView, { championship: Record<string, unknown> }>(
      { scope: sheetScope(judgeId, id, teamId), key, body: dto },
      async (em, { claim, first: [locked] }) => {
        if (!locked) throw DomainError.notFound('case championship', id);
        const championship = entityFromRow(em, CaseChampionship, locked.championship);
        // Read after the lock, in a statement of its own: it sees every change committed before the lock was granted.
        const [{ seat, entry, conflictFacts }] = (await em.query(
          `SELECT
             (SELECT json_build_object('active', j.active) FROM case_jurors j
                WHERE j.championship_id = $1 AND j.judge_id = $2) AS seat,
             (SELECT json_build_object('active', e.active) FROM case_entries e
                WHERE e.championship_id = $1 AND e.team_id = $3) AS entry,
             (SELECT to_jsonb(f) FROM (${conflictFactsSql('ARRAY[$2::uuid]', 'ARRAY[$3::uuid]')}) f) AS "conflictFacts"`,
          [id, judgeId, teamId],
        )) as { seat: { active: boolean } | null; entry: { active: boolean } | null; conflictFacts: ConflictFacts }[];
        assertSeatAndEntry(championship, teamId, { seat, entry });
        const stage = await this.sheetStageFor(em, championship, judgeId, teamId);
        assertSheetScores(championship, dto, conflictsFrom(conflictFacts));
        // The version it replaces, locked: a sheet sent against another version is refused.
        const [current] = (await em.query(
          `SELECT version FROM case_scoresheets
            WHERE championship_id = $1 AND stage = $2 AND team_id = $3 AND judge_id = $4 FOR UPDATE`,
          [id, stage, teamId, judgeId],
        )) as { version: number }[];
        const previous = current?.version ?? null;
        assertCurrentVersion(teamId, dto, previous);
        // The sheet, its audit row, the live event and the stored answer in one statement (`writeSheets`, as a batch).
        const written = await writeSheets(em, [{ championshipId: id, stage, teamId, judgeId, dto, previous, claim }]);
        if (!written.asPlanned) throw new SheetRace();
        await this.live.appendedRooms(em, written.rooms);
        const view = written.views[0]!;
        return claim ? new StoredAnswer(view) : view;
      },
      // FOR SHARE, taken with the key's claim: finalise takes FOR UPDATE, so no sheet slips in after the
      // championship is locked.
      { sql: `SELECT to_jsonb(c) AS championship FROM case_championships c WHERE c.id = $1 FOR SHARE`, params: [id] },
    );
    if (!replayed) {
      this.live.announce(`championship:${id}`);
      this.live.standingsChanged('championship', id);
    }
    return value;
  }

  async judgeAssignments(id: string, judge: Principal) {
    const em = this.dataSource.manager;
    const championship = await this.load(em, id);
    if (!(await em.existsBy(CaseJuror, { championshipId: id, judgeId: judge.id, active: true }))) {
      throw DomainError.forbidden("you are not on this championship's jury");
    }
    let entries = await em.find(CaseEntry, { where: { championshipId: id, active: true }, relations: { team: true } });
    const stage = this.currentSheetStage(championship);
    // In rooms a juror scores their own room; in the final, the finalists (when on the final jury).
    const room = championship.stage === 'qualifying' ? await this.rooms.roomOfJuror(em, id, judge.id) : null;
    if (championship.stage === 'qualifying') entries = entries.filter((e) => room?.teamIds.includes(e.teamId));
    if (championship.stage === 'final') {
      const finalists = new Set(championship.finalists.map((f) => f.teamId));
      const onFinalJury = championship.finalJury.length === 0 || championship.finalJury.includes(judge.id);
      entries = onFinalJury ? entries.filter((e) => finalists.has(e.teamId)) : [];
    }
    if (room) entries.sort((a, b) => room.teamIds.indexOf(a.teamId) - room.teamIds.indexOf(b.teamId));
    const sheets = await em.findBy(CaseScoresheet, { championshipId: id, judgeId: judge.id, stage });
    const conflicts = await this.judges.conflicts(
      em,
      [judge.id],
      entries.map((e) => e.teamId),
    );
    return {
      championshipId: id,
      status: championship.status,
      stage: championship.stage,
      room: room?.number ?? null,
      criteria: championship.criteria.map(criterionView),
      teams: entries
        .map((e) => ({
          teamId: e.teamId,
          teamName: e.team.name,
          ...(room
            ? { slot: room.teamIds.indexOf(e.teamId), startsAt: slotTime(championship, room.teamIds.indexOf(e.teamId)) }
            : {}),
          conflict: conflicts.find((c) => c.teamId === e.teamId)?.reason ?? null,
          scoresheet: sheets.find((s) => s.teamId === e.teamId)
            ? sheetView(sheets.find((s) => s.teamId === e.teamId)!)
            : null,
        }))
        // A room keeps its order of presentation; otherwise alphabetical.
        .sort((a, b) => (room ? 0 : a.teamName.localeCompare(b.teamName))),
    };
  }

  /** Juror × team for the stage being scored: each juror's own assignments (room, final jury, conflicts) side by side. */
  async progress(id: string): Promise<ChampionshipProgress> {
    const em = this.dataSource.manager;
    const championship = await this.load(em, id);
    const jury = await em.findBy(CaseJuror, { championshipId: id });
    const judges = jury.length ? await em.findBy(Judge, { id: In(jury.map((j) => j.judgeId)) }) : [];
    const entries = await em.find(CaseEntry, { where: { championshipId: id }, relations: { team: true } });
    const cells: ChampionshipProgress['cells'] = [];
    const jurors: ChampionshipProgress['jurors'] = [];
    for (const judge of [...judges].sort((a, b) => a.fullName.localeCompare(b.fullName))) {
      const work = await this.judgeAssignments(id, { id: judge.id, role: 'judge' });
      for (const team of work.teams)
        cells.push({
          judgeId: judge.id,
          teamId: team.teamId,
          state: team.conflict ? 'conflict' : team.scoresheet ? 'scored' : 'due',
          conflict: team.conflict,
        });
      const mine = cells.filter((c) => c.judgeId === judge.id);
      jurors.push({
        judgeId: judge.id,
        fullName: judge.fullName,
        done: mine.filter((c) => c.state === 'scored').length,
        due: mine.filter((c) => c.state !== 'conflict').length,
      });
    }
    return {
      championshipId: id,
      status: championship.status,
      jurors,
      teams: entries
        .map((e) => ({ teamId: e.teamId, teamName: e.team.name }))
        .sort((a, b) => a.teamName.localeCompare(b.teamName)),
      cells,
    };
  }

  async scoresheets(id: string): Promise<ScoresheetEntry[]> {
    const em = this.dataSource.manager;
    await this.load(em, id);
    const rows = await em.find(CaseScoresheet, {
      where: { championshipId: id },
      order: { teamId: 'ASC', judgeId: 'ASC' },
    });
    const names = await this.names(em, rows);
    return rows.map((s) => ({ ...sheetView(s), teamName: names.team(s.teamId), judgeName: names.judge(s.judgeId) }));
  }

  async audit(id: string): Promise<CaseAuditEntry[]> {
    const em = this.dataSource.manager;
    await this.load(em, id);
    const rows = await em.find(CaseScoresheetAudit, {
      where: { championshipId: id },
      order: { at: 'ASC', version: 'ASC' },
    });
    const names = await this.names(em, rows);
    const actors = await actorNames(
      em,
      rows.map((r) => r.actor),
    );
    return rows.map((r) => ({
      scoresheetId: r.scoresheetId,
      teamId: r.teamId,
      teamName: names.team(r.teamId),
      judgeId: r.judgeId,
      judgeName: names.judge(r.judgeId),
      actor: r.actor,
      actorName: actors.get(r.actor) ?? null,
      version: r.version,
      at: r.at.toISOString(),
      before: r.before,
      after: r.after,
    }));
  }

  /** Names of the teams and jurors of some sheets, for lists a person reads. */
  private async names(em: EntityManager, rows: { teamId: string; judgeId: string }[]) {
    const teamIds = [...new Set(rows.map((r) => r.teamId))];
    const judgeIds = [...new Set(rows.map((r) => r.judgeId))];
    const teams = teamIds.length
      ? await em.find(Team, { select: { id: true, name: true }, where: { id: In(teamIds) } })
      : [];
    const judges = judgeIds.length
      ? await em.find(Judge, { select: { id: true, fullName: true }, where: { id: In(judgeIds) } })
      : [];
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    const judgeName = new Map(judges.map((j) => [j.id, j.fullName]));
    return { team: (id: string) => teamName.get(id) ?? '', judge: (id: string) => judgeName.get(id) ?? '' };
  }

  /** Organisers see the live board; everyone else sees it through the freeze. */
  async standings(id: string, organiser: boolean): Promise<StandingsView> {
    const em = this.dataSource.manager;
    return this.standingsFor(em, await this.load(em, id), organiser);
  }

  async diagnostics(id: string): Promise<JurorReport[]> {
    const em = this.dataSource.manager;
    const championship = await this.load(em, id);
    const sheets = await em.findBy(CaseScoresheet, { championshipId: id });
    const judges = await em.findBy(Judge, { id: In([...new Set(sheets.map((s) => s.judgeId))]) });
    return juryReport(championship, sheets, judges);
  }

  /**
   * Locks the scores and decides the qualifiers. A juror who has not scored every team assigned to them stops it
   * (409 `SCORESHEETS_MISSING`, one problem per juror with the teams) unless `force`, which is audited.
   */
  async finalise(id: string, dto: FinaliseDto, who: Principal): Promise<ChampionshipView> {
    const view = await this.dataSource.transaction(async (em) => {
      const championship = await lockChampionship(em, id);
      if (championship.status !== 'scoring') {
        throw DomainError.wrongState(
          `only a championship in scoring can be finalised; this one is ${championship.status}`,
        );
      }
      if (championship.stage === 'qualifying') {
        throw DomainError.wrongState(
          'close the qualifying stage first (advance to the final); the final decides the qualifiers',
        );
      }
      const unscored = await loadUnscored(em, championship, this.currentSheetStage(championship), this.judges);
      if (unscored.length && !dto.force) throw unscoredError(unscored);
      if (unscored.length) {
        await em.insert(CaseChampionshipAudit, {
          championshipId: id,
          actor: `organiser:${who.id}`,
          action: 'finalise-forced',
          reason: dto.reason ?? null,
          detail: { unscored },
        });
      }
      const full = await this.standingsFor(em, championship, true);
      const qualified = full.rows.filter((r) => r.qualified);
      const qualifiers = qualified.map((r) => r.teamId!);
      const qualifierPlacements = qualified.map((r) => ({ teamId: r.teamId!, placedBy: r.placedBy ?? 'overall' }));
      await this.bumpVersion(em, id, championship.version, {
        status: 'finalised',
        qualifiers,
        qualifierPlacements,
        finalisedAt: new Date(),
      });
      // Audience sockets and the replay log get the board as the public sees it: a frozen board stays frozen.
      const standings = await this.standingsFor(em, { ...championship, status: 'finalised' }, false);
      await this.live.record(em, 'championship', id, 'standings', { standings, finalised: true });
      return this.view(em, {
        ...championship,
        status: 'finalised',
        qualifiers,
        qualifierPlacements,
        version: championship.version + 1,
      });
    });
    this.live.announce(`championship:${id}`);
    return view;
  }

  /** Organisers' overrides (forced finalises), oldest first. */
  async organiserAudit(id: string): Promise<Page<ChampionshipAuditEntryDto>> {
    const em = this.dataSource.manager;
    await this.load(em, id);
    const rows = await em.find(CaseChampionshipAudit, { where: { championshipId: id }, order: { at: 'ASC' } });
    const items = rows.map((r) => ({
      action: r.action,
      actor: r.actor,
      reason: r.reason,
      unscored: r.detail.unscored,
      at: r.at.toISOString(),
    }));
    return pageOfAll(items);
  }

  async freeze(id: string, version: number): Promise<ChampionshipView> {
    return this.changeReveal(id, version, (c) => {
      if (c.reveal.frozen) throw DomainError.wrongState('the leaderboard is already frozen');
      return { frozen: true, frozenAt: new Date().toISOString(), revealed: 0 };
    });
  }

  /** Reveals the next hidden row from the bottom; the last step unfreezes the board. */
  async revealNext(id: string, version: number): Promise<ChampionshipView> {
    return this.changeReveal(id, version, (c, teams) => {
      if (!c.reveal.frozen) throw DomainError.wrongState('the leaderboard is not frozen: nothing to reveal');
      const revealed = c.reveal.revealed + 1;
      return revealed >= teams ? { frozen: false, frozenAt: null, revealed: 0 } : { ...c.reveal, revealed };
    });
  }

  async unfreeze(id: string, version: number): Promise<ChampionshipView> {
    return this.changeReveal(id, version, (c) => {
      if (!c.reveal.frozen) throw DomainError.wrongState('the leaderboard is not frozen');
      return { frozen: false, frozenAt: null, revealed: 0 };
    });
  }

  /** Qualifiers in order, for a regional debate tournament to import. */
  async qualifiers(em: EntityManager, id: string): Promise<{ championship: CaseChampionship; teamIds: string[] }> {
    const championship = await this.load(em, id);
    if (championship.status !== 'finalised') {
      throw DomainError.wrongState(`case championship ${id} is not finalised yet: its qualifiers are not known`);
    }
    return { championship, teamIds: championship.qualifiers };
  }

  private async changeReveal(
    id: string,
    version: number,
    next: (c: CaseChampionship, teams: number) => CaseChampionship['reveal'],
  ): Promise<ChampionshipView> {
    await this.dataSource.transaction(async (em) => {
      const championship = await lockChampionship(em, id);
      const teams = await em.countBy(CaseEntry, { championshipId: id });
      const reveal = next(championship, teams);
      await this.bumpVersion(em, id, version, { reveal });
      const standings = await this.standingsFor(em, { ...championship, reveal }, false);
      await this.live.record(em, 'championship', id, 'reveal', { reveal, standings });
    });
    this.live.announce(`championship:${id}`);
    return this.get(id);
  }

  /**
   * The standing of the current stage: the whole field (single stage), across the qualifying rooms (organisers only
   * while the rooms score: the public sees the schedule until the stage closes), or the final among the finalists.
   */
  private async standingsFor(
    em: EntityManager,
    championship: CaseChampionship,
    organiser: boolean,
  ): Promise<StandingsView> {
    // A deactivated team leaves the standings; its sheets stay in the audit and the exports of sheets.
    const entries = await em.find(CaseEntry, {
      where: { championshipId: championship.id, active: true },
      relations: { team: true },
    });
    const stage = this.currentSheetStage(championship);
    const sheets = await em.findBy(CaseScoresheet, { championshipId: championship.id, stage });
    if (championship.stage === 'qualifying') {
      const full = computeStandings(
        championship,
        entries.map((e) => e.team),
        sheets,
        'rooms',
        await loadRoomOf(em, championship.id),
      );
      return organiser ? full : publicStandings(full, { frozen: true, frozenAt: null, revealed: 0 });
    }
    const finalists = new Set(championship.finalists.map((f) => f.teamId));
    const teams = entries.map((e) => e.team).filter((t) => championship.stage !== 'final' || finalists.has(t.id));
    const full = computeStandings(championship, teams, sheets, championship.stage === 'final' ? 'final' : 'single');
    return organiser ? full : publicStandings(full, championship.reveal);
  }

  private currentSheetStage(championship: CaseChampionship): SheetStage {
    return championship.stage === 'single' ? 'main' : championship.stage;
  }

  /** Which stage a juror's sheet for this team belongs to, or why the juror may not score the team now. */
  private async sheetStageFor(
    em: EntityManager,
    championship: CaseChampionship,
    judgeId: string,
    teamId: string,
  ): Promise<SheetStage> {
    const outside = stageOutsideRooms(championship, judgeId, teamId);
    if (outside) return outside;
    const room = await this.rooms.roomOfJuror(em, championship.id, judgeId);
    if (!room) throw DomainError.forbidden('you are not seated in a qualifying room of this championship');
    if (!room.teamIds.includes(teamId))
      throw DomainError.forbidden(`this team presents in another room; you score room ${room.number}`);
    return 'qualifying';
  }

  /** New entries or jurors make a room plan stale: it is dropped, and the organiser plans the rooms again. */
  private async dropRoomPlan(em: EntityManager, championship: CaseChampionship): Promise<void> {
    if (championship.stage !== 'qualifying') return;
    await em.delete(CaseRoom, { championshipId: championship.id });
    await em.update(CaseChampionship, { id: championship.id }, { stage: 'single', roomSettings: null });
    championship.stage = 'single';
    championship.roomSettings = null;
  }

  private async view(em: EntityManager, championship: CaseChampionship, audience = false): Promise<ChampionshipView> {
    const entries = await em.find(CaseEntry, { where: { championshipId: championship.id }, relations: { team: true } });
    const jury = await em.findBy(CaseJuror, { championshipId: championship.id });
    return championshipView(
      championship,
      entries.map((e) => e.team),
      jury.map((j) => j.judgeId),
      audience,
    );
  }

  private async load(em: EntityManager, id: string): Promise<CaseChampionship> {
    const championship = await em.findOneBy(CaseChampionship, { id });
    if (!championship) throw DomainError.notFound('case championship', id);
    return championship;
  }

  private async lockForSetup(em: EntityManager, id: string): Promise<CaseChampionship> {
    const championship = await lockChampionship(em, id);
    if (championship.status !== 'draft') {
      throw DomainError.wrongState(
        `entries and jury are fixed once scoring starts; the championship is ${championship.status}`,
      );
    }
    return championship;
  }

  private bumpVersion(em: EntityManager, id: string, version: number, changes: Partial<CaseChampionship>) {
    return updateVersioned(em, CaseChampionship, id, version, changes, `case championship ${id}`);
  }
}
