import { describe, expect, it } from '@jest/globals';
import { isoDate, parseCsv, parseFlag } from './csv-import.js';
import { DomainError, leadingField } from './domain-error.js';

const columns = { required: ['a', 'b'], optional: ['c'] };

describe('CSV import helpers', () => {
  it('reads ";" or "," (whichever the header uses), with or without a BOM, quoted fields included', () => {
    const semicolon = parseCsv('\uFEFFa;b;c\r\n"x; y";"он ""сказал""";\r\n', columns);
    expect(semicolon).toEqual([{ row: 2, values: { a: 'x; y', b: 'он "сказал"', c: '' } }]);
    const comma = parseCsv('b,a\n1,2\n\n3,4\n', columns);
    expect(comma).toEqual([
      { row: 2, values: { b: '1', a: '2' } },
      { row: 4, values: { b: '3', a: '4' } },
    ]);
  });

  it('numbers rows as a spreadsheet does: a quoted line break stays in its row, an empty line is a row', () => {
    const rows = parseCsv('a,b\n"two\nlines",x\ny,z\n\nu,v\n', columns);
    expect(rows.map((r) => r.row)).toEqual([2, 4, 6]);
    const windows = parseCsv('a,b\r\n"two\r\nlines",x\r\ny,z\r\n\r\nu,v\r\n', columns);
    expect(windows.map((r) => r.row)).toEqual([2, 4, 6]);
  });

  it('names unknown and missing columns, and a malformed sheet', () => {
    const codes = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as DomainError).problems.map((p) => [p.field, p.code]);
      }
      return [];
    };
    expect(codes(() => parseCsv('a,d\n', columns))).toEqual([
      ['d', 'UNKNOWN_COLUMN'],
      ['b', 'MISSING_COLUMN'],
    ]);
    expect(codes(() => parseCsv('a,b\n"open,x\n', columns))).toEqual([['body', 'CSV_MALFORMED']]);
    expect(codes(() => parseCsv('', columns))).toEqual([['body', 'CSV_EMPTY']]);
  });

  it('reads kk/ru flags and DD.MM.YYYY dates', () => {
    expect(['да', 'Иә', 'yes', '1', 'true'].map(parseFlag)).toEqual([true, true, true, true, true]);
    expect(['нет', 'жоқ', '', '0'].map(parseFlag)).toEqual([false, false, false, false]);
    expect(parseFlag('maybe')).toBe('maybe');
    expect(isoDate('7.5.2006')).toBe('2006-05-07');
    expect(isoDate('2006-05-07')).toBe('2006-05-07');
  });
});

describe('leadingField', () => {
  it('finds the field a service message starts with, and only then', () => {
    expect(leadingField('members.0.birthDate gives age 7 on 2026-11-25')).toBe('members.0.birthDate');
    expect(leadingField('regionCode must be one of south, north')).toBe('regionCode');
    expect(leadingField('name: a team called "X" is already registered')).toBe('name');
    expect(leadingField('oblastCode "x" is not a known oblast')).toBe('oblastCode');
    expect(leadingField('team 5f0c not found')).toBeNull();
    expect(leadingField('username or password is wrong')).toBeNull();
    expect(leadingField('Internal server error')).toBeNull();
  });
});
