import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { IsIn, IsOptional, validate } from 'class-validator';
import { CsvError, parse } from 'csv-parse/sync';
import { DomainError, DomainErrorCode, type Problem } from './domain-error.js';
import { validationProblems } from './validation-problems.js';

/** Largest CSV body an import reads (a few thousand rows). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

/** A problem of one CSV row; `row` is the line number a spreadsheet shows (the header is row 1). */
export class ImportProblem {
  @ApiProperty()
  row: number;

  @ApiProperty({ nullable: true, type: String, description: 'the CSV column' })
  field: string | null;

  @ApiProperty({ description: 'stable machine code, e.g. IS_NOT_EMPTY, UNKNOWN_OBLAST, CONFLICT (name taken)' })
  code: string;

  @ApiProperty()
  message: string;
}

export class ImportReport {
  @ApiProperty({ description: 'true: nothing was written' })
  dryRun: boolean;

  @ApiProperty({ description: 'data rows read' })
  rows: number;

  @ApiProperty({ description: 'rows imported (or, on a dry run, that would be): all rows or none' })
  imported: number;

  @ApiProperty({ type: [ImportProblem] })
  problems: ImportProblem[];
}

export interface CsvRow {
  /** Line number as a spreadsheet shows it (header = 1). */
  row: number;
  values: Record<string, string>;
}

/** Reads the raw request body (text/csv) up to MAX_CSV_BYTES; JSON parsers leave such a body unread. */
export async function readCsvBody(
  request: AsyncIterable<Buffer | string> & { headers: Record<string, unknown> },
): Promise<string> {
  const type = String(request.headers['content-type'] ?? '');
  if (!/^(text\/csv|text\/plain|application\/csv)\b/i.test(type)) {
    throw DomainError.field(
      DomainErrorCode.InvalidInput,
      'body',
      'CSV_CONTENT_TYPE',
      'body must be sent as Content-Type: text/csv',
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_CSV_BYTES) {
      throw DomainError.field(
        DomainErrorCode.InvalidInput,
        'body',
        'CSV_TOO_LARGE',
        `body must be at most ${MAX_CSV_BYTES} bytes`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses a CSV (UTF-8 with or without a BOM, `;` or `,` — whichever the header line uses more of — quoted fields)
 * into rows keyed by header name. Unknown or missing columns are a 400 naming them.
 */
export function parseCsv(text: string, columns: { required: string[]; optional: string[] }): CsvRow[] {
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With info: true each record comes as { record, info }; the sync parser's typings only know plain arrays.
    records = parse(body, {
      delimiter,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    const message = error instanceof CsvError ? error.message : String(error);
    throw DomainError.field(DomainErrorCode.InvalidInput, 'body', 'CSV_MALFORMED', `body is not valid CSV: ${message}`);
  }
  if (records.length === 0)
    throw DomainError.field(DomainErrorCode.InvalidInput, 'body', 'CSV_EMPTY', 'body has no header row');
  const header = records[0].record;
  const known = new Set([...columns.required, ...columns.optional]);
  const problems: Problem[] = [
    ...header
      .filter((h) => !known.has(h))
      .map((h) => ({
        field: h,
        code: 'UNKNOWN_COLUMN',
        message: `column "${h}" is not one of ${[...known].join(', ')}`,
      })),
    ...columns.required
      .filter((c) => !header.includes(c))
      .map((c) => ({ field: c, code: 'MISSING_COLUMN', message: `column "${c}" is missing` })),
  ];
  if (problems.length) {
    throw new DomainError(
      DomainErrorCode.InvalidInput,
      problems.map((p) => p.message),
      problems,
    );
  }
  // info.lines is the line a record ends on, and csv-parse counts a CRLF inside quotes as two lines: take both
  // back off so a row is numbered where it starts, as a spreadsheet shows it.
  let overcounted = 0;
  return records.slice(1).map(({ record, info }) => {
    const text = record.join('');
    overcounted += text.match(/\r\n/g)?.length ?? 0;
    return {
      row: info.lines - overcounted - (text.match(/\n/g)?.length ?? 0),
      values: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])),
    };
  });
}

/** Validates a row turned into a create-DTO exactly as the JSON route would; problems carry the DTO's field paths. */
export async function validateRow<T extends object>(
  type: ClassConstructor<T>,
  plain: object,
): Promise<{ dto: T; problems: Problem[] }> {
  const dto = plainToInstance(type, plain);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  return { dto, problems: validationProblems(errors) };
}

/** The 400 of a real import with bad rows (nothing imported): Nest's message list, and the rows as problems. */
export function importFailed(problems: ImportProblem[]): DomainError {
  const messages = problems.map((p) => `row ${p.row}: ${p.message}`);
  return new DomainError(DomainErrorCode.InvalidInput, messages, problems);
}

/** "yes/no", "true/false", "1/0", «да/нет», «иә/жоқ»; empty → false. */
export function parseFlag(text: string): boolean | string {
  const t = text.trim().toLocaleLowerCase('ru');
  if (['', 'false', 'no', '0', 'нет', 'жоқ'].includes(t)) return false;
  if (['true', 'yes', '1', 'да', 'иә', 'ия'].includes(t)) return true;
  return text;
}

/** ISO dates pass through; DD.MM.YYYY (how Excel shows dates in kk/ru locales) becomes ISO. */
export function isoDate(text: string): string {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : text.trim();
}

/** Optional cell: empty → undefined so the DTO's default applies. */
export const optional = (text: string | undefined) =>
  text === undefined || text.trim() === '' ? undefined : text.trim();

export class ImportQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: check every row and report, write nothing' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
