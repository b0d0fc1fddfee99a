import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/domain-error.js';
import { IdempotencyService, StoredAnswer } from '../common/idempotency.js';
import { conflictsFrom } from '../judges/judges.service.js';
import { LiveTransactions, type LiveChanges } from '../live/live-changes.js';
import { Ballot, type BallotSheet } from './ballot.entity.js';
import { Debate, type DebateDecision, type DebateStatus } from './debate.entity.js';
import { DebateResults } from './debate-results.js';
import { Round } from './round.entity.js';
import type { Tournament } from './tournament.entity.js';
import { TournamentAudit, type AuditState } from './tournament-audit.entity.js';
import { loadDebate, lockDebate, loadTournament, type DebateBundle } from './tournament-data.js';
import { ballotProblems, debateContext, decideDebate } from './tournament-engine.js';
import { BallotDto, BallotReceipt, CorrectBallotDto, CorrectionPreview, IronSpeakersDto } from './tournament.dto.js';
import { DebateTeam } from './debate-team.entity.js';
import { assertNoConflict, assertTakesBallotFrom, checkBallot } from './ballot-admission.js';
import { ballotScope, BallotGroupCommit } from './ballot-group-commit.js';
import { openBallot, scoreEvent, writeOpenBallots } from './open-ballots.js';

/** Ballots from the panel, the panel's decision, confirmation, and audited corrections with a cascade. */
@Injectable()
export class BallotsService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly live: LiveTransactions,
    private readonly results: DebateResults,
    private readonly groupCommit: BallotGroupCommit,
  ) {}

  async submit(debateId: string, judge: Principal, dto: BallotDto, key: string | undefined): Promise<BallotReceipt> {
    const batched = await this.groupCommit.submit({ debateId, judgeId: judge.id, dto, key });
    if (batched) return batched;
    try {
      return await this.submitOnce(debateId, judge, dto, key, false);
    } catch (error) {
      // Another judge's ballot came in between the peek and the locks, so this one completes the panel: again, with
      // the tournament locked for update. The first attempt rolled back (its idempotency key with it).
      if (error instanceof CompletesPanel) return this.submitOnce(debateId, judge, dto, key, true);
      throw error;
    }
  }

  private async submitOnce(
    debateId: string,
    judge: Principal,
    dto: BallotDto,
    key: string | undefined,
    completing: boolean,
  ): Promise<BallotReceipt> {
    let changes: LiveChanges | undefined;
    const { value, replayed } = await this.idempotency.run<BallotReceipt, PanelPeek>(
      { scope: ballotScope(judge.id, debateId), key, body: dto },
      async (em, { claim, first: [peek] }) => {
        changes = this.live.within(em);
        if (!peek) throw DomainError.notFound('debate', debateId);
        const shared = !completing && peek.othersIn + 1 < peek.panelSize;
        const { tournament, bundle, conflictFacts } = await lockDebate(em, debateId, {
          owner: peek.tournamentId,
          tournamentLock: shared ? 'share' : 'update',
          conflictsOf: judge.id,
        });
        assertTakesBallotFrom(bundle, judge.id);
        const othersIn = bundle.ballots.filter((b) => b.judgeId !== judge.id).length;
        if (shared && othersIn + 1 === bundle.panel.length) throw new CompletesPanel();
        assertNoConflict(judge.id, conflictsFrom(conflictFacts!));
        if (othersIn + 1 < bundle.panel.length) {
          // The panel stays open (most ballots): the ballot, its live event and the stored answer in one statement.
          const ballot = openBallot(tournament, bundle, judge.id, dto, othersIn + 1, claim);
          const { ids, rooms, asPlanned } = await writeOpenBallots(em, [ballot]);
          if (!asPlanned) {
            // Under the debate's lock only a ballot already replaced can differ; anything else is a broken assumption.
            if (!ballot.retire) throw new Error(`the ballot of judge ${judge.id} did not write as planned`);
            throw DomainError.staleVersion(`the ballot of judge ${judge.id}`, ballot.retire.version);
          }
          await changes.appendedRooms(rooms);
          const receipt: BallotReceipt = { ballotId: ids[0], ...ballot.answer };
          return claim ? new StoredAnswer(receipt) : receipt;
        }
        const ballot = await this.writeBallot(em, tournament, bundle, judge.id, dto, `judge:${judge.id}`);
        const ballots = [...bundle.ballots.filter((b) => b.judgeId !== judge.id), ballot];
        await changes.record('tournament', tournament.id, 'score', scoreEvent(bundle, judge.id, othersIn + 1));
        // This ballot completes the panel: the panel's decision follows.
        let status: DebateStatus = bundle.debate.status;
        let needsConfirmation = false;
        const decision = decideDebate(tournament.formatSpec, { ...bundle, ballots }, undefined, tournament.rules);
        if (decision.evenSplit) {
          needsConfirmation = true;
          await em.update(Debate, { id: debateId }, { needsConfirmation: true });
        } else {
          await this.results.apply(changes, tournament, bundle, decision);
          status = 'confirmed';
        }
        const receipt: BallotReceipt = {
          ballotId: ballot.id,
          debateId,
          judgeId: judge.id,
          version: ballot.version,
          debateStatus: status,
          needsConfirmation,
        };
        return receipt;
      },
      // Unlocked, a hint read with the key's claim: will this ballot complete the panel? Only then does it need the
      // tournament for update.
      {
        sql: `SELECT d.tournament_id AS "tournamentId",
                (SELECT count(*)::int FROM debate_adjudicators a WHERE a.debate_id = d.id) AS "panelSize",
                (SELECT count(*)::int FROM ballots b WHERE b.debate_id = d.id AND b.current AND b.judge_id <> $2)
                  AS "othersIn"
              FROM debates d WHERE d.id = $1`,
        params: [debateId, judge.id],
      },
    );
    if (!replayed) changes?.announce();
    return value;
  }

  /** The organiser confirms a debate the panel left open (an even split, or missing ballots). */
  async confirm(debateId: string, organiser: Principal): Promise<{ debateId: string; result: DebateDecision }> {
    const decision = await this.live.run(async (changes) => {
      const { tournament, bundle } = await lockDebate(changes.em, debateId);
      if (bundle.debate.status === 'confirmed') throw DomainError.wrongState('this debate is already confirmed');
      if (bundle.ballots.length === 0) throw DomainError.rule('no ballot is in for this debate: nothing to confirm');
      const decision = decideDebate(tournament.formatSpec, bundle, undefined, tournament.rules);
      await this.results.apply(changes, tournament, bundle, decision);
      await this.audit(changes.em, tournament.id, organiser, 'confirm', debateId, null, { result: decision });
      return decision;
    });
    return { debateId, result: decision };
  }

  /**
   * Marks a team one speaker short in this debate: the listed members may give a second substantive speech ("iron").
   * Ballots already in stay as they are; the mark is audited. An empty list clears it.
   */
  async markIron(
    debateId: string,
    organiser: Principal,
    dto: IronSpeakersDto,
  ): Promise<{ debateId: string; teamId: string; ironSpeakerIds: string[] }> {
    return this.live.run(async (changes) => {
      const { tournament, bundle } = await lockDebate(changes.em, debateId);
      if (bundle.debate.status === 'confirmed')
        throw DomainError.wrongState('this debate is confirmed: correct a ballot instead');
      const side = bundle.teams.find((t) => t.teamId === dto.teamId);
      if (!side)
        throw DomainError.invalid(
          `teamId must be a team of this debate (${bundle.teams.map((t) => t.teamId).join(', ')})`,
        );
      if (dto.speakerIds.length && tournament.formatSpec.ironSpeeches === false) {
        throw DomainError.rule(`speakerIds: ${tournament.formatSpec.name} has no iron speeches (one debater a side)`);
      }
      const members = bundle.speakers.get(dto.teamId) ?? [];
      const strangers = dto.speakerIds.filter((id) => !members.includes(id));
      if (strangers.length)
        throw DomainError.invalid(`speakerIds must be members of the team; not members: ${strangers.join(', ')}`);
      await changes.em.update(DebateTeam, { debateId, teamId: dto.teamId }, { ironSpeakerIds: dto.speakerIds });
      await this.audit(
        changes.em,
        tournament.id,
        organiser,
        'iron',
        debateId,
        { ironSpeakerIds: side.ironSpeakerIds },
        { ironSpeakerIds: dto.speakerIds },
      );
      return { debateId, teamId: dto.teamId, ironSpeakerIds: dto.speakerIds };
    });
  }

  /**
   * Replaces one judge's ballot as the organiser. With dryRun nothing changes and the preview lists the later
   * elimination debates that would be reset; otherwise the correction and its cascade commit together.
   */
  async correct(
    debateId: string,
    organiser: Principal,
    dto: CorrectBallotDto,
    dryRun: boolean,
  ): Promise<CorrectionPreview> {
    return this.live.run(
      async (changes) => {
        const { em } = changes;
        const { tournament, bundle } = dryRun
          ? await loadDebate(em, debateId).then(async (b) => ({
              bundle: b,
              tournament: await loadTournament(em, b.debate.tournamentId),
            }))
          : await lockDebate(em, debateId);
        if (!bundle.panel.some((p) => p.judgeId === dto.judgeId)) {
          throw DomainError.rule(`judgeId: judge ${dto.judgeId} is not on this debate's panel`);
        }
        const problems = ballotProblems(tournament.formatSpec, debateContext(bundle), dto);
        if (problems.length) throw DomainError.problems(problems);
        const sheet: BallotSheet = { teams: dto.teams };
        const ballots = [...bundle.ballots.filter((b) => b.judgeId !== dto.judgeId), { judgeId: dto.judgeId, sheet }];
        const after = decideDebate(tournament.formatSpec, { ...bundle, ballots }, undefined, tournament.rules);
        const before = bundle.debate.result;
        const winnerChanged = !!before && before.winnerTeamId !== after.winnerTeamId;
        const preview: CorrectionPreview = {
          debateId,
          dryRun,
          before,
          after,
          winnerChanged,
          resets: await this.results.resetsOf(em, tournament, bundle, after),
        };
        if (dryRun) return preview;

        await this.writeBallot(em, tournament, bundle, dto.judgeId, dto, `organiser:${organiser.id}`);
        if (bundle.debate.status === 'confirmed') {
          await changes.record('tournament', tournament.id, 'score', { debateId, corrected: true });
          await this.results.apply(changes, tournament, bundle, after);
        }
        const previous = bundle.ballots.find((b) => b.judgeId === dto.judgeId)?.sheet ?? null;
        await this.audit(
          em,
          tournament.id,
          organiser,
          'correct-ballot',
          debateId,
          { ballot: previous, result: before },
          { ballot: sheet, result: after, resets: preview.resets },
        );
        return preview;
      },
      dryRun ? 'REPEATABLE READ' : undefined,
    );
  }

  /** A withdrawn team's open debates: its opponents win by forfeit. The caller holds the tournament's lock. */
  async forfeitOpenDebates(changes: LiveChanges, tournament: Tournament, teamId: string): Promise<void> {
    const open = await changes.em
      .createQueryBuilder(Debate, 'd')
      .innerJoin('debate_teams', 'dt', 'dt.debate_id = d.id AND dt.team_id = :teamId', { teamId })
      .innerJoin(Round, 'r', 'r.id = d.round_id')
      .where('d.tournament_id = :tid AND d.status = :pending AND r.status = :released', {
        tid: tournament.id,
        pending: 'pending',
        released: 'released',
      })
      .getMany();
    for (const { id } of open) {
      // Re-taken through the one loader: the tournament row again (already ours), then the debate.
      const locked = await lockDebate(changes.em, id);
      await this.results.apply(
        changes,
        locked.tournament,
        locked.bundle,
        decideDebate(tournament.formatSpec, locked.bundle, teamId),
      );
    }
  }

  private async writeBallot(
    em: EntityManager,
    tournament: Tournament,
    bundle: DebateBundle,
    judgeId: string,
    dto: BallotDto,
    submittedBy: string,
  ): Promise<Ballot> {
    const { existing, version } = checkBallot(tournament, bundle, judgeId, dto);
    if (existing) {
      const retired = (await em.query(`UPDATE ballots SET current = false WHERE id = $1 AND current AND version = $2`, [
        existing.id,
        existing.version,
      ])) as [unknown[], number];
      if (retired[1] !== 1) throw DomainError.staleVersion(`the ballot of judge ${judgeId}`, existing.version);
    }
    const ballot = em.create(Ballot, {
      debateId: bundle.debate.id,
      judgeId,
      version,
      current: true,
      sheet: { teams: dto.teams },
      submittedBy,
    });
    const [row] = (await em.query(
      `INSERT INTO ballots (debate_id, judge_id, version, current, sheet, submitted_by)
       VALUES ($1, $2, $3, true, $4, $5) RETURNING id, submitted_at AS "submittedAt"`,
      [ballot.debateId, judgeId, ballot.version, JSON.stringify(ballot.sheet), submittedBy],
    )) as { id: string; submittedAt: Date }[];
    return Object.assign(ballot, row);
  }

  private async audit(
    em: EntityManager,
    tournamentId: string,
    actor: Principal,
    action: string,
    subjectId: string,
    before: AuditState | null,
    after: AuditState | null,
  ): Promise<void> {
    await em.insert(TournamentAudit, {
      tournamentId,
      actor: `${actor.role}:${actor.id}`,
      action,
      subjectId,
      before,
      after,
    });
  }
}

/** The unlocked hint read with the key's claim. */
interface PanelPeek {
  tournamentId: string;
  panelSize: number;
  othersIn: number;
}

/** Thrown inside a ballot's transaction that turned out to complete its panel while holding the tournament shared. */
class CompletesPanel extends Error {}
