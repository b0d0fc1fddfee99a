import { describe, expect, it } from '@jest/globals';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('starts with a BOM, quotes what needs quoting and ends rows with CRLF', () => {
    expect(
      toCsv(
        ['team', 'note'],
        [
          ['Алтын Орда', 'said "yes", then no'],
          ['Line\nbreak', null],
        ],
      ),
    ).toBe('\uFEFFteam,note\r\nАлтын Орда,"said ""yes"", then no"\r\n"Line\nbreak",\r\n');
  });

  it('shows averages with two decimals and integers as they are', () => {
    expect(
      toCsv(
        ['total', 'judges'],
        [
          [65.83333333333333, 3],
          [8.666666666666666, 0],
        ],
      ),
    ).toBe('\uFEFFtotal,judges\r\n65.83,3\r\n8.67,0\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR', 'Safe = text'];
    expect(toCsv(['name', 'margin'], [...hostile.map((h) => [h, -5])])).toBe(
      '\uFEFFname,margin\r\n' +
        '"\'=HYPERLINK(""http://x"",""y"")",-5\r\n' +
        "'+1+1,-5\r\n" +
        "'-2+3,-5\r\n" +
        "'@SUM(A1),-5\r\n" +
        "'\tTab,-5\r\n" +
        '"\'\rCR",-5\r\n' +
        'Safe = text,-5\r\n',
    );
  });
});
