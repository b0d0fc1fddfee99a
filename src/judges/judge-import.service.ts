import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type ImportProblem,
  type ImportReport,
  importFailed,
  optional,
  parseCsv,
  validateRow,
} from '../common/csv-import.js';
import { DomainError } from '../common/domain-error.js';
import { RegionsService } from '../regions/regions.service.js';
import { CreatedJudgeView, CreateJudgeDto } from './judge.dto.js';
import { JudgesService } from './judges.service.js';

export const JUDGE_COLUMNS = { required: ['fullName', 'regionCode', 'institution'], optional: ['strength'] };

export interface JudgeImportResult extends ImportReport {
  /** On a real run: each judge with the access code and link, shown once (print them from here). */
  items: CreatedJudgeView[];
}

/** `POST /api/judges/import`: every row checked as `POST /api/judges` checks it, then all imported in one transaction or none. */
@Injectable()
export class JudgeImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly judges: JudgesService,
    private readonly regions: RegionsService,
  ) {}

  async import(csv: string, dryRun: boolean): Promise<JudgeImportResult> {
    const rows = parseCsv(csv, JUDGE_COLUMNS);
    const problems: ImportProblem[] = [];
    const dtos: CreateJudgeDto[] = [];
    for (const { row, values } of rows) {
      const strength = optional(values.strength);
      const { dto, problems: found } = await validateRow(CreateJudgeDto, {
        fullName: values.fullName,
        regionCode: values.regionCode,
        institution: values.institution,
        // "7,5" as a kk/ru spreadsheet writes it; anything else not a number is reported by the DTO's check.
        strength:
          strength === undefined
            ? undefined
            : /^\d+([.,]\d+)?$/.test(strength)
              ? Number(strength.replace(',', '.'))
              : strength,
      });
      if (!found.length) {
        try {
          await this.regions.assertRegion(this.dataSource.manager, dto.regionCode);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          found.push(...error.problems);
        }
      }
      problems.push(...found.map((p) => ({ row, field: p.field, code: p.code, message: p.message })));
      dtos.push(dto);
    }
    if (!dryRun && problems.length) throw importFailed(problems);
    if (dryRun) return { dryRun, rows: rows.length, imported: problems.length ? 0 : rows.length, problems, items: [] };
    const credentials = await this.judges.prepareCredentials(dtos.length);
    const items = await this.dataSource.transaction(async (em) => {
      const created: CreatedJudgeView[] = [];
      for (const [i, dto] of dtos.entries()) created.push(await this.judges.insert(em, dto, credentials[i]));
      return created;
    });
    return { dryRun, rows: rows.length, imported: items.length, problems, items };
  }
}
