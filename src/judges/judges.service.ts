import { actorNames } from '../auth/actor-names.js';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { hashSecret, verifySecret } from '../auth/secret-hashing.js';
import { EntityManager, In, Repository } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { filters, type Page, pageOfAll } from '../common/pagination.dto.js';
import { updateVersioned } from '../common/versioned-update.js';
import { RegionsService } from '../regions/regions.service.js';
import { Team } from '../teams/team.entity.js';
import type { Principal } from '../auth/principal.js';
import { issueCredentials, type IssuedCredentials, parseAccessCode, sha256 } from './judge-credentials.js';

export interface HashedCredentials extends IssuedCredentials {
  /** argon2id of the secret half of the access code. */
  secretHash: string;
}
import {
  CreatedJudgeView,
  CreateJudgeDto,
  CredentialAuditView,
  JudgeCredentialsView,
  JudgeConflictDto,
  JudgeJudgeConflictDto,
  JudgeQuery,
  JudgeView,
  TeamConflict,
  UpdateJudgeDto,
} from './judge.dto.js';
import {
  CredentialAction,
  Judge,
  JudgeCredentialAudit,
  JudgeJudgeConflict,
  JudgeTeamConflict,
} from './judge.entity.js';

// Verifying against a real hash when no judge has the prefix keeps sign-in time from revealing which prefixes exist.
const DUMMY_HASH = hashSecret('orleu-prefix-timing-equaliser');

/** Institutions are typed by hand: compared case- and spacing-insensitively, through this key. */
export const institutionKey = (name: string) => name.trim().toLocaleLowerCase().replace(/\s+/g, ' ');

@Injectable()
export class JudgesService {
  constructor(
    @InjectRepository(Judge) private readonly judges: Repository<Judge>,
    private readonly regions: RegionsService,
  ) {}

  async create(dto: CreateJudgeDto): Promise<CreatedJudgeView> {
    const [credentials] = await this.prepareCredentials(1);
    return this.judges.manager.transaction(async (em) => {
      await this.regions.assertRegion(em, dto.regionCode);
      return this.insert(em, dto, credentials);
    });
  }

  /**
   * Credentials with the secret already hashed. argon2 takes ~30 ms a hash on this machine: done before the
   * transaction (and in parallel), so a batch does not hold the database — the embedded one has one connection.
   */
  async prepareCredentials(count: number): Promise<HashedCredentials[]> {
    return Promise.all(
      Array.from({ length: count }, async () => {
        const issued = issueCredentials();
        return { ...issued, secretHash: await hashSecret(issued.secret) };
      }),
    );
  }

  /** Inserts one judge (the region already checked) with prepared credentials; the code and link are shown once. */
  async insert(em: EntityManager, dto: CreateJudgeDto, prepared: HashedCredentials): Promise<CreatedJudgeView> {
    const issued = await this.unclashed(em, prepared);
    const judge = await em.save(
      em.create(Judge, {
        fullName: dto.fullName.trim(),
        regionCode: dto.regionCode,
        institution: dto.institution.trim(),
        strength: dto.strength ?? 5,
        accessPrefix: issued.prefix,
        accessSecretHash: issued.secretHash,
        linkTokenHash: issued.linkTokenHash,
      }),
    );
    return { ...this.view(judge, []), accessCode: issued.accessCode, link: `/judge/${issued.linkToken}` };
  }

  /**
   * New access code and link for each judge, in one transaction: the old code, the old link and every token
   * signed from them stop working at once (the credential generation moves on). Clears a revocation. Audited.
   */
  async reissue(judgeIds: string[], actor: Principal, reason: string | null): Promise<JudgeCredentialsView[]> {
    const prepared = await this.prepareCredentials(new Set(judgeIds).size);
    return this.judges.manager.transaction(async (em) => {
      const judges = await em.find(Judge, {
        where: { id: In(judgeIds) },
        lock: { mode: 'pessimistic_write' },
        order: { fullName: 'ASC', id: 'ASC' },
      });
      const missing = judgeIds.filter((id) => !judges.some((j) => j.id === id));
      if (missing.length) throw DomainError.notFound('judge', missing.join(', '));
      const out: JudgeCredentialsView[] = [];
      for (const [i, judge] of judges.entries()) {
        const issued = await this.unclashed(em, prepared[i]);
        await em.update(
          Judge,
          { id: judge.id },
          {
            accessPrefix: issued.prefix,
            accessSecretHash: issued.secretHash,
            linkTokenHash: issued.linkTokenHash,
            credentialGeneration: () => 'credential_generation + 1',
            revokedAt: null,
          },
        );
        await this.audit(em, judge.id, 'reissued', actor, reason);
        out.push({
          judgeId: judge.id,
          fullName: judge.fullName,
          regionCode: judge.regionCode,
          institution: judge.institution,
          accessCode: issued.accessCode,
          link: `/judge/${issued.linkToken}`,
        });
      }
      return out;
    });
  }

  /** The judge can no longer sign in, and every token they hold is refused from the next request on. Audited. */
  async revoke(id: string, actor: Principal, reason: string | null): Promise<JudgeView> {
    await this.judges.manager.transaction(async (em) => {
      const judge = await em.findOne(Judge, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!judge) throw DomainError.notFound('judge', id);
      await em.update(
        Judge,
        { id },
        { revokedAt: () => 'now()', credentialGeneration: () => 'credential_generation + 1' },
      );
      await this.audit(em, id, 'revoked', actor, reason);
    });
    return this.get(id);
  }

  async credentialAudit(id: string): Promise<Page<CredentialAuditView>> {
    if (!(await this.judges.existsBy({ id }))) throw DomainError.notFound('judge', id);
    const rows = await this.judges.manager.find(JudgeCredentialAudit, {
      where: { judgeId: id },
      order: { at: 'ASC', id: 'ASC' },
    });
    const names = await actorNames(
      this.judges.manager,
      rows.map((r) => `organiser:${r.organiserId}`),
    );
    const items = rows.map((r) => ({
      action: r.action,
      organiserId: r.organiserId,
      organiserName: names.get(`organiser:${r.organiserId}`) ?? null,
      reason: r.reason,
      at: r.at.toISOString(),
    }));
    return pageOfAll(items);
  }

  private async audit(
    em: EntityManager,
    judgeId: string,
    action: CredentialAction,
    actor: Principal,
    reason: string | null,
  ) {
    await em.insert(JudgeCredentialAudit, { judgeId, action, organiserId: actor.id, reason });
  }

  /** The prepared credentials, or new ones if another judge holds the lookup prefix (a clash would fail the batch). */
  private async unclashed(em: EntityManager, prepared: HashedCredentials): Promise<HashedCredentials> {
    let issued = prepared;
    while (await em.existsBy(Judge, { accessPrefix: issued.prefix })) [issued] = await this.prepareCredentials(1);
    return issued;
  }

  async get(id: string): Promise<JudgeView> {
    const judge = await this.judges.findOneBy({ id });
    if (!judge) throw DomainError.notFound('judge', id);
    const em = this.judges.manager;
    const conflicts = await em.findBy(JudgeTeamConflict, { judgeId: id });
    const pairs = await em.find(JudgeJudgeConflict, { where: [{ judgeA: id }, { judgeB: id }] });
    return this.view(
      judge,
      conflicts,
      pairs.map((p) => (p.judgeA === id ? p.judgeB : p.judgeA)),
    );
  }

  async list(query: JudgeQuery): Promise<Page<JudgeView>> {
    const [rows, total] = await this.judges.findAndCount({
      where: filters({ regionCode: query.regionCode }),
      order: { fullName: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    const conflicts = rows.length
      ? await this.judges.manager.findBy(JudgeTeamConflict, { judgeId: In(rows.map((r) => r.id)) })
      : [];
    return {
      items: rows.map((r) =>
        this.view(
          r,
          conflicts.filter((c) => c.judgeId === r.id),
        ),
      ),
      total,
    };
  }

  async update(id: string, dto: UpdateJudgeDto): Promise<JudgeView> {
    await this.judges.manager.transaction(async (em) => {
      if (!(await em.existsBy(Judge, { id }))) throw DomainError.notFound('judge', id);
      if (dto.regionCode !== undefined) await this.regions.assertRegion(em, dto.regionCode);
      const { version, ...changes } = dto;
      await updateVersioned(
        em,
        Judge,
        id,
        version,
        { ...changes, fullName: changes.fullName?.trim(), institution: changes.institution?.trim() },
        `judge ${id}`,
      );
    });
    return this.get(id);
  }

  async addConflict(judgeId: string, dto: JudgeConflictDto): Promise<JudgeView> {
    await this.judges.manager.transaction(async (em) => {
      if (!(await em.existsBy(Judge, { id: judgeId }))) throw DomainError.notFound('judge', judgeId);
      if (!(await em.existsBy(Team, { id: dto.teamId }))) throw DomainError.notFound('team', dto.teamId);
      await em
        .createQueryBuilder()
        .insert()
        .into(JudgeTeamConflict)
        .values({ judgeId, teamId: dto.teamId, note: dto.note ?? null })
        .orIgnore()
        .execute();
    });
    return this.get(judgeId);
  }

  async addJudgeConflict(judgeId: string, dto: JudgeJudgeConflictDto): Promise<JudgeView> {
    if (judgeId === dto.judgeId) throw DomainError.invalid('judgeId must name another judge');
    await this.judges.manager.transaction(async (em) => {
      for (const id of [judgeId, dto.judgeId])
        if (!(await em.existsBy(Judge, { id }))) throw DomainError.notFound('judge', id);
      const [judgeA, judgeB] = [judgeId, dto.judgeId].sort();
      await em
        .createQueryBuilder()
        .insert()
        .into(JudgeJudgeConflict)
        .values({ judgeA, judgeB, note: dto.note ?? null })
        .orIgnore()
        .execute();
    });
    return this.get(judgeId);
  }

  /** Throws a 404 naming every id that is not a judge. */
  async requireAll(em: EntityManager, judgeIds: string[]): Promise<Judge[]> {
    const found = await em.findBy(Judge, { id: In(judgeIds) });
    const missing = judgeIds.filter((id) => !found.some((j) => j.id === id));
    if (missing.length) throw DomainError.notFound('judge', missing.join(', '));
    return found;
  }

  /** Pairs of the given judges that must not share a panel. */
  async judgeConflicts(em: EntityManager, judgeIds: string[]): Promise<[string, string][]> {
    if (judgeIds.length < 2) return [];
    const rows = await em.findBy(JudgeJudgeConflict, { judgeA: In(judgeIds), judgeB: In(judgeIds) });
    return rows.map((r) => [r.judgeA, r.judgeB]);
  }

  /** Every judge–team conflict among the given people: declared ones and same-institution ones. */
  async conflicts(em: EntityManager, judgeIds: string[], teamIds: string[]): Promise<TeamConflict[]> {
    if (judgeIds.length === 0 || teamIds.length === 0) return [];
    // One round trip: every ballot checks its judge against the debate's teams.
    const [facts] = (await em.query(conflictFactsSql('$1::uuid[]', '$2::uuid[]'), [
      judgeIds,
      teamIds,
    ])) as ConflictFacts[];
    return conflictsFrom(facts);
  }

  /** Resolves a typed access code or a private-link token to the judge, or undefined. */
  async authenticate(credentials: { accessCode?: string; token?: string }): Promise<Judge | undefined> {
    if (credentials.token !== undefined) {
      return (await this.judges.findOneBy({ linkTokenHash: sha256(credentials.token) })) ?? undefined;
    }
    const parsed = parseAccessCode(credentials.accessCode ?? '');
    if (!parsed) return undefined;
    const candidates = await this.judges.findBy({ accessPrefix: parsed.prefix });
    if (candidates.length === 0) {
      await verifySecret(await DUMMY_HASH, parsed.secret);
      return undefined;
    }
    for (const judge of candidates) if (await verifySecret(judge.accessSecretHash, parsed.secret)) return judge;
    return undefined;
  }

  private view(judge: Judge, conflicts: JudgeTeamConflict[], judgeConflicts: string[] = []): JudgeView {
    return {
      id: judge.id,
      fullName: judge.fullName,
      regionCode: judge.regionCode,
      institution: judge.institution,
      strength: judge.strength,
      revoked: judge.revokedAt !== null,
      conflicts: conflicts.map((c) => ({ teamId: c.teamId, note: c.note })),
      judgeConflicts: judgeConflicts.sort(),
      version: judge.version,
    };
  }
}

/** What decides judge–team conflicts, as `conflictFactsSql` reads it. */
export interface ConflictFacts {
  judges: { id: string; institution: string }[];
  teams: { id: string; institution: string; mentorJudgeId: string | null }[];
  declared: { judgeId: string; teamId: string }[];
}

/**
 * One row of `ConflictFacts` for the judges and teams of two uuid[] expressions (parameters or sub-selects), so a
 * caller can read them in a statement it sends anyway.
 */
export function conflictFactsSql(judgeIds: string, teamIds: string): string {
  return `SELECT
    (SELECT coalesce(json_agg(json_build_object('id', j.id, 'institution', j.institution)), '[]')
       FROM judges j WHERE j.id = ANY(${judgeIds})) AS judges,
    (SELECT coalesce(json_agg(json_build_object('id', t.id, 'institution', t.institution,
              'mentorJudgeId', m.judge_id)), '[]')
       FROM teams t LEFT JOIN mentors m ON m.id = t.mentor_id WHERE t.id = ANY(${teamIds})) AS teams,
    (SELECT coalesce(json_agg(json_build_object('judgeId', c.judge_id, 'teamId', c.team_id)), '[]')
       FROM judge_team_conflicts c WHERE c.judge_id = ANY(${judgeIds}) AND c.team_id = ANY(${teamIds})) AS declared`;
}

/**
 * The conflicts among the facts: declared ones, then mentors, then the same institution. Teams are indexed by
 * institution and mentor, so a 4,000-team field with 12,000 judges costs one lookup per judge, not 48 million
 * comparisons (the pairwise scan took over a second at 5,000 participants).
 */
export function conflictsFrom({ judges, teams, declared }: ConflictFacts): TeamConflict[] {
  const out: TeamConflict[] = declared.map((c) => ({ judgeId: c.judgeId, teamId: c.teamId, reason: 'declared' }));
  const seen = new Set(out.map((c) => `${c.judgeId}:${c.teamId}`));
  const byInstitution = new Map<string, number[]>();
  const byMentor = new Map<string, number[]>();
  const index = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  teams.forEach((team, i) => {
    index(byInstitution, institutionKey(team.institution), i);
    if (team.mentorJudgeId) index(byMentor, team.mentorJudgeId, i);
  });
  for (const judge of judges) {
    const related = new Set([
      ...(byMentor.get(judge.id) ?? []),
      ...(byInstitution.get(institutionKey(judge.institution)) ?? []),
    ]);
    for (const i of [...related].sort((a, b) => a - b)) {
      const team = teams[i];
      if (seen.has(`${judge.id}:${team.id}`)) continue;
      // A judge who mentors a team never scores it: the mentor record names the judge.
      out.push({
        judgeId: judge.id,
        teamId: team.id,
        reason: team.mentorJudgeId === judge.id ? 'mentor' : 'same-institution',
      });
    }
  }
  return out;
}
