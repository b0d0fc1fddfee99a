import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/domain-error.js';
import { LiveSnapshots } from '../live/live-snapshots.js';
import { PrivacyService } from '../privacy/privacy.service.js';
import { MacroRegion } from '../regions/region.entity.js';
import { Cup } from './cup.entity.js';
import { Debate } from './debate.entity.js';
import { Round } from './round.entity.js';
import { Tournament } from './tournament.entity.js';
import { TournamentAudit } from './tournament-audit.entity.js';
import { TournamentTeam } from './tournament-team.entity.js';
import { loadConfirmed, loadEntries, loadRounds, loadTeamTab, loadTournament } from './tournament-data.js';
import { speakerTab } from './tournament-engine.js';
import {
  bracketView,
  cupView,
  roundView,
  tournamentStage,
  tournamentView,
  type BracketView,
  type CupView,
  type RoundView,
  type SpeakerRow,
  type TeamRow,
  type TournamentView,
} from './tournament-views.js';

/** The read side of tournaments and cups: what the API and the /live snapshots show. Nothing here writes. */
@Injectable()
export class TournamentQueries implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly snapshots: LiveSnapshots,
    private readonly privacy: PrivacyService,
  ) {}

  onModuleInit(): void {
    // The standings push carries the whole public board (no `standings` override): a confirmed result moves the
    // tabs, the current round's results and the bracket together, and the audience board never asks REST for them.
    this.snapshots.register('tournament', {
      snapshot: async (em, id) => {
        const tournament = await loadTournament(em, id);
        const current = (await loadRounds(em, id)).filter((r) => r.status !== 'draft').at(-1);
        const name = await this.privacy.namer(false, em);
        return {
          tournament: await tournamentView(em, tournament),
          standings: await loadTeamTab(em, id, true),
          speakers: (await this.speakerTab(em, tournament, false)).map((r) => ({ ...r, name: name(r.name) })),
          bracket: await bracketView(em, tournament),
          currentRound: current ? await roundView(em, current, false) : null,
        };
      },
    });
    this.snapshots.register('cup', { snapshot: (em, id) => this.cupBoard(em, id) });
  }

  /** The cup as its board shows it: the regions' names, each tournament's stage, and the names of their teams. */
  private async cupBoard(em: EntityManager, id: string) {
    const cup = await cupView(em, id);
    const regions = await em.find(MacroRegion, { order: { position: 'ASC' } });
    const tournaments = await em.findBy(Tournament, { cupId: id });
    const stages = [];
    for (const t of tournaments) stages.push(await tournamentStage(em, t));
    const entries = tournaments.length
      ? await em.find(TournamentTeam, {
          where: { tournamentId: In(tournaments.map((t) => t.id)) },
          relations: { team: true },
        })
      : [];
    return {
      cup,
      regions: regions.map((r) => ({ code: r.code, name: { kk: r.nameKk, ru: r.nameRu, en: r.nameEn } })),
      tournaments: stages,
      teamNames: Object.fromEntries(entries.map((e) => [e.teamId, e.team.name])),
    };
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
    return this.speakerTab(this.em, await loadTournament(this.em, id), organiser);
  }

  private async speakerTab(em: EntityManager, tournament: Tournament, organiser: boolean): Promise<SpeakerRow[]> {
    const entries = await loadEntries(em, tournament.id);
    return speakerTab(
      tournament.formatSpec,
      entries.flatMap((e) => e.team.members.map((m) => ({ id: m.id, name: m.fullName, teamId: e.teamId }))),
      await loadConfirmed(em, tournament.id, !organiser),
    );
  }

  async bracket(id: string): Promise<BracketView> {
    return bracketView(this.em, await loadTournament(this.em, id));
  }

  async audit(id: string): Promise<TournamentAudit[]> {
    await loadTournament(this.em, id);
    return this.em.find(TournamentAudit, { where: { tournamentId: id }, order: { at: 'ASC' } });
  }

  /** A round; drafts are the organiser's only. */
  async round(tournamentId: string, seq: number, organiser: boolean): Promise<RoundView> {
    const round = await this.em.findOneBy(Round, { tournamentId, seq });
    if (!round || (!organiser && round.status === 'draft'))
      throw DomainError.notFound(`round ${seq} of tournament`, tournamentId);
    return roundView(this.em, round, organiser);
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
