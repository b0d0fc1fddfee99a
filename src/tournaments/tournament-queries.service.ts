import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { actorNames } from '../auth/actor-names.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/domain-error.js';
import { type Page, pageOfAll } from '../common/pagination.dto.js';
import type { WorkDebateDto } from '../judge-work/judge-work.dto.js';
import { LiveSnapshots } from '../live/live-snapshots.js';
import { PrivacyService } from '../privacy/privacy.service.js';
import { MacroRegion } from '../regions/region.entity.js';
import { Cup } from './cup.entity.js';
import { Debate } from './debate.entity.js';
import { judgeDebates } from './judge-debates.js';
import { Ballot } from './ballot.entity.js';
import type { RoundBallotsPage } from './round-ballots.dto.js';
import { Round } from './round.entity.js';
import { Tournament } from './tournament.entity.js';
import { TournamentAudit } from './tournament-audit.entity.js';
import { TournamentTeam } from './tournament-team.entity.js';
import { loadConfirmed, loadEntries, loadRounds, loadTeamTab, loadTournament } from './tournament-data.js';
import { speakerTab } from './tournament-engine.js';
import { entryAgeGroups } from './tournament-age-groups.js';
import type { TeamAgeGroupList } from './age-groups.dto.js';
import { bandKey } from '../engine/age-groups/age-groups.js';
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
  type TournamentAuditEntry,
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
  /** The team tab; with `ageGroup`, only that group's rows, keeping their places in the whole tab. */
  async standings(id: string, organiser: boolean, ageGroup?: string): Promise<TeamRow[]> {
    const tournament = await loadTournament(this.em, id);
    const rows = await loadTeamTab(this.em, id, !organiser);
    const keep = await this.teamsOfGroup(tournament, ageGroup);
    return keep ? rows.filter((r) => keep.has(r.teamId)) : rows;
  }

  async speakers(id: string, organiser: boolean, ageGroup?: string): Promise<SpeakerRow[]> {
    const tournament = await loadTournament(this.em, id);
    const keep = await this.teamsOfGroup(tournament, ageGroup);
    return (await this.speakerTab(this.em, tournament, organiser)).filter((r) => !keep || keep.has(r.teamId));
  }

  /** The speaker tab with each speaker's team name beside its id. */
  private async speakerTab(em: EntityManager, tournament: Tournament, organiser: boolean): Promise<SpeakerRow[]> {
    const entries = await loadEntries(em, tournament.id);
    const teamName = new Map(entries.map((e) => [e.teamId, e.team.name]));
    const rows = speakerTab(
      tournament.formatSpec,
      entries.flatMap((e) => e.team.members.map((m) => ({ id: m.id, name: m.fullName, teamId: e.teamId }))),
      await loadConfirmed(em, tournament.id, !organiser),
    );
    return rows.map((row) => ({ ...row, teamName: teamName.get(row.teamId) ?? '' }));
  }

  /** Organisers: each entered team's age group under the cup's bands (no birth date or age leaves the server). */
  async ageGroups(id: string): Promise<TeamAgeGroupList> {
    const { ageBands, referenceDate, teams } = await entryAgeGroups(this.em, await loadTournament(this.em, id));
    const items = teams.map((t) => ({
      teamId: t.teamId,
      teamName: t.teamName,
      regionCode: t.regionCode,
      ageGroup: t.group.ageGroup,
      note: t.group.ageGroup === null ? t.group.reason : null,
    }));
    return { ...pageOfAll(items), ageBands, referenceDate };
  }

  /** The ids of the group's teams, or undefined when no group is asked for; an unknown group is a 400. */
  private async teamsOfGroup(tournament: Tournament, ageGroup?: string): Promise<Set<string> | undefined> {
    if (ageGroup === undefined) return undefined;
    const { ageBands, teams } = await entryAgeGroups(this.em, tournament);
    if (!ageBands.some((band) => bandKey(band) === ageGroup))
      throw DomainError.invalid(
        `ageGroup: "${ageGroup}" is not one of this tournament's age groups (${ageBands.map(bandKey).join(', ')})`,
      );
    return new Set(teams.filter((t) => t.group.ageGroup === ageGroup).map((t) => t.teamId));
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
    return pageOfAll(items);
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
      motion: view.motion,
    };
  }

  /** The debates a judge sits on in released rounds: the same cards as `GET /api/me/work`'s. */
  async judgeDebates(judge: Principal): Promise<Page<WorkDebateDto>> {
    const items = await judgeDebates(this.em, judge.id);
    return pageOfAll(items);
  }

  cup(id: string, leagueKey?: string): Promise<CupView> {
    return cupView(this.em, id, leagueKey);
  }

  async cups(): Promise<CupView[]> {
    const cups = await this.em.find(Cup, { order: { createdAt: 'DESC' } });
    return Promise.all(cups.map((c) => cupView(this.em, c.id)));
  }
}
