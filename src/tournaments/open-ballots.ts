import type { EntityManager } from 'typeorm';
import { giveBackSql } from '../common/idempotency.js';
import { appendEventsSql, type AppendedRoom } from '../live/live-log.js';
import { roomName } from '../live/rooms.js';
import { checkBallot } from './ballot-admission.js';
import type { DebateBundle } from './tournament-data.js';
import type { Tournament } from './tournament.entity.js';
import type { BallotDto, BallotReceipt } from './tournament.dto.js';

/*
 * Ballots that leave their panel open (most ballots: a panel of three completes on its third), written the same way
 * one at a time (`BallotsService`) and by the batch (`BallotGroupCommit`): one statement retires the old versions,
 * inserts the new ones, appends one live `score` event each and stores each key's answer.
 */

/** An idempotency key claimed in this transaction: its stored answer becomes the ballot's receipt. */
export interface ClaimedKey {
  scope: string;
  key: string;
}

/** A ballot checked under its debate's lock, leaving the panel open: everything its row, event and answer need. */
export interface OpenBallot {
  tournamentId: string;
  judgeId: string;
  dto: BallotDto;
  retire: { id: string; version: number } | undefined;
  version: number;
  event: Record<string, unknown>;
  answer: Omit<BallotReceipt, 'ballotId'>;
  claim: ClaimedKey | undefined;
}

/** The live `score` event of a judge's ballot, `ballotsIn` counting it (open panel or completing one). */
export const scoreEvent = (bundle: DebateBundle, judgeId: string, ballotsIn: number) => ({
  debateId: bundle.debate.id,
  roundSeq: bundle.round.seq,
  judgeId,
  ballotsIn,
  panelSize: bundle.panel.length,
});

/**
 * The judge's ballot as it will be written, `ballotsIn` counting it: refused (4xx) by `checkBallot` as one written
 * alone would be.
 */
export function openBallot(
  tournament: Tournament,
  bundle: DebateBundle,
  judgeId: string,
  dto: BallotDto,
  ballotsIn: number,
  claim: ClaimedKey | undefined,
): OpenBallot {
  const { existing, version } = checkBallot(tournament, bundle, judgeId, dto);
  return {
    tournamentId: tournament.id,
    judgeId,
    dto,
    retire: existing && { id: existing.id, version: existing.version },
    version,
    event: scoreEvent(bundle, judgeId, ballotsIn),
    answer: {
      debateId: bundle.debate.id,
      judgeId,
      version,
      debateStatus: bundle.debate.status,
      needsConfirmation: false,
    },
    claim,
  };
}

export interface OpenBallotsWritten {
  /** Each ballot's new id, in the order given. */
  ids: string[];
  rooms: AppendedRoom[];
  /**
   * Whether every old version was still current, and every event, answer and given-back key written. Under the
   * debates' locks it always is; when not, the caller rolls back (a 409 alone, every ballot alone for a batch).
   */
  asPlanned: boolean;
}

/** One statement for all of `ballots`; also gives back the keys of ballots the caller left out (`givenBack`). */
export async function writeOpenBallots(
  em: EntityManager,
  ballots: OpenBallot[],
  givenBack: ClaimedKey[] = [],
): Promise<OpenBallotsWritten> {
  const [row] = (await em.query(
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::uuid[], $5::int[], $6::jsonb[], $7::text[],
                            $8::jsonb[], $9::jsonb[], $10::text[], $11::text[])
         WITH ORDINALITY AS i(retire_id, retire_version, debate_id, judge_id, version, sheet, room, event, answer,
                              scope, key, n)),
     retired AS (
       UPDATE ballots b SET current = false FROM input i
       WHERE b.id = i.retire_id AND b.current AND b.version = i.retire_version RETURNING b.id),
     ballot AS (
       INSERT INTO ballots (debate_id, judge_id, version, current, sheet, submitted_by)
       SELECT debate_id, judge_id, version, true, sheet, 'judge:' || judge_id FROM input ORDER BY n
       RETURNING id, debate_id, judge_id),
     ${appendEventsSql('input')},
     answer AS (
       UPDATE idempotency_keys k SET response = i.answer || jsonb_build_object('ballotId', b.id)
       FROM input i JOIN ballot b ON b.debate_id = i.debate_id AND b.judge_id = i.judge_id
       WHERE k.scope = i.scope AND k.key = i.key RETURNING k.key),
     given_back AS (${giveBackSql('$12', '$13')})
     SELECT (SELECT count(*) FROM retired)::int AS retired,
            (SELECT count(*) FROM event)::int AS events,
            (SELECT count(*) FROM answer)::int AS answers,
            (SELECT count(*) FROM given_back)::int AS "givenBack",
            (SELECT coalesce(json_agg(json_build_object('id', id, 'debateId', debate_id, 'judgeId', judge_id)), '[]')
               FROM ballot) AS ballots,
            (SELECT coalesce(json_agg(appended), '[]') FROM appended) AS rooms`,
    [
      ballots.map((b) => b.retire?.id ?? null),
      ballots.map((b) => b.retire?.version ?? null),
      ballots.map((b) => b.answer.debateId),
      ballots.map((b) => b.judgeId),
      ballots.map((b) => b.version),
      ballots.map((b) => JSON.stringify({ teams: b.dto.teams })),
      ballots.map((b) => roomName('tournament', b.tournamentId)),
      ballots.map((b) => JSON.stringify(b.event)),
      ballots.map((b) => JSON.stringify(b.answer)),
      ballots.map((b) => b.claim?.scope ?? null),
      ballots.map((b) => b.claim?.key ?? null),
      givenBack.map((k) => k.scope),
      givenBack.map((k) => k.key),
    ],
  )) as {
    retired: number;
    events: number;
    answers: number;
    givenBack: number;
    ballots: { id: string; debateId: string; judgeId: string }[];
    rooms: AppendedRoom[];
  }[];
  const ids = new Map(row.ballots.map((b) => [`${b.debateId}:${b.judgeId}`, b.id]));
  return {
    ids: ballots.map((b) => ids.get(`${b.answer.debateId}:${b.judgeId}`)!),
    rooms: row.rooms,
    asPlanned:
      row.retired === ballots.filter((b) => b.retire).length &&
      row.events === ballots.length &&
      row.answers === ballots.filter((b) => b.claim).length &&
      row.givenBack === givenBack.length,
  };
}
