import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { actorNames } from '../auth/actor-names.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/domain-error.js';
import { LiveSnapshots } from '../live/live-snapshots.js';
import { Ballot } from './ballot.entity.js';
import { Cup } from './cup.entity.js';
import { Debate } from './debate.entity.js';
import type { RoundBallotsPage } from './round-ballots.dto.js';
import { Round } from './round.entity.js';
import { Tournament } from './tournament.entity.js';
import { TournamentAudit } from './tournament-audit.entity.js';
import { loadConfirmed, loadEntries, loadRounds, loadTeamTab, loadTournament } from './tournament-data.js';
import { speakerTab } from './tournament-engine.js';
import {
  bracketView,
  cupView,
  roundView,
  tournamentView,
  type BracketView,
  type CupView,
  type RoundView,
  type SpeakerRow,
  type TeamRow,
  type TournamentAuditEntry,
  type TournamentView,
} from './tournament-views.js';

/** The read side of tournaments and cups: what the API and the /live snapshots show. Nothing here writes. */
@Injectable()
export class TournamentQueries implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly snapshots: LiveSnapshots,
  ) {}

  onModuleInit(): void {
    this.snapshots.register('tournament', {
      snapshot: async (em, id) => {
        const tournament = await loadTournament(em, id);
        const current = (await loadRounds(em, id)).filter((r) => r.status !== 'draft').at(-1);
        return {
          tournament: await tournamentView(em, tournament),
          standings: await loadTeamTab(em, id, true),
          bracket: await bracketView(em, tournament),
          currentRound: current ? await roundView(em, current, false) : null,
        };
      },
      standings: async (em, id) => {
        await loadTournament(em, id);
        return { standings: await loadTeamTab(em, id, true) };
      },
    });
    this.snapshots.register('cup', { snapshot: async (em, id) => ({ cup: await cupView(em, id) }) });
  }

  private get em() {
    return this.dataSource.manager;
  }

  async tournament(id: string): Promise<TournamentView> {
    return tournamentView(this.em, await loadTournament(this.em, id));
  }

  /** Tournaments, optionally of one cup and one of its leagues (an export or a board for one league). */
  async tournaments(filter: { cupId?: string; leagueId?: string } = {}): Promise<TournamentView[]> {
    const where = {
      ...(filter.cupId ? { cupId: filter.cupId } : {}),
      ...(filter.leagueId ? { leagueId: filter.leagueId } : {}),
    };
    const all = await this.em.find(Tournament, { where, order: { createdAt: 'DESC' } });
    return Promise.all(all.map((t) => tournamentView(this.em, t)));
  }

  /** The team tab; the public one stops before the first silent round. */
  async standings(id: string, organiser: boolean): Promise<TeamRow[]> {
    await loadTournament(this.em, id);
    return loadTeamTab(this.em, id, !organiser);
  }

  async speakers(id: string, organiser: boolean): Promise<SpeakerRow[]> {
    const tournament = await loadTournament(this.em, id);
    const entries = await loadEntries(this.em, id);
    const teamName = new Map(entries.map((e) => [e.teamId, e.team.name]));
    const rows = speakerTab(
      tournament.formatSpec,
      entries.flatMap((e) => e.team.members.map((m) => ({ id: m.id, name: m.fullName, teamId: e.teamId }))),
      await loadConfirmed(this.em, id, !organiser),
    );
    return rows.map((row) => ({ ...row, teamName: teamName.get(row.teamId) ?? '' }));
  }

  async bracket(id: string): Promise<BracketView> {
    return bracketView(this.em, await loadTournament(this.em, id));
  }

  /** The audit trail, with the actor's name and, when the subject is a team (a withdrawal), the team's. */
  async audit(id: string): Promise<TournamentAuditEntry[]> {
    await loadTournament(this.em, id);
    const rows = await this.em.find(TournamentAudit, { where: { tournamentId: id }, order: { at: 'ASC' } });
    const actors = await actorNames(
      this.em,
      rows.map((r) => r.actor),
    );
    const teams = await loadEntries(this.em, id);
    const teamName = new Map(teams.map((e) => [e.teamId, e.team.name]));
    return rows.map((r) => ({
      id: r.id,
      tournamentId: r.tournamentId,
      actor: r.actor,
      actorName: actors.get(r.actor) ?? null,
      action: r.action,
      subjectId: r.subjectId,
      subjectName: teamName.get(r.subjectId) ?? null,
      before: r.before,
      after: r.after,
      at: r.at.toISOString(),
    }));
  }

  /** A round; drafts are the organiser's only. */
  async round(tournamentId: string, seq: number, organiser: boolean): Promise<RoundView> {
    const round = await this.em.findOneBy(Round, { tournamentId, seq });
    if (!round || (!organiser && round.status === 'draft'))
      throw DomainError.notFound(`round ${seq} of tournament`, tournamentId);
    return roundView(this.em, round, organiser);
  }

  /** The ballot board of a round (organisers): each panellist's current ballot, in or missing, with its totals. */
  async roundBallots(tournamentId: string, seq: number): Promise<RoundBallotsPage> {
    const round = await this.em.findOneBy(Round, { tournamentId, seq });
    if (!round) throw DomainError.notFound(`round ${seq} of tournament`, tournamentId);
    const view = await roundView(this.em, round, true);
    const ids = view.debates.map((d) => d.id);
    const ballots = ids.length ? await this.em.findBy(Ballot, { debateId: In(ids), current: true }) : [];
    const items = view.debates.map((d) => ({
      debateId: d.id,
      room: d.room,
      status: d.status,
      needsConfirmation: d.needsConfirmation,
      teams: d.teams,
      winnerTeamId: d.result?.winnerTeamId ?? null,
      panel: d.panel.map((p) => {
        const ballot = ballots.find((b) => b.debateId === d.id && b.judgeId === p.judgeId);
        const teams = (ballot?.sheet.teams ?? []).map((team) => ({
          teamId: team.teamId,
          total: team.speeches.reduce((sum, s) => sum + s.score, 0),
          speeches: team.speeches,
        }));
        const best = Math.max(...teams.map((x) => x.total));
        const top = teams.filter((x) => x.total === best);
        return {
          ...p,
          submitted: ballot !== undefined,
          version: ballot?.version ?? null,
          // A level ballot names no winner (the format's rules refuse one; kept safe for a stored oddity).
          winnerTeamId: top.length === 1 ? top[0].teamId : null,
          teams,
        };
      }),
    }));
    return { items, total: items.length };
  }

  async rounds(tournamentId: string, organiser: boolean): Promise<RoundView[]> {
    await loadTournament(this.em, tournamentId);
    const rounds = (await loadRounds(this.em, tournamentId)).filter((r) => organiser || r.status !== 'draft');
    return Promise.all(rounds.map((r) => roundView(this.em, r, organiser)));
  }

  async debate(id: string, organiser: boolean) {
    const debate = await this.em.findOneBy(Debate, { id });
    if (!debate) throw DomainError.notFound('debate', id);
    const round = await this.em.findOneByOrFail(Round, { id: debate.roundId });
    if (!organiser && round.status === 'draft') throw DomainError.notFound('debate', id);
    const view = await roundView(this.em, round, organiser);
    return {
      ...view.debates.find((d) => d.id === id)!,
      roundSeq: round.seq,
      tournamentId: round.tournamentId,
      motion: round.motion,
    };
  }

  /** The debates a judge sits on in released rounds, for their tablet. */
  async judgeDebates(judge: Principal) {
    const rows = (await this.em.query(
      `SELECT d.id AS "debateId", d.tournament_id AS "tournamentId", r.seq AS "roundSeq", da.role, d.status
       FROM debate_adjudicators da JOIN debates d ON d.id = da.debate_id JOIN rounds r ON r.id = d.round_id
       WHERE da.judge_id = $1 AND r.status <> 'draft' ORDER BY r.created_at DESC, d.room`,
      [judge.id],
    )) as { debateId: string; tournamentId: string; roundSeq: number; role: string; status: string }[];
    const views = new Map<string, RoundView>();
    const out = [];
    for (const row of rows) {
      const key = `${row.tournamentId}:${row.roundSeq}`;
      if (!views.has(key)) views.set(key, await this.round(row.tournamentId, row.roundSeq, false));
      const view = views.get(key)!;
      out.push({ ...row, debate: view.debates.find((d) => d.id === row.debateId), motion: view.motion });
    }
    return out;
  }

  cup(id: string, leagueKey?: string): Promise<CupView> {
    return cupView(this.em, id, leagueKey);
  }

  async cups(): Promise<CupView[]> {
    const cups = await this.em.find(Cup, { order: { createdAt: 'DESC' } });
    return Promise.all(cups.map((c) => cupView(this.em, c.id)));
  }
}
