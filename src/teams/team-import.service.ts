import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  type CsvRow,
  type ImportProblem,
  type ImportReport,
  importFailed,
  isoDate,
  optional,
  parseCsv,
  parseFlag,
  validateRow,
} from '../common/csv-import.js';
import { DomainError, type Problem } from '../common/domain-error.js';
import { RegionsService } from '../regions/regions.service.js';
import { CreateTeamDto, TeamView } from './team.dto.js';
import { Team } from './team.entity.js';
import { teamView, TeamsService } from './teams.service.js';

export const MAX_MEMBERS = 10;
const MEMBER_COLUMNS = Array.from({ length: MAX_MEMBERS }, (_, i) => [
  `member${i + 1}Name`,
  `member${i + 1}BirthDate`,
]).flat();
export const TEAM_COLUMNS = {
  required: ['name', 'oblastCode', 'institution', 'member1Name', 'member1BirthDate'],
  optional: ['regionCode', 'rural', 'eventDate', ...MEMBER_COLUMNS.slice(2)],
};

/** members.0.birthDate → member1BirthDate: problems name the CSV column the organiser typed. */
function column(field: string | null): string | null {
  const member = field && /^members\.(\d+)\.(fullName|birthDate)$/.exec(field);
  if (member) return `member${Number(member[1]) + 1}${member[2] === 'fullName' ? 'Name' : 'BirthDate'}`;
  return field === 'members' ? 'member1Name' : field;
}

class Rollback extends Error {}

export interface TeamImportResult extends ImportReport {
  items: TeamView[];
}

/** `POST /api/teams/import`: every row checked as `POST /api/teams` checks it, then all imported in one transaction or none. */
@Injectable()
export class TeamImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TeamsService,
    private readonly regions: RegionsService,
  ) {}

  async import(csv: string, dryRun: boolean): Promise<TeamImportResult> {
    const rows = parseCsv(csv, TEAM_COLUMNS);
    const problems: ImportProblem[] = [];
    const ids: string[] = [];
    // Dry run or not, the rows really go in, in order, inside one transaction: a name repeated in the file is then
    // caught exactly as against the database. A dry run, or any bad row, rolls it all back.
    try {
      await this.dataSource.transaction(async (em) => {
        for (const row of rows) {
          const found = await this.importRow(em, row);
          if (typeof found === 'string') ids.push(found);
          else
            problems.push(
              ...found.map((p) => ({ row: row.row, field: column(p.field), code: p.code, message: p.message })),
            );
        }
        if (dryRun || problems.length) throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    if (!dryRun && problems.length) throw importFailed(problems);
    const items = dryRun
      ? []
      : (await this.dataSource.getRepository(Team).find({ where: { id: In(ids) }, relations: { members: true } })).map(
          teamView,
        );
    return { dryRun, rows: rows.length, imported: problems.length ? 0 : rows.length, problems, items };
  }

  /** The new team's id, or the row's problems. */
  private async importRow(em: EntityManager, { values }: CsvRow): Promise<string | Problem[]> {
    const oblast = optional(values.oblastCode) && (await this.regions.resolveUnit(em, values.oblastCode));
    if (optional(values.oblastCode) && !oblast) {
      return [
        {
          field: 'oblastCode',
          code: 'UNKNOWN_OBLAST',
          message: `oblastCode "${values.oblastCode}" is not a known oblast or city (code, ISO/KATO code or name)`,
        },
      ];
    }
    const members = [];
    for (let i = 1; i <= MAX_MEMBERS; i++) {
      const fullName = optional(values[`member${i}Name`]);
      const birthDate = optional(values[`member${i}BirthDate`]);
      if (fullName !== undefined || birthDate !== undefined)
        members.push({ fullName: fullName ?? '', birthDate: isoDate(birthDate ?? '') });
    }
    const { dto, problems } = await validateRow(CreateTeamDto, {
      name: values.name,
      regionCode: optional(values.regionCode) ?? (oblast ? oblast.macroRegionCode : ''),
      oblastCode: oblast ? oblast.code : values.oblastCode,
      institution: values.institution,
      rural: parseFlag(values.rural ?? ''),
      eventDate: optional(values.eventDate) && isoDate(values.eventDate),
      members,
    });
    if (problems.length) return problems;
    try {
      return await this.teams.insert(em, dto);
    } catch (error) {
      if (error instanceof DomainError) return error.problems;
      throw error;
    }
  }
}
