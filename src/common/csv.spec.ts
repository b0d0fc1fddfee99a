import { describe, expect, it } from '@jest/globals';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('starts with a BOM, quotes what needs quoting and ends rows with CRLF', () => {
    expect(toCsv(['team', 'note'], [['Алтын Орда', 'said "yes", then no'], ['Line\nbreak', null]])).toBe(
      '\uFEFFteam,note\r\nАлтын Орда,"said ""yes"", then no"\r\n"Line\nbreak",\r\n',
    );
  });

  it('shows averages with two decimals and integers as they are', () => {
    expect(toCsv(['total', 'judges'], [[65.83333333333333, 3], [8.666666666666666, 0]])).toBe('\uFEFFtotal,judges\r\n65.83,3\r\n8.67,0\r\n');
  });
});
