import type { EntityManager } from 'typeorm';
import { giveBackSql, type KeyClaim } from '../common/idempotency.js';
import { appendEventsSql, type AppendedRoom } from '../live/live-log.js';
import { roomName } from '../live/rooms.js';
import type { ScoresheetDto } from './case-championship.dto.js';
import type { SheetStage } from './case-championship.entity.js';
import type { ScoresheetView } from './case-championships.service.js';

/*
 * Jurors' sheets written the same way one at a time (`CaseChampionshipsService`) and by the batch
 * (`ScoresheetGroupCommit`): one statement replaces each sheet (version + 1, locked in id order) or inserts a first
 * one, writes its audit row and one live `score` event, and stores each key's answer.
 */

/** A sheet checked under its championship's shared lock, with the version it replaces as read there. */
export interface SheetWrite {
  championshipId: string;
  stage: SheetStage;
  teamId: string;
  judgeId: string;
  dto: ScoresheetDto;
  /** The version it replaces (null: a first sheet). */
  previous: number | null;
  claim: KeyClaim | undefined;
}

export interface SheetsWritten {
  /** Each sheet as its juror sees it, in the order given (undefined: not written). */
  views: (ScoresheetView | undefined)[];
  rooms: AppendedRoom[];
  /**
   * Whether every sheet, audit row, event, answer and given-back key was written. Not when a sheet was replaced or
   * created by someone else since `previous` was read (another instance's batch, a juror's two first sheets at
   * once): the caller rolls back and takes the sheet again.
   */
  asPlanned: boolean;
}

/** One statement for all of `sheets`; also gives back the keys of sheets the caller left out (`givenBack`). */
export async function writeSheets(
  em: EntityManager,
  sheets: SheetWrite[],
  givenBack: KeyClaim[] = [],
): Promise<SheetsWritten> {
  const submittedAt = new Date().toISOString();
  const [row] = (await em.query(
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::jsonb[], $6::text[], $7::int[],
                            $8::text[], $9::jsonb[], $10::text[], $11::text[])
         WITH ORDINALITY AS i(championship_id, stage, team_id, judge_id, scores, comment, previous, room, event,
                              scope, key, n)),
     prev AS (
       SELECT s.id, s.version, s.scores, s.comment FROM case_scoresheets s JOIN input i
         ON s.championship_id = i.championship_id AND s.stage = i.stage AND s.team_id = i.team_id
        AND s.judge_id = i.judge_id AND s.version = i.previous
       ORDER BY s.id FOR UPDATE OF s),
     replaced AS (
       UPDATE case_scoresheets s SET scores = i.scores, comment = i.comment, submitted_at = $12::timestamptz,
              version = s.version + 1
         FROM prev p, input i
        WHERE s.id = p.id AND s.championship_id = i.championship_id AND s.stage = i.stage AND s.team_id = i.team_id
          AND s.judge_id = i.judge_id
       RETURNING s.*),
     created AS (
       INSERT INTO case_scoresheets (championship_id, stage, team_id, judge_id, scores, comment, version, submitted_at)
       SELECT championship_id, stage, team_id, judge_id, scores, comment, 1, $12::timestamptz FROM input
        WHERE previous IS NULL ORDER BY n
       ON CONFLICT DO NOTHING RETURNING *),
     sheet AS (SELECT * FROM replaced UNION ALL SELECT * FROM created),
     audit AS (
       INSERT INTO case_scoresheet_audit (championship_id, scoresheet_id, team_id, judge_id, actor, version, before, after)
       SELECT s.championship_id, s.id, s.team_id, s.judge_id, 'judge:' || s.judge_id, s.version,
              (SELECT jsonb_build_object('scores', p.scores, 'comment', p.comment) FROM prev p WHERE p.id = s.id),
              jsonb_build_object('scores', s.scores, 'comment', s.comment)
         FROM sheet s RETURNING id),
     answered AS (
       SELECT i.n, i.scope, i.key, jsonb_build_object('id', s.id, 'championshipId', s.championship_id,
                'teamId', s.team_id, 'judgeId', s.judge_id, 'scores', s.scores, 'comment', s.comment,
                'version', s.version, 'submittedAt', $13::text) AS view
         FROM input i JOIN sheet s ON s.championship_id = i.championship_id AND s.team_id = i.team_id
          AND s.judge_id = i.judge_id),
     ${appendEventsSql('input')},
     answer AS (
       UPDATE idempotency_keys k SET response = a.view FROM answered a
        WHERE k.scope = a.scope AND k.key = a.key RETURNING k.key),
     given_back AS (${giveBackSql('$14', '$15')})
     SELECT (SELECT count(*) FROM audit)::int AS audits,
            (SELECT count(*) FROM event)::int AS events,
            (SELECT count(*) FROM answer)::int AS answers,
            (SELECT count(*) FROM given_back)::int AS "givenBack",
            (SELECT coalesce(json_agg(json_build_object('n', n, 'view', view)), '[]') FROM answered) AS views,
            (SELECT coalesce(json_agg(appended), '[]') FROM appended) AS rooms`,
    [
      sheets.map((s) => s.championshipId),
      sheets.map((s) => s.stage),
      sheets.map((s) => s.teamId),
      sheets.map((s) => s.judgeId),
      sheets.map((s) => JSON.stringify(s.dto.scores)),
      sheets.map((s) => s.dto.comment ?? null),
      sheets.map((s) => s.previous),
      sheets.map((s) => roomName('championship', s.championshipId)),
      sheets.map((s) =>
        JSON.stringify({
          championshipId: s.championshipId,
          stage: s.stage,
          teamId: s.teamId,
          judgeId: s.judgeId,
          version: (s.previous ?? 0) + 1,
        }),
      ),
      sheets.map((s) => s.claim?.scope ?? null),
      sheets.map((s) => s.claim?.key ?? null),
      submittedAt,
      submittedAt,
      givenBack.map((k) => k.scope),
      givenBack.map((k) => k.key),
    ],
  )) as {
    audits: number;
    events: number;
    answers: number;
    givenBack: number;
    views: { n: number; view: ScoresheetView }[];
    rooms: AppendedRoom[];
  }[];
  const views: (ScoresheetView | undefined)[] = sheets.map(() => undefined);
  for (const { n, view } of row.views) views[n - 1] = view;
  return {
    views,
    rooms: row.rooms,
    asPlanned:
      row.audits === sheets.length &&
      row.events === sheets.length &&
      row.views.length === sheets.length &&
      row.answers === sheets.filter((s) => s.claim).length &&
      row.givenBack === givenBack.length,
  };
}
