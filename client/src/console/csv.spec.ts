import { describe, expect, it } from '@jest/globals';
import { parseCsv } from './csv.js';

describe('parseCsv (the links sheet the API writes)', () => {
  it('reads quoted fields with commas, doubled quotes and CRLF, after a BOM', () => {
    const sheet = '\uFEFFfullName,accessCode,link\r\n"Серік, Ә.","K7QF-""29""",/judge/abc\r\nАлия,X1,/judge/def\r\n';
    expect(parseCsv(sheet)).toEqual([
      { fullName: 'Серік, Ә.', accessCode: 'K7QF-"29"', link: '/judge/abc' },
      { fullName: 'Алия', accessCode: 'X1', link: '/judge/def' },
    ]);
  });
});
