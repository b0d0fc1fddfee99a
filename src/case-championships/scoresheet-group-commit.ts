import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { entityFromRow } from '../common/entity-row.js';
import { GroupCommit } from '../common/group-commit.js';
import { checkIdempotencyKey, CLAIM_MANY_SQL, claimManyParams } from '../common/idempotency.js';
import type { AppendedRoom } from '../live/live-log.js';
import { conflictFactsSql, conflictsFrom, type ConflictFacts } from '../judges/judges.service.js';
import { LivePublisher } from '../live/live-publisher.js';
import type { ScoresheetDto } from './case-championship.dto.js';
import { CaseChampionship, type SheetStage } from './case-championship.entity.js';
import {
  assertCurrentVersion,
  assertSeatAndEntry,
  assertSheetScores,
  stageOutsideRooms,
} from './scoresheet-admission.js';
import type { ScoresheetView } from './case-championships.service.js';
import { writeSheets } from './scoresheet-writes.js';

/** One juror's sheet for one team, as the route received it. */
export interface SheetSubmission {
  championshipId: string;
  teamId: string;
  judgeId: string;
  dto: ScoresheetDto;
  key: string | undefined;
}

/** A submission on its way through the batch, with its idempotency scope as the service names it. */
interface Waiting extends SheetSubmission {
  scope: string;
}

/** A sheet this batch writes. */
interface Taken {
  waiting: Waiting;
  stage: SheetStage;
  /** The version it replaces (none for a first sheet), as read under the championship's lock. */
  previous: number | null;
}

export const sheetScope = (judgeId: string, championshipId: string, teamId: string) =>
  `judge:${judgeId}:scoresheet:${championshipId}:${teamId}`;

/**
 * Group commit for jurors' scoresheets, the counterpart of `BallotGroupCommit`: the same locks in the same order as
 * a sheet alone (keys, championships shared, the sheets' rows, live rooms), the same checks
 * (`scoresheet-admission.ts`), one statement and one commit for the batch. A sheet of a championship in its
 * qualifying stage (the juror's room decides), a refused one, a replayed key or a repeat within the batch answers
 * `undefined`, and the service takes it alone after this commit; a batch that fails as a whole rolls back and every
 * sheet in it is taken alone.
 */
@Injectable()
export class ScoresheetGroupCommit {
  private readonly batches = new GroupCommit<Waiting, ScoresheetView>(
    (batch) => this.write(batch),
    // One sheet per juror, championship and team in a batch.
    (w) => w.scope,
    new Logger(ScoresheetGroupCommit.name),
    'scoresheets',
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LivePublisher,
  ) {}

  /** The sheet once the batch holding it has committed, or `undefined`: take it alone. */
  submit(submission: SheetSubmission): Promise<ScoresheetView | undefined> {
    checkIdempotencyKey(submission.key);
    const scope = sheetScope(submission.judgeId, submission.championshipId, submission.teamId);
    return this.batches.submit({ ...submission, scope });
  }

  private async write(batch: Waiting[]): Promise<Map<Waiting, ScoresheetView>> {
    const { views, rooms } = await this.dataSource.transaction(async (em) => {
      const candidates = await this.claim(em, batch);
      const written = await this.insert(em, await this.admit(em, candidates), candidates);
      return { views: written.views, rooms: await this.live.appendedRooms(em, written.rooms) };
    });
    this.live.announce(...rooms);
    for (const id of new Set([...views.keys()].map((w) => w.championshipId)))
      this.live.standingsChanged('championship', id);
    return views;
  }

  /** Claims the keys in (scope, key) order; a key already used is replayed (or refused) by the one-at-a-time path. */
  private async claim(em: EntityManager, batch: Waiting[]): Promise<Waiting[]> {
    const keyed = batch.filter((w) => w.key !== undefined);
    if (!keyed.length) return batch;
    const claimed = (await em.query(CLAIM_MANY_SQL, claimManyParams(keyed))) as { scope: string }[];
    const mine = new Set(claimed.map((c) => c.scope));
    return batch.filter((w) => w.key === undefined || mine.has(w.scope));
  }

  /** The championships shared (in id order), then what decides each sheet, read in one statement; the checks. */
  private async admit(em: EntityManager, candidates: Waiting[]): Promise<Taken[]> {
    if (!candidates.length) return [];
    const championships = new Map<string, CaseChampionship>();
    const rows = (await em.query(
      `SELECT to_jsonb(c) AS row FROM case_championships c WHERE c.id = ANY($1::uuid[]) ORDER BY c.id FOR SHARE`,
      [[...new Set(candidates.map((w) => w.championshipId))]],
    )) as { row: Record<string, unknown> }[];
    for (const { row } of rows) {
      const championship = entityFromRow(em, CaseChampionship, row);
      championships.set(championship.id, championship);
    }
    // The stage first (it needs only the championship): a qualifying one is left to the one-at-a-time path.
    const staged: { waiting: Waiting; championship: CaseChampionship; stage: SheetStage }[] = [];
    for (const waiting of candidates) {
      const championship = championships.get(waiting.championshipId);
      if (!championship) continue;
      try {
        const stage = stageOutsideRooms(championship, waiting.judgeId, waiting.teamId);
        if (stage) staged.push({ waiting, championship, stage });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    if (!staged.length) return [];
    const [facts] = (await em.query(
      `WITH pairs AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) AS p(championship_id, judge_id, team_id, stage))
       SELECT
         (SELECT coalesce(json_agg(json_build_object('championshipId', j.championship_id, 'judgeId', j.judge_id,
            'active', j.active)), '[]') FROM case_jurors j
            WHERE (j.championship_id, j.judge_id) IN (SELECT championship_id, judge_id FROM pairs)) AS seats,
         (SELECT coalesce(json_agg(json_build_object('championshipId', e.championship_id, 'teamId', e.team_id,
            'active', e.active)), '[]') FROM case_entries e
            WHERE (e.championship_id, e.team_id) IN (SELECT championship_id, team_id FROM pairs)) AS entries,
         (SELECT coalesce(json_agg(json_build_object('championshipId', s.championship_id, 'judgeId', s.judge_id,
            'teamId', s.team_id, 'version', s.version)), '[]') FROM case_scoresheets s
            WHERE (s.championship_id, s.judge_id, s.team_id, s.stage) IN (SELECT * FROM pairs)) AS sheets,
         (SELECT to_jsonb(f) FROM (${conflictFactsSql('$2::uuid[]', '$3::uuid[]')}) f) AS "conflictFacts"`,
      [
        staged.map((s) => s.waiting.championshipId),
        staged.map((s) => s.waiting.judgeId),
        staged.map((s) => s.waiting.teamId),
        staged.map((s) => s.stage),
      ],
    )) as {
      seats: { championshipId: string; judgeId: string; active: boolean }[];
      entries: { championshipId: string; teamId: string; active: boolean }[];
      sheets: { championshipId: string; judgeId: string; teamId: string; version: number }[];
      conflictFacts: ConflictFacts;
    }[];
    const seats = new Map(facts.seats.map((s) => [`${s.championshipId}:${s.judgeId}`, s]));
    const entries = new Map(facts.entries.map((e) => [`${e.championshipId}:${e.teamId}`, e]));
    // The stage is one per championship in a batch, so (championship, judge, team) names the sheet.
    const sheets = new Map(facts.sheets.map((s) => [`${s.championshipId}:${s.judgeId}:${s.teamId}`, s.version]));
    const conflicts = conflictsFrom(facts.conflictFacts);
    const taken: Taken[] = [];
    for (const { waiting, championship, stage } of staged) {
      const { championshipId, judgeId, teamId, dto } = waiting;
      try {
        assertSeatAndEntry(championship, teamId, {
          seat: seats.get(`${championshipId}:${judgeId}`) ?? null,
          entry: entries.get(`${championshipId}:${teamId}`) ?? null,
        });
        assertSheetScores(
          championship,
          dto,
          conflicts.filter((c) => c.judgeId === judgeId && c.teamId === teamId),
        );
        const previous = sheets.get(`${championshipId}:${judgeId}:${teamId}`) ?? null;
        assertCurrentVersion(teamId, dto, previous);
        taken.push({ waiting, stage, previous });
      } catch (error) {
        // Refused (a stale version too): the one-at-a-time path refuses it again, with the same 4xx, after this commit.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return taken;
  }

  /**
   * The sheets written and the keys of candidates left for the one-at-a-time path given back, in one statement
   * (`writeSheets`, the one the one-at-a-time path uses too).
   */
  private async insert(
    em: EntityManager,
    taken: Taken[],
    candidates: Waiting[],
  ): Promise<{ views: Map<Waiting, ScoresheetView>; rooms: AppendedRoom[] }> {
    const writing = new Set(taken.map((t) => t.waiting));
    const written = await writeSheets(
      em,
      taken.map(({ waiting, stage, previous }) => ({
        ...waiting,
        stage,
        previous,
        claim: waiting.key === undefined ? undefined : { scope: waiting.scope, key: waiting.key },
      })),
      candidates.filter((w) => w.key !== undefined && !writing.has(w)).map((w) => ({ scope: w.scope, key: w.key! })),
    );
    // A sheet replaced or created by someone else since the read (another instance's batch, a first sheet's race)
    // leaves a row unwritten: rolling back takes every sheet alone, the way that settles such races.
    if (!written.asPlanned) throw new Error(`a batch of ${taken.length} scoresheets did not write as planned`);
    return { views: new Map(taken.map((t, i) => [t.waiting, written.views[i]!])), rooms: written.rooms };
  }
}
